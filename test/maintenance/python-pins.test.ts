import { describe, expect, test } from '@jest/globals';
import type { PublishedRelease } from '@aic/ddev';
import {
  DDEV_MIRRORS,
  newestRelease,
  pinUpdates,
  rewriteMirror,
  rewritePinsJson,
} from '../../scripts/maintenance/pins/python-pins.js';

// The pure part of following PyPI (scripts/maintenance/pins/python-pins.ts).
const release = (version: string, requiresPython = '>=3.9', yanked = false): PublishedRelease => ({
  version,
  requiresPython,
  yanked,
});

describe('the newest release a pin may move to', () => {
  test.each([
    ['the highest final release', [release('20.0.0'), release('20.1.0'), release('9.9.9')], '3.13', '20.1.0'],
    [
      'not a pre-release, dev or post tag',
      [release('20.1.0'), release('21.0.0rc1'), release('21.0.0.dev3')],
      '3.13',
      '20.1.0',
    ],
    ['not a yanked release', [release('20.1.0'), release('20.2.0', '>=3.13', true)], '3.13', '20.1.0'],
    [
      'not one the runner Python cannot install',
      [release('20.1.0', '>=3.13'), release('21.0.0', '>=3.14')],
      '3.13',
      '20.1.0',
    ],
    ['none at all', [], '3.13', undefined],
  ])('%s', (_, releases, python, newest) => {
    expect(newestRelease(releases, python)).toBe(newest);
  });

  test('only the followed pins move, only upwards', () => {
    const pins = {
      python: '3.13',
      uv: '0.13.9',
      ddev: '20.1.0',
      'ddev-oldest': '13.0.0',
      'datadog-checks-base': '38.5.0',
    };
    const index = {
      uv: [release('0.13.9'), release('0.14.1')],
      ddev: [release('20.0.0')], // the pinned 20.1.0 was yanked since: never a downgrade
      'datadog-checks-base': [release('38.5.0'), release('38.6.0', '>=3.14')],
    };
    expect(pinUpdates(pins, index, '3.13')).toEqual([{ name: 'uv', from: '0.13.9', to: '0.14.1' }]);
  });
});

describe('rewriting the pins', () => {
  test('python-pins.json keeps its keys in order', () => {
    const text = '{\n  "python": "3.13",\n  "uv": "0.13.9",\n  "ddev": "20.1.0"\n}\n';
    expect(rewritePinsJson(text, [{ name: 'ddev', from: '20.1.0', to: '21.0.0' }])).toBe(
      '{\n  "python": "3.13",\n  "uv": "0.13.9",\n  "ddev": "21.0.0"\n}\n',
    );
  });

  const mirror = (file: string) => DDEV_MIRRORS.find((entry) => entry.file === file)!;
  test.each([
    [
      'packages/ddev/src/install-plan.ts',
      "export const PINNED_DDEV_VERSION = '20.1.0';\n",
      "export const PINNED_DDEV_VERSION = '21.0.0';\n",
    ],
    [
      'action.yml',
      "  ddev-version:\n    description: 'The ddev version.'\n    default: 20.1.0\n  python-version:\n    default: '3.13'\n",
      "  ddev-version:\n    description: 'The ddev version.'\n    default: 21.0.0\n  python-version:\n    default: '3.13'\n",
    ],
    [
      '.github/workflows/integration-ci.yml',
      "      ddev-version:\n        description: x\n        type: string\n        default: '20.1.0'\n",
      "      ddev-version:\n        description: x\n        type: string\n        default: '21.0.0'\n",
    ],
    [
      'README.md',
      'agent-integration-ci@v1 supports ddev 13.0.0 to 20.1.0. The default',
      'agent-integration-ci@v1 supports ddev 13.0.0 to 21.0.0. The default',
    ],
  ])('%s', (file, before, after) => {
    expect(rewriteMirror(before, mirror(file), '20.1.0', '21.0.0')).toBe(after);
  });

  test('a file that does not hold the old pin where expected is not touched', () => {
    expect(rewriteMirror('  python:\n    default: 20.1.0\n', mirror('action.yml'), '20.1.0', '21.0.0')).toBeUndefined();
  });
});
