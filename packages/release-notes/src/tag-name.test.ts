import { expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { checkTagFormat, checkTagName, tagName } from './tag-name.js';

test.each([
  ['<integration>-<version>', 'awesome', '1.2.0', 'awesome-1.2.0'],
  ['<integration>/v<version>', 'my_check', '2.0.0', 'my_check/v2.0.0'],
  ['v<version>', 'solo', '0.1.0', 'v0.1.0'],
])('tagName(%s, %s, %s) = %s', (format, integration, version, tag) => {
  expect(tagName(format, integration, version)).toBe(tag);
});

test.each([
  ['<integration>-<version>', undefined],
  ['<integration>', 'has no <version> placeholder'],
  ['<name>-<version>', 'unknown placeholder <name>'],
])('checkTagFormat(%s)', (format, problem) => {
  const found = checkTagFormat(format);
  if (problem === undefined) expect(found).toBeUndefined();
  else expect(found).toContain(problem);
});

test.each([
  ['awesome-1.2.0', true],
  ['awesome/v1.2.0', true],
  ['a b-1.0', false],
  ['-x', false],
  ['a..b', false],
  ['x.lock', false],
  ['a:b', false],
  ['a/.b', false],
  ['a$(id)~1', false],
  // Not only at the end of the whole name: every part (git refuses `refs/tags/a.lock/b`).
  ['a.lock/1.0', false],
  ['a/b.', false],
  ['a@{1}', false],
  ['@', true],
  ['x'.repeat(250), true],
  ['x'.repeat(251), false],
  ['é'.repeat(125), true],
  ['é'.repeat(126), false],
])('checkTagName(%j) valid: %s', (tag, valid) => expect(checkTagName(tag) === undefined).toBe(valid));

// The real git decides: on names built from the characters and pieces that matter, checkTagName agrees with
// `git check-ref-format refs/tags/<name>` (and `git tag`'s own rule, no leading '-').
test('checkTagName agrees with git check-ref-format', () => {
  const piece = fc.constantFrom(
    'a',
    'B',
    '1',
    '.',
    '..',
    '/',
    '//',
    '-',
    '@',
    '@{',
    '{',
    '.lock',
    'lock',
    ' ',
    '~',
    '^',
    ':',
    '?',
    '*',
    '[',
    '\\',
    '\t',
    '\u007f',
    'é',
    '_',
    '+',
  );
  const names = fc.sample(
    fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')),
    { numRuns: 300, seed: 15 },
  );
  const disagreements = [...new Set(names)].filter((name) => {
    const git = !name.startsWith('-') && spawnSync('git', ['check-ref-format', `refs/tags/${name}`]).status === 0;
    return git !== (checkTagName(name) === undefined);
  });
  expect(disagreements).toEqual([]);
});
