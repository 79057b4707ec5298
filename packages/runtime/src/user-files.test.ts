import { afterAll, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readUserTextFile } from './user-files.js';

// readUserTextFile on real files in a temp dir: every problem is one clear error naming the file.
const dir = mkdtempSync(path.join(os.tmpdir(), 'aic-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, content: string | Buffer) => {
  writeFileSync(path.join(dir, name), content);
  return path.join(dir, name);
};

test('reads a text file', () => {
  expect(readUserTextFile(file('ok.md', '## 1.0.0 / 2024-01-01\n'), 'ok.md')).toBe('## 1.0.0 / 2024-01-01\n');
});

test.each([
  ['missing', () => path.join(dir, 'absent.md'), 'The changelog absent.md does not exist.'],
  ['a folder', () => dir, 'absent.md is not a file.'],
  ['binary', () => file('bin.md', Buffer.from([0x23, 0x00, 0x01])), 'The changelog absent.md is binary, not text.'],
  [
    'not UTF-8',
    () => file('latin1.md', Buffer.from([0x23, 0xe9, 0x0a])),
    'The changelog absent.md is not valid UTF-8 text.',
  ],
  [
    'huge',
    () => file('huge.md', 'x'.repeat(5 * 1024 * 1024 + 1)),
    'The changelog absent.md is 5.0 MiB; more than 5 MiB',
  ],
  [
    'a symlink loop (unreadable)',
    () => {
      const loop = path.join(dir, 'loop.md');
      symlinkSync(loop, loop);
      return loop;
    },
    'The changelog absent.md cannot be read (ELOOP).',
  ],
])('%s: a clear error naming the file', (_case, make, message) => {
  expect(() => readUserTextFile(make(), 'absent.md', 'changelog')).toThrow(message);
});
