import { expect, test } from '@jest/globals';
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
])('checkTagName(%j) valid: %s', (tag, valid) => expect(checkTagName(tag) === undefined).toBe(valid));
