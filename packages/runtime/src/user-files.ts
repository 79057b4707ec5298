import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from './errors.js';

const MAX_TEXT_BYTES = 5 * 1024 * 1024;

/**
 * Reads a text file a user gave us (changelog, config, README): a missing, binary or huge file is a
 * clear error naming the file, never a crash. `shownAs` is the path people see (relative to the repo).
 */
export function readUserTextFile(file: string, shownAs = file, what = 'file'): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new UserError(`${shownAs} is not a file.`, { location: { file: shownAs } });
    size = stat.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw unreadable(error, shownAs, what);
  }
  if (size > MAX_TEXT_BYTES) {
    throw new UserError(
      `The ${what} ${shownAs} is ${(size / 1024 / 1024).toFixed(1)} MiB; more than 5 MiB is not a ${what}.`,
      {
        location: { file: shownAs },
      },
    );
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw unreadable(error, shownAs, what);
  }
  if (bytes.includes(0))
    throw new UserError(`The ${what} ${shownAs} is binary, not text.`, { location: { file: shownAs } });
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD'))
    throw new UserError(`The ${what} ${shownAs} is not valid UTF-8 text.`, { location: { file: shownAs } });
  return text;
}

function unreadable(error: unknown, shownAs: string, what: string): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new UserError(`The ${what} ${shownAs} does not exist.`, { location: { file: shownAs } });
  return new UserError(`The ${what} ${shownAs} cannot be read (${code ?? String(error)}).`, {
    location: { file: shownAs },
    hint: 'Check its permissions.',
  });
}

/** `file` relative to `root`, with `/` separators, for messages and annotations. */
export function relativeTo(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/') || '.';
}
