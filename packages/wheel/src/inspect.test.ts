import { describe, expect, test } from '@jest/globals';
import { zipSync, strToU8 } from 'fflate';
import { expectedWheelName, inspectWheel, readMetadata, readWheel, recordHash, type WheelFiles } from './index.js';

const DIST = 'datadog_awesome-1.1.0.dist-info';

function wheel(
  overrides: Record<string, string | undefined> = {},
  record?: (files: Record<string, Uint8Array>) => string,
): WheelFiles {
  const contents: Record<string, string | undefined> = {
    'datadog_checks/awesome/__init__.py': 'from .check import AwesomeCheck\n',
    'datadog_checks/awesome/__about__.py': "__version__ = '1.1.0'\n",
    'datadog_checks/awesome/check.py': 'class AwesomeCheck: pass\n',
    'datadog_checks/awesome/data/conf.yaml.example': 'instances:\n  - url: x\n',
    [`${DIST}/METADATA`]:
      'Metadata-Version: 2.4\nName: datadog-awesome\nVersion: 1.1.0\n\nLong description\nName: other\n',
    [`${DIST}/WHEEL`]: 'Wheel-Version: 1.0\n',
    ...overrides,
  };
  const bytes: Record<string, Uint8Array> = {};
  for (const [name, value] of Object.entries(contents)) if (value !== undefined) bytes[name] = strToU8(value);
  const recordText = record
    ? record(bytes)
    : Object.entries(bytes)
        .map(([name, data]) => `${name},${recordHash(data)},${data.length}`)
        .join('\n') + `\n${DIST}/RECORD,,\n`;
  bytes[`${DIST}/RECORD`] = strToU8(recordText);
  return readWheel(zipSync(bytes)) as WheelFiles;
}

const expected = {
  filename: 'datadog_awesome-1.1.0-py3-none-any.whl',
  integration: 'awesome',
  project: 'datadog-awesome',
  version: '1.1.0',
};
const rules = (files: WheelFiles, over: Partial<typeof expected> = {}) =>
  inspectWheel(files, { ...expected, ...over }).map((f) => `${f.level}:${f.rule}`);

describe('inspectWheel', () => {
  test('a right wheel has no finding', () => expect(rules(wheel())).toEqual([]));

  test.each([
    ['wrong version in __about__', wheel(), { version: '1.2.0' }, ['error:wheel-filename', 'error:metadata-version']],
    ['tests packaged', wheel({ 'tests/test_unit.py': 'x' }), {}, ['error:tests-packaged']],
    ['namespace __init__ packaged', wheel({ 'datadog_checks/__init__.py': '' }), {}, ['warning:namespace-init']],
    [
      'missing conf example',
      wheel({ 'datadog_checks/awesome/data/conf.yaml.example': undefined }),
      {},
      ['error:missing-file'],
    ],
    ['no check module', wheel({ 'datadog_checks/awesome/check.py': undefined }), {}, ['error:missing-check-module']],
    [
      'another project name',
      wheel(),
      { project: 'datadog-other', filename: 'datadog_other-1.1.0-py3-none-any.whl' },
      ['error:metadata-name'],
    ],
    [
      'RECORD hash altered',
      wheel({}, (files) =>
        Object.keys(files)
          .map((n) => `${n},sha256=AAAA,1`)
          .join('\n'),
      ),
      {},
      ['error:record'],
    ],
  ])('%s', (_name, files, over, found) => {
    expect(rules(files, over)).toEqual(expect.arrayContaining(found));
  });

  test('a corrupt zip is a problem, not a throw', () => {
    expect(readWheel(strToU8('PK\u0003\u0004 not really a zip'))).toHaveProperty('problem');
  });
});

test.each([
  ['datadog-awesome', '1.1.0', 'datadog_awesome-1.1.0-py3-none-any.whl'],
  ['datadog-my-check', '2.0.0', 'datadog_my_check-2.0.0-py3-none-any.whl'],
])('expectedWheelName(%s, %s)', (project, version, name) => expect(expectedWheelName(project, version)).toBe(name));

test('readMetadata reads headers only', () => {
  expect(readMetadata('Name: a\nVersion: 1\n\nName: b')).toEqual({ name: 'a', version: '1' });
});
