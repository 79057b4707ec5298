import { expect, test } from '@jest/globals';
import { isCalendarDate } from './dates.js';

test.each([
  ['2024-02-29', true],
  ['2023-02-29', false],
  ['2024-13-01', false],
  ['2024-1-01', false],
  // Date.UTC reads years 0–99 as 1900–1999: 0099-01-01 was rejected, 1999's 02-29 rules applied to year 99.
  ['0099-01-01', true],
  ['0000-01-01', true],
  ['0004-02-29', true],
  ['0100-02-29', false],
])('isCalendarDate(%s) = %s', (text, expected) => {
  expect(isCalendarDate(text)).toBe(expected);
});
