import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { parseVersionRequest, pythonAllowed, resolveVersion, type PublishedRelease } from './versions.js';

const published: PublishedRelease[] = [
  { version: '14.4.0', requiresPython: '>=3.9', yanked: false },
  { version: '15.0.0', requiresPython: '>=3.13', yanked: false },
  { version: '19.1.0', requiresPython: '>=3.13', yanked: false },
  { version: '20.0.0', requiresPython: '>=3.13', yanked: false },
  { version: '20.1.0', requiresPython: '>=3.13', yanked: false },
  { version: '20.2.0', requiresPython: '>=3.13', yanked: true },
];

const resolve = (raw: string, python = '3.13.0') => {
  const request = parseVersionRequest(raw);
  if ('problem' in request) return request;
  return resolveVersion(request, published, python);
};

describe('resolving ddev-version', () => {
  test.each([
    ['20.1.0', { ok: true, version: '20.1.0' }],
    ['latest', { ok: true, version: '20.1.0' }],
    ['', { ok: true, version: '20.1.0' }],
    ['>=20,<21', { ok: true, version: '20.1.0' }],
    ['>=15,<20', { ok: true, version: '19.1.0' }],
    ['~=20.0.0', { ok: true, version: '20.0.0' }],
    ['==19.*', { ok: true, version: '19.1.0' }],
    ['!=20.1.0,>=20', { ok: true, version: '20.0.0' }],
  ])('%j → %j', (raw, expected) => expect(resolve(raw)).toEqual(expected));

  test.each([
    ['99.0.0', 'ddev 99.0.0 does not exist on the package index (the newest is 20.1.0).'],
    ['20.1.0', 'ddev 20.1.0 needs Python >=3.13, but the interpreter is 3.11.7.', '3.11.7'],
    ['>=30', 'No ddev release matches >=30 on the package index.'],
    ['>=15', 'No ddev release matches >=15 runs on Python 3.11.7 (they need >=3.13).', '3.11.7'],
  ])('%j is refused', (raw, problem, python = '3.13.0') => {
    expect(resolve(raw, python)).toEqual({ ok: false, problem });
  });

  test('on an older Python, latest is the newest release that runs there', () => {
    expect(resolve('latest', '3.12.1')).toEqual({ ok: true, version: '14.4.0' });
  });

  test.each(['banana', '20.1', '>>20', '20.1.0; rm -rf /', '$(id)', '>=20,', 'v20.1.0'])(
    '%j is not a version',
    (raw) => {
      const parsed = parseVersionRequest(raw);
      if (raw === '20.1') expect(parsed).toEqual({ kind: 'exact', version: '20.1' });
      else expect(parsed).toHaveProperty('problem');
    },
  );

  test('any input: a clear problem or a version the index lists — never a throw (10k cases)', () => {
    const versionLike = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.stringMatching(
        /^(==|!=|>=|<=|~=|>|<)?\d{1,3}(\.\d{1,3}){0,3}(\.\*)?(,(==|!=|>=|<=|~=|>|<)\d{1,3}(\.\d{1,3}){0,2})*$/,
      ),
    );
    fc.assert(
      fc.property(versionLike, (raw) => {
        const result = resolve(raw);
        if ('ok' in result && result.ok) expect(published.map((p) => p.version)).toContain(result.version);
        else expect((result as { problem: string }).problem.length).toBeGreaterThan(10);
      }),
      { numRuns: 10_000 },
    );
  });
});

test.each([
  ['>=3.13', '3.13.0', true],
  ['>=3.13', '3.12.1', false],
  ['>=3.9,<4', '3.11.7', true],
  [undefined, '3.8.0', true],
])('pythonAllowed(%s, %s) = %s', (spec, python, allowed) => expect(pythonAllowed(spec, python)).toBe(allowed));

test.each([
  ['latest', '20.1.0'],
  ['>=20', '20.1.0'],
  ['21.0.0rc1', '21.0.0rc1'],
])('a pre-release on the index is picked only by its exact version: %j → %s', (raw, version) => {
  const request = parseVersionRequest(raw);
  if ('problem' in request) throw new Error(request.problem);
  const withCandidate = [...published, { version: '21.0.0rc1', requiresPython: '>=3.13', yanked: false }];
  expect(resolveVersion(request, withCandidate, '3.13.0')).toEqual({ ok: true, version });
});
