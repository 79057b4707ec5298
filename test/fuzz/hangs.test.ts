import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { callWithDeadline, source } from './deadline.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'aic-hangs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Inputs that once took super-linear time, each run in a worker thread with a deadline: a regression
// fails the test in seconds instead of freezing the suite. The deadline is a hang detector, not a speed
// goal: a linear parser needs a few milliseconds for these.
const DEADLINE_MS = 10_000;
const MIB = 1024 * 1024;

const changelog = source('packages/release-notes/src/parse.ts');

describe('no parser hangs on a hostile line', () => {
  test.each([
    [
      'a section label with a long run of spaces (was ~O(n⁴): 1,000 spaces took 177 s)',
      `***Added${' '.repeat(3_000)}x`,
    ],
    ['a version heading with a long run of spaces', `## 1.0.0${' '.repeat(50_000)}/${' '.repeat(50_000)}x\u2028`],
    ['a version heading with a long version', `## 1.${'1'.repeat(100_000)}!`],
    ['a setext heading candidate', `1.${'1'.repeat(100_000)}!\n===`],
    ['a bullet with a long run of spaces before a line separator', `* ${' '.repeat(100_000)}a\u2028`],
  ])('changelog: %s', async (_what, line) => {
    const run = await callWithDeadline<{ entries: unknown[] }>(
      changelog,
      'parseChangelog',
      [`## 1.0.0\n\n${line}\n`],
      DEADLINE_MS,
    );
    expect(run).toMatchObject({ finished: true });
    expect(run.error).toBeUndefined();
  });

  test.each([
    [
      'a TOML key followed by a long run of spaces',
      'packages/integration/src/toml-lines.ts',
      'tomlKeyLine',
      [`a${' '.repeat(100_000)}x`, 'a'],
    ],
    [
      'pytest summary lines with unclosed parentheses',
      'packages/steps/src/integration-tests/verdict.ts',
      'countsFromSummary',
      [`=${' x in 1s ('.repeat(30_000)}\n`],
    ],
    [
      'a pytest summary with a long run of digits',
      'packages/steps/src/integration-tests/verdict.ts',
      'countsFromSummary',
      [`= ${'1'.repeat(100_000)}x in 1s =`],
    ],
    [
      'a tag format full of <',
      'packages/release-notes/src/tag-name.ts',
      'checkTagFormat',
      [`<version>${'<'.repeat(100_000)}`],
    ],
    [
      'a root path ending in a long run of slashes',
      'packages/junit/src/locate.ts',
      'projectFile',
      ['/a/b.py', `/a${'/'.repeat(100_000)}x`],
    ],
  ])('%s', async (_what, file, name, args) => {
    const run = await callWithDeadline(source(file), name, args, DEADLINE_MS);
    expect(run).toMatchObject({ finished: true });
    expect(run.error).toBeUndefined();
  });

  test.each([
    // Before: the `yaml` library's toJS stringified the nested keys at every level: 400 `{` took 24 s.
    ['nested flow mappings as keys', '{'.repeat(800)],
    ['nested explicit keys', '? '.repeat(800)],
    // Before: the parser's stack overflowed; inside V8's regexp compiler that is a fatal out-of-memory crash.
    ['40,000 nested brackets', '['.repeat(40_000)],
  ])('a compose file of %s', async (_what, text) => {
    const file = path.join(
      dir,
      `docker-compose-${text.length}-${text[0] === '?' ? 'q' : text[0] === '{' ? 'b' : 's'}.yml`,
    );
    writeFileSync(file, text);
    const run = await callWithDeadline(
      source('packages/steps/src/integration-tests/compose.ts'),
      'composeImages',
      [file, dir],
      DEADLINE_MS,
    );
    expect(run).toMatchObject({ finished: true, error: expect.stringContaining('cannot be read as YAML') });
  });

  test('changelog: a 1 MB hostile line', async () => {
    const line = `***Added${' '.repeat(MIB)}x`;
    const run = await callWithDeadline(changelog, 'parseChangelog', [`## 1.0.0\n\n${line}\n`], DEADLINE_MS);
    expect(run).toMatchObject({ finished: true });
    process.stderr.write(`changelog parser, 1 MB hostile label line: ${run.ms.toFixed(1)} ms\n`);
  });
});
