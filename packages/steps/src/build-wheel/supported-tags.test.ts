import { expect, test } from '@jest/globals';
import { interpreterWarnings } from './supported-tags.js';

const tags = new Set(['py3-none-any']);

test.each([
  [{ description: 'CPython 3.13 on linux x86_64', tags }, []],
  [{ description: 'CPython 3.12 on linux x86_64', tags }, ["not the Agent's CPython 3.13"]],
  [{ problem: 'neither packaging nor pip is importable' }, ["The wheel's tags were not checked"]],
])('interpreterWarnings(%j)', (interpreter, messages) => {
  const found = interpreterWarnings(interpreter);
  expect(found.map((f) => f.level)).toEqual(messages.map(() => 'warning'));
  messages.forEach((message, i) => expect(found[i]?.message).toContain(message));
});
