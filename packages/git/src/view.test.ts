import { afterAll, expect, test } from '@jest/globals';
import { GitRepo, removeGitRepos } from './testing/git-repo.js';
import { commitView, workingTreeView } from './index.js';

// Both views over one real repository in a temp dir: discovery reads either the same way.
afterAll(removeGitRepos);

const files = {
  'alpha/hatch.toml': '',
  'alpha/datadog_checks/alpha/__init__.py': '',
  'beta/manifest.json': '{}',
  'README.md': '',
};

test.each(['commit', 'working tree'])('the %s view lists the entries of each folder asked about', async (kind) => {
  const repo = GitRepo.withFiles(files);
  const view = kind === 'commit' ? commitView(repo.path, repo.head()) : workingTreeView(repo.path);
  const listed = await view.list(['', 'alpha', 'alpha/datadog_checks', 'absent', 'README.md']);
  expect(listed.get('')).toEqual([
    { name: 'README.md', type: 'file' },
    { name: 'alpha', type: 'folder' },
    { name: 'beta', type: 'folder' },
  ]);
  expect(listed.get('alpha')).toEqual([
    { name: 'datadog_checks', type: 'folder' },
    { name: 'hatch.toml', type: 'file' },
  ]);
  expect(listed.get('alpha/datadog_checks')).toEqual([{ name: 'alpha', type: 'folder' }]);
  expect(listed.has('absent')).toBe(false);
  expect(listed.has('README.md')).toBe(false);
});

test('the commit view sees the commit, the working tree view what is on disk now', async () => {
  const repo = GitRepo.withFiles(files);
  const head = repo.head();
  repo.writeFiles({ 'gamma/hatch.toml': '', beta: null });
  expect([...((await commitView(repo.path, head).list([''])).get('') ?? [])].map((e) => e.name)).toEqual([
    'README.md',
    'alpha',
    'beta',
  ]);
  expect([...((await workingTreeView(repo.path).list([''])).get('') ?? [])].map((e) => e.name)).toEqual([
    'README.md',
    'alpha',
    'gamma',
  ]);
});
