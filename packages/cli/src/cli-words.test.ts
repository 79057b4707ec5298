import { expect, test } from '@jest/globals';
import { inCliWords } from './cli-words.js';

test.each([
  ['Input \'python\': "py" was not found on PATH.', '--python: "py" was not found on PATH.'],
  [
    "Check 'repo-path', or set 'repo' to extras, marketplace or core.",
    'Check --repo, or set --repo-kind to extras, marketplace or core.',
  ],
  ["set 'integrations-path' to the folder", 'set --integrations-path to the folder'],
  ["Input 'wheels': the folder x does not exist.", "Input 'wheels': the folder x does not exist."],
  ["the word 'python' in prose", "the word 'python' in prose"],
])('%s', (text, expected) => {
  expect(inCliWords(text)).toBe(expected);
});
