import { describe, expect, test } from '@jest/globals';
import { withoutTrailingDots } from './text.js';

describe('withoutTrailingDots', () => {
  test.each([
    ['Refused.', 'Refused'],
    ['Refused. \n', 'Refused'],
    ['a.b', 'a.b'],
    ['...', ''],
    ['', ''],
    [' x ', ' x'],
  ])('%j → %j', (input, expected) => expect(withoutTrailingDots(input)).toBe(expected));

  test('a long run of dots and spaces followed by a letter is linear', () => {
    const hostile = `${' .'.repeat(200_000)}x`;
    expect(withoutTrailingDots(hostile)).toBe(hostile);
  });
});
