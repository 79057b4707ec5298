import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import {
  boolean,
  choice,
  custom,
  inputName,
  InputError,
  integer,
  list,
  readInputs,
  splitArguments,
  text,
} from './inputs.js';

const from = (values: Record<string, string>) => (name: string) => values[name];

describe('readInputs', () => {
  const schema = {
    ddevVersion: text({ default: '14.0.0' }),
    cache: boolean(true),
    installer: choice(['uv', 'pip', 'pipx'] as const, 'uv'),
    pullRetries: integer({ default: 3, min: 1, max: 10 }),
    integrations: list(),
  };

  test('reads every input into one typed object, with defaults', () => {
    expect(readInputs(schema, from({ installer: 'PIP', integrations: 'a, b\nc' }))).toEqual({
      ddevVersion: '14.0.0',
      cache: true,
      installer: 'pip',
      pullRetries: 3,
      integrations: ['a', 'b', 'c'],
    });
  });

  test('reports every problem at once, each naming its input', () => {
    let error: unknown;
    try {
      readInputs(schema, from({ cache: 'maybe', installer: 'conda', 'pull-retries': '0' }));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toEqual([
      `Input 'cache': "maybe" is not a boolean. Use 'true' or 'false'.`,
      `Input 'installer': "conda" is not one of 'uv', 'pip', 'pipx'.`,
      `Input 'pull-retries': 0 is below the minimum 1.`,
    ]);
  });

  test.each([
    ['ddevVersion', 'ddev-version'],
    ['repoPath', 'repo-path'],
    ['junit', 'junit'],
  ])('inputName(%s) = %s', (key, name) => expect(inputName(key)).toBe(name));
});

describe('specs', () => {
  test.each([
    ['true', true],
    ['False', false],
    ['yes', true],
    ['0', false],
    ['', false],
  ])('boolean(false) reads %j as %s', (raw, value) => {
    expect(boolean(false).parse(raw)).toEqual({ ok: true, value });
  });

  test.each([
    ['12', { ok: true, value: 12 }],
    ['1.5', { ok: false, problem: '"1.5" is not a whole number.' }],
    ['-1', { ok: false, problem: '-1 is below the minimum 0.' }],
  ])('integer reads %j', (raw, expected) => {
    expect(integer({ default: 1, min: 0 }).parse(raw)).toEqual(expected);
  });

  test('required text', () => {
    expect(text({ required: true }).parse('')).toMatchObject({ ok: false });
  });

  test('custom specs turn a returned problem or a throw into a problem', () => {
    const spec = custom((raw) => (raw === 'bad' ? { problem: 'is bad' } : raw.length));
    expect(spec.parse('abc')).toEqual({ ok: true, value: 3 });
    expect(spec.parse('bad')).toEqual({ ok: false, problem: 'is bad' });
    expect(
      custom(() => {
        throw new Error('boom');
      }).parse('x'),
    ).toEqual({ ok: false, problem: 'boom' });
  });

  test('no raw text makes a spec throw', () => {
    const specs = [
      boolean(true),
      choice(['a', 'b'] as const, 'a'),
      integer({ default: 0, min: 0, max: 9 }),
      list(),
      text(),
    ];
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (raw) => {
        for (const spec of specs) expect(() => spec.parse(raw.trim())).not.toThrow();
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('splitArguments', () => {
  test.each([
    ['', []],
    ['-k test_ok -x', ['-k', 'test_ok', '-x']],
    [`-k "a b" --tb='short'`, ['-k', 'a b', '--tb=short']],
    ['; rm -rf / $(id) `id` && ls', [';', 'rm', '-rf', '/', '$(id)', '`id`', '&&', 'ls']],
    ['a\\ b ""', ['a b', '']],
  ])('%j', (raw, args) => expect(splitArguments(raw)).toEqual(args));

  test('an unclosed quote is a problem', () =>
    expect(splitArguments('-k "a')).toEqual({ problem: 'has an unclosed " quote.' }));
});
