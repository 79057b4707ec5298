import { describe, expect, test } from '@jest/globals';
import { zipSync, strToU8 } from 'fflate';
import { inspectWheel, readMetadata, readWheel, recordHash, type WheelExpectations, type WheelFiles } from './index.js';

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
      'Metadata-Version: 2.4\nName: datadog-awesome\nVersion: 1.1.0\nRequires-Dist: datadog-checks-base>=37.21.0\n\nLong description\nName: other\n',
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
const rules = (files: WheelFiles, over: Partial<WheelExpectations> = {}) =>
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

// A few of what packaging's sys_tags() gives for CPython 3.13 on linux x86_64.
const cpython313 = {
  description: 'CPython 3.13 on linux x86_64',
  tags: new Set(['cp313-cp313-manylinux_2_17_x86_64', 'cp313-abi3-linux_x86_64', 'py313-none-any', 'py3-none-any']),
};

describe('the wheel file name and its tags', () => {
  test.each([
    ['py3-none-any, hatchling with requires-python', 'datadog_awesome-1.1.0-py3-none-any.whl', []],
    ['py2.py3-none-any, hatchling without requires-python', 'datadog_awesome-1.1.0-py2.py3-none-any.whl', []],
    ['a build tag', 'datadog_awesome-1.1.0-1-py3-none-any.whl', []],
    ['py2-only', 'datadog_awesome-1.1.0-py2-none-any.whl', ['error:wheel-tag']],
    ['another CPython ABI', 'datadog_awesome-1.1.0-cp312-cp312-manylinux_2_17_x86_64.whl', ['error:wheel-tag']],
    ['this CPython ABI', 'datadog_awesome-1.1.0-cp313-cp313-manylinux_2_17_x86_64.whl', []],
    ['another platform', 'datadog_awesome-1.1.0-cp313-cp313-win_amd64.whl', ['error:wheel-tag']],
    ['another project', 'datadog_other-1.1.0-py3-none-any.whl', ['error:wheel-filename']],
    ['another version', 'datadog_awesome-1.2.0-py3-none-any.whl', ['error:wheel-filename']],
    ['not a wheel name', 'datadog_awesome-1.1.0.whl', ['error:wheel-filename']],
  ])('%s: %s', (_name, filename, found) => {
    expect(rules(wheel(), { filename, interpreter: cpython313 })).toEqual(found);
  });

  test('the tag finding names the tags and the interpreter', () => {
    const [finding] = inspectWheel(wheel(), {
      ...expected,
      filename: 'datadog_awesome-1.1.0-py2-none-any.whl',
      interpreter: cpython313,
    });
    expect(finding?.message).toContain('tagged py2-none-any: CPython 3.13 on linux x86_64');
  });
});

describe('JMX-only integrations have no check module', () => {
  const noCheck = { 'datadog_checks/awesome/check.py': undefined };
  test.each([
    ['metrics.yaml', { ...noCheck, 'datadog_checks/awesome/data/metrics.yaml': 'jmx_metrics: []\n' }, []],
    [
      'is_jmx: true',
      {
        ...noCheck,
        'datadog_checks/awesome/data/conf.yaml.example': 'init_config:\n  is_jmx: true\ninstances:\n  - host: x\n',
      },
      [],
    ],
    [
      'is_jmx: false',
      {
        ...noCheck,
        'datadog_checks/awesome/data/conf.yaml.example': 'init_config:\n  is_jmx: false\ninstances: [{}]\n',
      },
      ['error:missing-check-module'],
    ],
    ['neither', noCheck, ['error:missing-check-module']],
  ])('%s', (_name, overrides, found) => expect(rules(wheel(overrides))).toEqual(found));
});

test('a wheel that does not require datadog-checks-base is not an Agent check', () => {
  const files = wheel({
    [`${DIST}/METADATA`]: 'Metadata-Version: 2.4\nName: datadog-awesome\nVersion: 1.1.0\nRequires-Dist: requests\n',
  });
  expect(rules(files)).toEqual(['error:base-dependency']);
});

test('readMetadata reads headers only', () => {
  expect(
    readMetadata(
      'Name: a\nVersion: 1\nRequires-Dist: x>=1\nRequires-Dist: y; extra == "deps"\n\nName: b\nRequires-Dist: z',
    ),
  ).toEqual({
    name: 'a',
    version: '1',
    requiresDist: ['x>=1', 'y; extra == "deps"'],
  });
});
