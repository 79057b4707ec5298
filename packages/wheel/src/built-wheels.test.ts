import { describe, expect, test } from '@jest/globals';
import { checkBuiltWheels, parseBuiltWheels } from './built-wheels.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const WHEEL = 'datadog_awesome-1.2.0-py3-none-any.whl';

describe('parseBuiltWheels', () => {
  test('reads the build-wheel output', () => {
    const output = JSON.stringify([
      { integration: 'awesome', path: '/w/dist/x', filename: WHEEL, version: '1.2.0', sha256: A },
    ]);
    expect(parseBuiltWheels(output)).toEqual(new Map([[WHEEL, A]]));
    expect(parseBuiltWheels('')).toBeUndefined();
    expect(parseBuiltWheels('[]')).toEqual(new Map());
  });

  test.each([
    ['{', 'is not JSON'],
    ['{}', 'must be a JSON list'],
    ['[null]', 'item 1 has no wheel file name'],
    [JSON.stringify([{ filename: '../evil.whl', sha256: A }]), 'item 1 has no wheel file name'],
    [JSON.stringify([{ filename: '/abs.whl', sha256: A }]), 'item 1 has no wheel file name'],
    [JSON.stringify([{ filename: WHEEL, sha256: A.toUpperCase() }]), 'has no sha256 of 64 hex digits'],
    [
      JSON.stringify([
        { filename: WHEEL, sha256: A },
        { filename: WHEEL, sha256: B },
      ]),
      'listed twice',
    ],
  ])('%s: %s', (raw, problem) => {
    expect(parseBuiltWheels(raw)).toEqual({ problem: expect.stringContaining(problem) });
  });
});

describe('checkBuiltWheels', () => {
  const prefix = 'datadog_awesome-1.2.0-';
  const built = new Map([[WHEEL, A]]);
  test.each([
    ['the reported wheel, same bytes', new Map([[WHEEL, A]]), undefined],
    ['other bytes', new Map([[WHEEL, B]]), 'has sha256 ' + B],
    [
      'a wheel nobody reported',
      new Map([
        [WHEEL, A],
        ['datadog_awesome-1.2.0-py2-none-any.whl', A],
      ]),
      'is not one of the wheels',
    ],
    ['the reported wheel missing', new Map(), 'which is not in the wheels folder'],
  ])('%s', (_what, found, problem) => {
    const result = checkBuiltWheels(found, built, prefix);
    if (problem === undefined) expect(result).toBeUndefined();
    else expect(result).toContain(problem);
  });

  test("another integration's wheels in the list do not matter", () => {
    expect(
      checkBuiltWheels(
        new Map([[WHEEL, A]]),
        new Map([
          [WHEEL, A],
          ['datadog_other-1.0.0-py3-none-any.whl', B],
        ]),
        prefix,
      ),
    ).toBeUndefined();
  });
});
