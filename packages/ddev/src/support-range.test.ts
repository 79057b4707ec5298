import { describe, expect, test } from '@jest/globals';
import { PINNED_DDEV_VERSION } from './install-plan.js';
import { ddevAtLeast, OLDEST_SUPPORTED_DDEV, parseDdevVersionOutput, supportVerdict } from './support-range.js';

describe('ddev --version', () => {
  test.each([
    ['ddev, version 13.0.0\n', '13.0.0'],
    ['ddev, version 20.1.0', '20.1.0'],
    ['An upgrade to version 20.1.0 is available\nddev, version 14.4.0\n', '14.4.0'],
    ['ddev 20', undefined],
    ['', undefined],
  ])('%j → %s', (stdout, version) => {
    expect(parseDdevVersionOutput(stdout)).toBe(version);
  });
});

describe('the supported range', () => {
  test.each([
    [OLDEST_SUPPORTED_DDEV, 'supported'],
    [PINNED_DDEV_VERSION, 'supported'],
    ['14.4.0', 'supported'],
    ['20.9.0', 'supported'],
    ['12.2.0', 'older'],
    ['5.0.0', 'older'],
    ['21.0.0', 'newer'],
    ['banana', 'unknown'],
  ])('ddev %s is %s', (version, kind) => {
    expect(supportVerdict(version).kind).toBe(kind);
  });

  test('an older ddev is told which version to use', () => {
    expect(supportVerdict('12.2.0')).toMatchObject({
      message: expect.stringContaining(`Use ddev-version ${OLDEST_SUPPORTED_DDEV} or newer`),
    });
  });

  test.each([
    ['16.1.1', '17.0.0', false],
    ['17.0.0', '17.0.0', true],
    ['17.0.1', '17.0.0', true],
    [undefined, '17.0.0', true],
    ['dev', '17.0.0', true],
  ])('ddev %s at least %s: %s', (version, since, expected) => {
    expect(ddevAtLeast(version, since)).toBe(expected);
  });
});
