import { expect, test } from '@jest/globals';
import { details, escapeCell, table } from './markdown.js';

test('table escapes pipes and newlines in cells', () => {
  expect(table(['a', 'b'], [['x|y', 'one\ntwo']])).toBe('| a | b |\n| --- | --- |\n| x\\|y | one<br>two |\n');
});

test('details escapes the summary', () => {
  expect(details('<b>', 'body')).toBe('<details><summary>&lt;b&gt;</summary>\n\nbody\n\n</details>\n');
});

test('escapeCell', () => expect(escapeCell('a\\b')).toBe('a\\\\b'));
