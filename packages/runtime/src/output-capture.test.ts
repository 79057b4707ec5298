import { describe, expect, test } from '@jest/globals';
import { OutputCapture } from './output-capture.js';
import { ProcessError, runProcess } from './process.js';

const node = process.execPath;
// Prints a first line, then `mib` MiB of filler, then a last line.
const noisy = (mib: number) => [
  '-e',
  `process.stdout.write('first\\n' + ('x'.repeat(1023) + '\\n').repeat(${mib} * 1024) + 'last\\n')`,
];

describe('output that is parsed is never silently truncated', () => {
  test('stdout larger than the old 4 MiB tail is kept whole, its start included', async () => {
    // Before: only the last 4 MiB were kept, and a `git diff --name-only` lost its first files (plan count=0).
    const result = await runProcess(node, noisy(6));
    expect(result.stdout.startsWith('first\n')).toBe(true);
    expect(result.stdout.endsWith('last\n')).toBe(true);
    expect(result.truncated).toBe(false);
  });

  test('past the limit the run is stopped and fails with a clear error, instead of returning part of it', async () => {
    const run = runProcess(node, noisy(2), { maxBuffer: 1024 * 1024 });
    await expect(run).rejects.toThrow(ProcessError);
    await expect(run).rejects.toThrow(
      /printed more than 1 MiB on stdout, so it was stopped: its output is read as a whole/,
    );
  });

  test('tail mode keeps the end, says so, and never fails', async () => {
    const result = await runProcess(node, noisy(2), { output: 'tail', maxBuffer: 1024 * 1024 });
    expect(result.stdout.length).toBe(1024 * 1024);
    expect(result.stdout.endsWith('last\n')).toBe(true);
    expect(result.truncated).toBe(true);
  });
});

describe('OutputCapture', () => {
  test('a tail keeps exactly the last characters across chunks', () => {
    const capture = new OutputCapture('tail', 5);
    for (const chunk of ['abc', 'defg', 'h', 'ij']) expect(capture.push(chunk)).toBe(true);
    expect(capture.text).toBe('fghij');
    expect(capture.dropped).toBe(5);
  });

  test('a whole capture refuses the chunk that passes its limit', () => {
    const capture = new OutputCapture('whole', 5);
    expect(capture.push('abcde')).toBe(true);
    expect(capture.push('f')).toBe(false);
    expect(capture.overflowed).toBe(true);
  });
});
