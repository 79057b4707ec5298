import { expect, test } from '@jest/globals';
import { bumpKind, bumpSectionWarnings, parseChangelog, staleVersionReferences } from './index.js';

test.each([
  ['1.0.0', '2.0.0', 'major'],
  ['1.0.0', '1.1.0', 'minor'],
  ['1.0.0', '1.0.1', 'patch'],
  ['1.0.0', '1.0.0', 'none'],
  ['1.2.0', '1.1.0', 'none'],
  [undefined, '1.0.0', 'major'],
  ['1.0.0', 'banana', 'none'],
])('bumpKind(%s, %s) = %s', (previous, next, kind) => expect(bumpKind(previous, next)).toBe(kind));

test.each([
  ['patch', '***Added***:\n\n* a', ['An ***Added***: section usually needs a minor bump, not a patch one.']],
  ['minor', '***Removed***:\n\n* a', ['A ***Removed***: section usually needs a major bump, not a minor one.']],
  ['major', '***Removed***:\n\n* a\n\n***Added***:\n\n* b', []],
  ['minor', '***Added***:\n\n* a', []],
] as const)('bump %s with %j', (kind, body, messages) => {
  const [entry] = parseChangelog(`## 2.0.0 / 2026-01-01\n\n${body}\n`).entries;
  expect(bumpSectionWarnings(kind, entry!).map((w) => w.message)).toEqual(messages);
});

test('stale version references in install commands and pins', () => {
  const readme = [
    '# My check',
    'datadog-agent integration install -t datadog-my-check==1.0.0',
    'pip install datadog-my-check==1.0.01',
    'pip install datadog_my_check==1.0.0',
    'agent integration install -w datadog_my_check-1.0.0-py3-none-any.whl',
    'Version 1.0.0 was great.',
  ].join('\n');
  expect(staleVersionReferences(readme, 'my_check', '1.0.0').map((r) => r.line)).toEqual([2, 4, 5]);
});

test('a previous version with regex characters is text, not a pattern (it crashed or matched too much)', () => {
  const readme = [
    'pip install datadog-my-check==1.0(',
    'pip install datadog-my-check==1x0x0',
    'datadog-my-check==1.*',
  ].join('\n');
  expect(staleVersionReferences(readme, 'my_check', '1.0(').map((r) => r.line)).toEqual([1]);
  expect(staleVersionReferences(readme, 'my_check', '1.*').map((r) => r.line)).toEqual([3]);
  expect(staleVersionReferences(readme, 'my_check', '1.0.0').map((r) => r.line)).toEqual([]);
  for (const version of ['[', '(', '\\', '+1', '1{2', '$^|'])
    expect(() => staleVersionReferences(readme, 'my(check', version)).not.toThrow();
});
