import { afterAll, describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { bareRepo, GitRepo, removeGitRepos, shallowClone } from '@aic/git/testing';
import { UserError } from '@aic/runtime';
import { detectChanges, selectIntegrations, type SelectOptions } from './index.js';

// Real git repositories in temp dirs (@aic/git/testing); shallow clones of a real local bare remote (file://).
afterAll(removeGitRepos);

const repo = (files: Record<string, string>): string => GitRepo.withFiles(files).path;
const git = (dir: string, ...args: string[]): string => new GitRepo(dir).git(...args);
const write = (dir: string, files: Record<string, string | null>): void => new GitRepo(dir).writeFiles(files);
const commit = (dir: string, message: string): string => new GitRepo(dir).commitAll(message);
/** The plan action's selection: at the head commit. */
const planRun = (options: Omit<SelectOptions, 'source'>) => selectIntegrations({ ...options, source: 'head' });
const names = (run: { integrations: { name: string }[] }) => run.integrations.map((integration) => integration.name);

const integration = (name: string): Record<string, string> => ({
  [`${name}/hatch.toml`]: '[env.collectors.datadog-checks]\n',
  [`${name}/pyproject.toml`]: `[project]\nname = "datadog-${name}"\n`,
  [`${name}/datadog_checks/${name}/__about__.py`]: "__version__ = '1.0.0'\n",
  [`${name}/datadog_checks/${name}/check.py`]: 'x = 1\n',
  [`${name}/README.md`]: '# x\n',
  [`${name}/tests/test_unit.py`]: 'def test(): pass\n',
});

const extras = () => repo({ ...integration('alpha'), ...integration('beta'), 'pyproject.toml': '', 'docs/x.md': '' });

describe('detectChanges on an extras/marketplace layout', () => {
  test.each<{ name: string; edit: Record<string, string | null>; expected: object[] }>([
    {
      name: 'a code change is functional, with its reason',
      edit: { 'alpha/datadog_checks/alpha/check.py': 'x = 2\n' },
      expected: [
        { name: 'alpha', functional: true, docsOnly: false, reasons: ['Python code: datadog_checks/alpha/check.py'] },
      ],
    },
    {
      name: 'a README change is docs-only',
      edit: { 'beta/README.md': '# y\n' },
      expected: [{ name: 'beta', functional: false, docsOnly: true }],
    },
    {
      name: 'a tests change is neither',
      edit: { 'beta/tests/test_unit.py': '# more\n' },
      expected: [{ name: 'beta', functional: false, docsOnly: false }],
    },
    {
      name: 'a deleted integration is dropped',
      edit: { alpha: null, 'beta/README.md': '# y\n' },
      expected: [{ name: 'beta' }],
    },
    {
      name: 'a new integration (manifest.json only) is found',
      edit: { 'gamma/manifest.json': '{}' },
      expected: [{ name: 'gamma', functional: true }],
    },
    {
      name: 'folders that are not integrations and root docs are ignored',
      edit: { 'docs/x.md': 'changed', 'README.md': 'hi' },
      expected: [],
    },
  ])('$name', async ({ edit, expected }) => {
    const dir = extras();
    const base = git(dir, 'rev-parse', 'HEAD');
    write(dir, edit);
    commit(dir, 'change');
    const plan = await detectChanges({ repoPath: dir, baseRef: base });
    expect(plan.allBecause).toBeUndefined();
    expect(plan.integrations).toHaveLength(expected.length);
    expect(plan.integrations).toMatchObject(expected);
  });

  test.each(['pyproject.toml', '.coveragerc', '.ddev/config.toml'])(
    'root %s selects every integration',
    async (file) => {
      const dir = extras();
      const base = git(dir, 'rev-parse', 'HEAD');
      write(dir, { [file]: 'changed = true\n' });
      commit(dir, 'root change');
      const run = await planRun({ repoPath: dir, spec: { kind: 'changed' }, baseRef: base });
      expect(run.selection).toBe('all');
      expect(run.allBecause).toContain(file);
      expect(names(run)).toEqual(['alpha', 'beta']);
    },
  );

  test('compares from the merge base: changes on the base branch after the fork are not counted', async () => {
    const dir = extras();
    const fork = git(dir, 'rev-parse', 'HEAD');
    write(dir, { 'beta/datadog_checks/beta/check.py': 'x = 3\n' });
    commit(dir, 'main moves on');
    git(dir, 'checkout', '-q', '-b', 'feature', fork);
    write(dir, { 'alpha/datadog_checks/alpha/check.py': 'x = 2\n' });
    commit(dir, 'feature');
    const plan = await detectChanges({ repoPath: dir, baseRef: 'main' });
    expect(plan.mergeBase).toBe(fork);
    expect(plan.integrations.map((item) => item.name)).toEqual(['alpha']);
  });
});

describe('a partner repository holding one integration at its root', () => {
  const partner = () =>
    repo({
      'hatch.toml': '',
      'pyproject.toml': '[project]\nname = "datadog-solo"\n',
      'datadog_checks/solo/__about__.py': "__version__ = '1.0.0'\n",
      'datadog_checks/solo/check.py': 'x = 1\n',
      'README.md': '# solo\n',
    });

  test.each([
    ['pyproject.toml', 'x = 1\n', { functional: true, docsOnly: false }],
    ['datadog_checks/solo/check.py', 'x = 2\n', { functional: true }],
    ['README.md', '# Solo\n', { functional: false, docsOnly: true }],
  ])('a change to %s is a change to the root integration', async (file, text, expected) => {
    const dir = partner();
    const base = git(dir, 'rev-parse', 'HEAD');
    write(dir, { [file]: text });
    commit(dir, 'change');
    const run = await planRun({ repoPath: dir, spec: { kind: 'changed' }, baseRef: base });
    expect(run.integrations).toEqual([expect.objectContaining({ name: 'solo', folder: '' })]);
    const plan = await detectChanges({ repoPath: dir, baseRef: base });
    expect(plan.integrations[0]).toMatchObject(expected);
  });
});

describe('shallow clones of a real bare remote', () => {
  function remoteWithHistory(commits: number): { bare: string; base: string } {
    const dir = extras();
    const base = git(dir, 'rev-parse', 'HEAD');
    for (let index = 0; index < commits; index++) {
      write(dir, { [`alpha/datadog_checks/alpha/step${index}.py`]: `x = ${index}\n` });
      commit(dir, `step ${index}`);
    }
    const bare = bareRepo();
    git(dir, 'push', '-q', bare, 'main');
    return { bare, base };
  }

  test.each([
    ['the base is fetched by SHA when missing', 3],
    ['the history is deepened when the merge base is far behind', 80],
  ])('%s', async (_name, commits) => {
    const { bare, base } = remoteWithHistory(commits);
    const clone = shallowClone(bare).path;
    expect(git(clone, 'rev-parse', '--is-shallow-repository')).toBe('true');
    const plan = await detectChanges({ repoPath: clone, baseRef: base });
    expect(plan.mergeBase).toBe(base);
    expect(plan.integrations.map((item) => item.name)).toEqual(['alpha']);
  });

  test('a base that is nowhere is a clear error naming the input and the fix', async () => {
    const { bare } = remoteWithHistory(1);
    const clone = shallowClone(bare).path;
    const missing = 'f'.repeat(40);
    await expect(detectChanges({ repoPath: clone, baseRef: missing })).rejects.toThrow(
      new UserError(`Input 'base-ref': the commit "${missing}" is not in the checkout at ${clone}.`),
    );
    await expect(detectChanges({ repoPath: clone, baseRef: missing })).rejects.toMatchObject({
      hint: expect.stringContaining('fetch-depth: 0'),
    });
  });
});

describe('selections at the head commit (the plan)', () => {
  test.each([
    [{ kind: 'all' as const }, undefined, ['alpha', 'beta'], 'all'],
    [{ kind: 'changed' as const }, undefined, ['alpha', 'beta'], 'all'],
    [{ kind: 'names' as const, names: ['beta'] }, undefined, ['beta'], 'names'],
  ])('%j with base %s', async (spec, baseRef, expected, selection) => {
    const run = await planRun({ repoPath: extras(), spec, baseRef });
    expect(run.selection).toBe(selection);
    expect(names(run)).toEqual(expected);
  });

  test('an unknown name is a clear error listing the known ones', async () => {
    await expect(planRun({ repoPath: extras(), spec: { kind: 'names', names: ['nope'] } })).rejects.toMatchObject({
      message: expect.stringContaining("Input 'integrations': there is no integration 'nope' at HEAD"),
      hint: 'Known: alpha, beta.',
    });
  });

  test('changed gives the touched integrations with their paths', async () => {
    const dir = extras();
    const base = git(dir, 'rev-parse', 'HEAD');
    write(dir, { 'beta/datadog_checks/beta/check.py': 'x = 9\n' });
    commit(dir, 'beta');
    const selected = await selectIntegrations({ spec: { kind: 'changed' }, repoPath: dir, baseRef: base });
    expect(selected.integrations).toEqual([
      {
        folder: 'beta',
        name: 'beta',
        path: path.join(dir, 'beta'),
        functional: true,
        docsOnly: false,
        reason: 'Python code: datadog_checks/beta/check.py',
      },
    ]);
  });
});
