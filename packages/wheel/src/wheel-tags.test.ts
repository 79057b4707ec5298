import { expect, test } from '@jest/globals';
import { installableTags, parseWheelFilename } from './wheel-tags.js';

test.each([
  [
    'datadog_awesome-1.1.0-py3-none-any.whl',
    { name: 'datadog_awesome', version: '1.1.0', build: undefined, tags: ['py3-none-any'] },
  ],
  [
    'datadog_awesome-1.1.0-py2.py3-none-any.whl',
    { name: 'datadog_awesome', version: '1.1.0', build: undefined, tags: ['py2-none-any', 'py3-none-any'] },
  ],
  [
    'x-2.0-7-cp313.cp312-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl',
    {
      name: 'x',
      version: '2.0',
      build: '7',
      tags: [
        'cp313-abi3-manylinux_2_17_x86_64',
        'cp313-abi3-manylinux2014_x86_64',
        'cp312-abi3-manylinux_2_17_x86_64',
        'cp312-abi3-manylinux2014_x86_64',
      ],
    },
  ],
])('parseWheelFilename(%s)', (filename, parsed) => expect(parseWheelFilename(filename)).toEqual(parsed));

test.each(['x-1.0.tar.gz', 'x-1.0-py3.whl', 'x-1.0-py3--any.whl', 'a-b-c-d-e-f-g.whl'])(
  'parseWheelFilename(%s) is not a wheel name',
  (filename) => expect(parseWheelFilename(filename)).toBeUndefined(),
);

test('installableTags keeps the tags the interpreter supports, case-insensitively', () => {
  const wheel = parseWheelFilename('x-1.0-py2.py3-none-any.whl')!;
  expect(installableTags(wheel, new Set(['py3-none-any', 'cp313-cp313-linux_x86_64']))).toEqual(['py3-none-any']);
  expect(installableTags(wheel, new Set(['cp313-cp313-linux_x86_64']))).toEqual([]);
});
