import { describe, expect, test } from '@jest/globals';
import type { IntegrationFolder } from '@aic/integration';
import { checkFolderOf, planChanges, type ChangedPath } from './plan.js';

const known = new Map<string, IntegrationFolder>([
  ['awesome', { folder: 'awesome', name: 'awesome' }],
  ['other', { folder: 'other', name: 'other' }],
]);
const at = (folder: string) => known.get(folder);
const m = (path: string): ChangedPath => ({ path, status: 'modified' });

test('maps files to integrations with reasons and kinds', () => {
  const plan = planChanges(
    [m('awesome/datadog_checks/awesome/check.py'), m('other/README.md'), m('docs/x.md'), m('README.md')],
    at,
  );
  expect(plan.allBecause).toBeUndefined();
  expect(plan.integrations).toEqual([
    {
      folder: 'awesome',
      name: 'awesome',
      functional: true,
      docsOnly: false,
      reasons: ['Python code: datadog_checks/awesome/check.py'],
      files: ['datadog_checks/awesome/check.py'],
    },
    {
      folder: 'other',
      name: 'other',
      functional: false,
      docsOnly: true,
      reasons: ['documentation: README.md'],
      files: ['README.md'],
    },
  ]);
});

test('tests-only changes are neither functional nor docs-only', () => {
  const [only] = planChanges([m('awesome/tests/test_unit.py')], at).integrations;
  expect(only).toMatchObject({ functional: false, docsOnly: false });
});

test.each(['pyproject.toml', '.coveragerc', '.ddev/config.toml'])('root %s selects all', (path) => {
  expect(planChanges([m(path)], at).allBecause).toContain(path);
});

test('folders that are not integrations (or were deleted) are dropped', () => {
  expect(planChanges([{ path: 'gone/hatch.toml', status: 'deleted' }], at).integrations).toEqual([]);
});

test('a repository whose root is the integration', () => {
  const root = { folder: '', name: 'awesome' };
  const plan = planChanges([m('pyproject.toml'), m('datadog_checks/awesome/check.py')], () => undefined, root);
  expect(plan.allBecause).toBeUndefined();
  expect(plan.integrations).toMatchObject([{ name: 'awesome', folder: '', functional: true }]);
});

describe('integrations inside a folder (within)', () => {
  const nested = new Map<string, IntegrationFolder>([['awesome', { folder: 'integrations/awesome', name: 'awesome' }]]);
  const nestedAt = (folder: string) => nested.get(folder);

  test.each([
    ['integrations/awesome/datadog_checks/awesome/check.py', ['awesome'], undefined],
    ['awesome/datadog_checks/awesome/check.py', [], undefined],
    ['integrations/pyproject.toml', [], 'integrations/pyproject.toml changed, and it affects every integration'],
    ['README.md', [], undefined],
  ])('%s', (file, names, allBecause) => {
    const plan = planChanges([m(file)], nestedAt, undefined, 'integrations');
    expect(plan.integrations.map((item) => item.name)).toEqual(names);
    expect(plan.allBecause).toEqual(allBecause);
  });

  test('files are named relative to the integration folder', () => {
    const [only] = planChanges(
      [m('integrations/awesome/tests/test_x.py')],
      nestedAt,
      undefined,
      'integrations',
    ).integrations;
    expect(only).toMatchObject({ folder: 'integrations/awesome', files: ['tests/test_x.py'] });
  });
});

test.each([
  ['integrations/awesome/datadog_checks/awesome/check.py', ['integrations/awesome/datadog_checks/awesome/check.py']],
  ['scripts/tool.py', []],
  ['integrations/awesome/README.md', []],
])('check code outside every integration is reported: %s', (file, stray) => {
  expect(planChanges([m(file)], at).strayCheckCode).toEqual(stray);
});

test.each([
  ['a/b/datadog_checks/x/check.py', 'a/b'],
  ['datadog_checks/x/check.py', ''],
  ['a/my_datadog_checks/x.py', undefined],
  ['a/datadog_checks/x/data/conf.yaml.example', undefined],
])('checkFolderOf(%s)', (file, folder) => {
  expect(checkFolderOf(file)).toBe(folder);
});
