import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';

/** A wheel's files (it is a zip), read in memory. */
export type WheelFiles = Map<string, Uint8Array>;

export function readWheel(bytes: Uint8Array): WheelFiles | { problem: string } {
  try {
    const entries = unzipSync(bytes);
    return new Map(Object.entries(entries).filter(([name]) => !name.endsWith('/')));
  } catch (error) {
    return { problem: `not a valid zip archive (${(error as Error).message})` };
  }
}

/** RECORD's hash form: `sha256=` + urlsafe base64 without padding. */
export function recordHash(bytes: Uint8Array): string {
  return `sha256=${createHash('sha256').update(bytes).digest('base64url')}`;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `Name:`, `Version:` and every `Requires-Dist:` of a METADATA file (RFC 822 headers up to the first blank line). */
export function readMetadata(text: string): {
  name: string | undefined;
  version: string | undefined;
  requiresDist: string[];
} {
  const values = new Map<string, string[]>();
  for (const line of text.split(/\r?\n/)) {
    if (line === '') break;
    const colon = line.indexOf(':');
    const value = line.slice(colon + 1).trim();
    if (colon <= 0 || value === '') continue;
    const key = line.slice(0, colon).toLowerCase();
    const list = values.get(key);
    if (list) list.push(value);
    else values.set(key, [value]);
  }
  return {
    name: values.get('name')?.[0],
    version: values.get('version')?.[0],
    requiresDist: values.get('requires-dist') ?? [],
  };
}

/** A project name as wheel file names spell it (PEP 427): runs of `-_.` become `_`, lower case. */
export function wheelProjectName(project: string): string {
  return project.toLowerCase().replace(/[-_.]+/g, '_');
}
