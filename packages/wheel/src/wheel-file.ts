import { createHash } from 'node:crypto';
import { readZip, WHEEL_LIMITS, type ZipLimits } from './zip-reader.js';

/** A wheel's files (it is a zip), read in memory. */
export type WheelFiles = Map<string, Uint8Array>;

/**
 * Reads a wheel (a zip) in memory: entries that would unpack outside the install folder (`../`, absolute
 * names, symbolic links) make it unsafe, and inflating is bounded (see zip-reader.ts).
 */
export function readWheel(bytes: Uint8Array, limits: ZipLimits = WHEEL_LIMITS): WheelFiles | { problem: string } {
  const files = readZip(bytes, limits);
  return 'problem' in files ? { problem: `not a wheel that installs safely: ${files.problem}` } : files;
}

/**
 * RECORD as the CSV it is (PEP 376: Python's csv module, `excel` dialect): fields may be quoted, a quoted
 * field may hold commas and doubled quotes. One pass over the text.
 */
export function parseRecord(text: string): string[][] | { problem: string; line: number } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let fieldStart = true;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index++;
        } else quoted = false;
      } else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (char === ',') {
      row.push(field);
      field = '';
      fieldStart = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      row.push(field);
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      field = '';
      fieldStart = true;
      line++;
    } else {
      field += char;
      fieldStart = false;
    }
  }
  if (quoted) return { problem: 'a quoted field is never closed', line };
  row.push(field);
  if (row.length > 1 || row[0] !== '') rows.push(row);
  return rows;
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

/** How the wheels of one version of a project begin (PEP 427): `datadog_awesome-1.2.0-`. */
export function wheelPrefix(project: string, version: string): string {
  return `${wheelProjectName(project)}-${version}-`;
}
