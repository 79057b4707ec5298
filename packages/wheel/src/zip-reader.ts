import { crc32, inflateRawSync } from 'node:zlib';

/**
 * A zip archive read the way an installer must read an untrusted one: from its central directory, with every
 * entry's name checked before anything is inflated, and every entry inflated to at most the size it declares.
 * A zip bomb (a few MB that inflate to gigabytes) fails after reading its directory, in bounded memory.
 */
export interface ZipLimits {
  /** Most entries (files and folders). */
  maxEntries: number;
  /** Most bytes, all entries inflated together. */
  maxTotalBytes: number;
}

export const WHEEL_LIMITS: ZipLimits = { maxEntries: 50_000, maxTotalBytes: 256 * 1024 * 1024 };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const UNIX = 3;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

class ZipProblem extends Error {}

const problem = (message: string): never => {
  throw new ZipProblem(message);
};

/** Why an entry name could write outside the folder it is unpacked into, or undefined when it is safe. */
export function unsafeEntryName(name: string): string | undefined {
  if (name === '') return 'an empty name';
  if (name.includes('\0')) return 'a NUL character';
  if (name.includes('\\')) return 'a backslash (a Windows path separator)';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'an absolute path';
  if (name.split('/').some((part) => part === '..')) return 'a `..` component';
  return undefined;
}

/** The files of a zip (folders left out), or what makes it unsafe or broken. */
export function readZip(
  bytes: Uint8Array,
  limits: ZipLimits = WHEEL_LIMITS,
): Map<string, Uint8Array> | { problem: string } {
  try {
    return read(bytes, limits);
  } catch (error) {
    if (error instanceof ZipProblem) return { problem: error.message };
    throw error;
  }
}

function read(bytes: Uint8Array, limits: ZipLimits): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : problem('cut short'));
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : problem('cut short'));

  // The end-of-central-directory record: in the last 22 + 65,535 bytes (its comment may be that long).
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) problem('not a zip archive (no end of central directory)');
  const count = u16(end + 10);
  const directorySize = u32(end + 12);
  const directoryStart = u32(end + 16);
  if (count === 0xffff || directoryStart === 0xffffffff) problem('a ZIP64 archive, which no wheel needs');
  if (count > limits.maxEntries) problem(`${count} entries, more than the ${limits.maxEntries} a wheel may have`);
  if (directoryStart + directorySize > end) problem('a central directory that overlaps its end record');

  const decoder = new TextDecoder('utf-8', { fatal: true });
  const entries: { name: string; method: number; crc: number; size: number; compressed: number; offset: number }[] = [];
  const names = new Set<string>();
  let total = 0;
  let at = directoryStart;
  for (let index = 0; index < count; index++) {
    if (u32(at) !== CENTRAL) problem(`entry ${index + 1}: a broken central directory`);
    const madeBy = u16(at + 4) >> 8;
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const crc = u32(at + 16);
    const compressed = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const external = u32(at + 38);
    const offset = u32(at + 42);
    if (at + 46 + nameLength > bytes.length) problem('cut short');
    let name: string;
    try {
      name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    } catch {
      name = problem(`entry ${index + 1}: a name that is not UTF-8`);
    }
    const shown = JSON.stringify(name.length > 100 ? `${name.slice(0, 97)}...` : name);
    const unsafe = unsafeEntryName(name);
    if (unsafe) problem(`the entry ${shown} has ${unsafe}: unpacked, it would land outside the install folder`);
    if (madeBy === UNIX && ((external >>> 16) & S_IFMT) === S_IFLNK)
      problem(`the entry ${shown} is a symbolic link: unpacked, it could point anywhere`);
    if (flags & 1) problem(`the entry ${shown} is encrypted`);
    if (names.has(name)) problem(`the entry ${shown} is in it twice (installers disagree on which one wins)`);
    names.add(name);
    total += size;
    if (total > limits.maxTotalBytes)
      problem(`it would inflate to more than ${limits.maxTotalBytes / 1024 / 1024} MiB (a zip bomb?)`);
    if (!name.endsWith('/')) entries.push({ name, method, crc, size, compressed, offset });
    at += 46 + nameLength + extraLength + commentLength;
  }

  const files = new Map<string, Uint8Array>();
  for (const entry of entries) {
    const shown = JSON.stringify(entry.name.length > 100 ? `${entry.name.slice(0, 97)}...` : entry.name);
    if (u32(entry.offset) !== LOCAL) problem(`the entry ${shown} has no local header where the directory says`);
    const start = entry.offset + 30 + u16(entry.offset + 26) + u16(entry.offset + 28);
    if (start + entry.compressed > directoryStart) problem(`the entry ${shown} runs into the central directory`);
    const data = bytes.subarray(start, start + entry.compressed);
    let content: Uint8Array;
    if (entry.method === 0) {
      content = data;
    } else if (entry.method === 8) {
      try {
        // At most one byte more than declared: enough to tell a liar, never the gigabytes it would inflate to.
        content = inflateRawSync(data, { maxOutputLength: entry.size + 1 });
      } catch (error) {
        content =
          (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
            ? problem(`the entry ${shown} inflates to more than the ${entry.size} bytes it declares (a zip bomb?)`)
            : problem(`the entry ${shown} is not valid deflate data`);
      }
    } else {
      content = problem(`the entry ${shown} uses compression method ${entry.method} (wheels use deflate or none)`);
    }
    if (content.length !== entry.size)
      problem(`the entry ${shown} is ${content.length} bytes, but the directory says ${entry.size}`);
    if (crc32(content) !== entry.crc) problem(`the entry ${shown} does not match its CRC-32`);
    files.set(entry.name, content);
  }
  return files;
}
