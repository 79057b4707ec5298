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
  const headers = text.split(/\r?\n\r?\n/)[0] ?? '';
  const header = (key: string) => new RegExp(`^${key}:\\s*(.+)$`, 'mi').exec(headers)?.[1]?.trim();
  const requiresDist = [...headers.matchAll(/^Requires-Dist:\s*(.+)$/gim)].map((match) => match[1]!.trim());
  return { name: header('Name'), version: header('Version'), requiresDist };
}

/** A project name as wheel file names spell it (PEP 427): runs of `-_.` become `_`, lower case. */
export function wheelProjectName(project: string): string {
  return project.toLowerCase().replace(/[-_.]+/g, '_');
}

/** How the wheels of one version of a project begin (PEP 427): `datadog_awesome-1.2.0-`. */
export function wheelPrefix(project: string, version: string): string {
  return `${wheelProjectName(project)}-${version}-`;
}
