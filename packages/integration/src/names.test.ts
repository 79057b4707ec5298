import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { checkIntegrationName, normalizeCheckName, projectName } from './names.js';
import { readAboutVersion } from './layout.js';

describe('checkIntegrationName', () => {
  test.each([
    ['awesome', true],
    ['aerospike_enterprise', true],
    ['1e', true],
    ['', false],
    ['../etc', false],
    ['a/b', false],
    ['a\\b', false],
    ['name; rm -rf /', false],
    ['$(id)', false],
    ['a\nb', false],
    ['Awesome', false],
    ['my-check', true],
    ['apache-apisix', true],
    ['-x', false],
    ['_private', false],
  ])('%j valid: %s', (name, valid) => {
    expect(checkIntegrationName(name).ok).toBe(valid);
  });

  test('suggests the normalised name for a near miss', () => {
    const result = checkIntegrationName('My-Check');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toContain(`Did you mean 'my_check'?`);
  });

  test('any string: a valid name or a one-line problem, never a throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (raw) => {
        const result = checkIntegrationName(raw);
        if (result.ok) expect(result.name).toMatch(/^[a-z0-9][a-z0-9_-]*$/);
        else expect(result.problem.length).toBeGreaterThan(0);
      }),
      { numRuns: 10_000 },
    );
  });
});

test.each([
  ['my_check', 'datadog-my-check'],
  ['awesome', 'datadog-awesome'],
])('projectName(%s) = %s', (name, project) => expect(projectName(name)).toBe(project));

test('normalizeCheckName', () => expect(normalizeCheckName(' My-Check ')).toBe('my_check'));

test.each([
  ['__version__ = "1.2.3"\n', { version: '1.2.3', line: 1 }],
  ["# c\n__version__ = '0.0.1'", { version: '0.0.1', line: 2 }],
  ['__version__: str = "2.0.0"', { version: '2.0.0', line: 1 }],
  ['VERSION = "1"', undefined],
])('readAboutVersion(%j)', (text, expected) => expect(readAboutVersion(text)).toEqual(expected));
