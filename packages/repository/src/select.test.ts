import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GitRepo, removeGitRepos } from '@aic/git/testing';
import { MemoryReporter, type RunnerEnvironment } from '@aic/runtime';
import {
  baseFromEvent,
  parseIntegrationsSpec,
  resolveIntegrationsPath,
  selectFromInputs,
  selectIntegrations,
  type IntegrationsSpec,
} from './index.js';

// The one selection, on real git repositories in temp dirs (@aic/git/testing).
const made: string[] = [];
afterAll(() => {
  removeGitRepos();
  made.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

function repo(files: Record<string, string>): {
  dir: string;
  commit: (files: Record<string, string | null>) => string;
} {
  const created = GitRepo.withFiles(files);
  return { dir: created.path, commit: (changes) => created.commit(changes) };
}

const select = (spec: IntegrationsSpec | undefined, options: { repoPath: string; [key: string]: unknown }) =>
  selectIntegrations({ spec, ...options }).then((selection) => selection.integrations);

const extras = () =>
  repo({
    'alpha/hatch.toml': '',
    'beta/manifest.json': '{}',
    'gamma/datadog_checks/gamma/__init__.py': '',
    'docs/a.md': '',
  });

test.each([
  ['', undefined],
  ['all', { kind: 'all' }],
  ['changed', { kind: 'changed' }],
  ['alpha, beta alpha', { kind: 'names', names: ['alpha', 'beta'] }],
  ['../x', { problem: expect.stringContaining('is a path') }],
])('parseIntegrationsSpec(%j)', (raw, expected) => {
  expect(parseIntegrationsSpec(raw)).toEqual(expected);
});

test('all: every folder with a marker, in name order', async () => {
  const { dir } = extras();
  const names = (await select({ kind: 'all' }, { repoPath: dir })).map((item) => item.name);
  expect(names).toEqual(['alpha', 'beta', 'gamma']);
});

test('changed: a deleted integration is dropped, a root file selects all (with a log line)', async () => {
  const { dir, commit } = extras();
  const base = commit({});
  commit({ alpha: null, 'beta/README.md': 'x' });
  const changed = await select({ kind: 'changed' }, { repoPath: dir, baseRef: base });
  expect(changed.map((item) => item.name)).toEqual(['beta']);

  commit({ '.coveragerc': '[run]\n' });
  const reporter = new MemoryReporter();
  const all = await select({ kind: 'changed' }, { repoPath: dir, baseRef: base, reporter });
  expect(all.map((item) => item.name)).toEqual(['beta', 'gamma']);
  expect(reporter.lines).toEqual([expect.stringContaining('.coveragerc changed')]);
});

test('changed without a base: all, with one notice', async () => {
  const reporter = new MemoryReporter();
  const found = await select({ kind: 'changed' }, { repoPath: extras().dir, reporter });
  expect(found).toHaveLength(3);
  expect(reporter.annotations).toEqual([expect.objectContaining({ level: 'notice' })]);
});

test('a partner repository holding one integration at its root is selected by name, at the root', async () => {
  const { dir } = repo({ 'hatch.toml': '', 'datadog_checks/solo/__about__.py': "__version__ = '1.0.0'\n" });
  expect(await select({ kind: 'names', names: ['solo'] }, { repoPath: dir })).toEqual([
    {
      folder: '',
      name: 'solo',
      path: dir,
      functional: true,
      docsOnly: false,
      reason: 'named in the integrations input',
    },
  ]);
  await expect(select({ kind: 'names', names: ['other'] }, { repoPath: dir })).rejects.toThrow(
    "Input 'integrations': there is no integration 'other'",
  );
});

describe('one default for every action and the CLI: changed when a base is known, else all', () => {
  const runner = (event: object, eventName: string): RunnerEnvironment => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'aic-event-'));
    made.push(dir);
    writeFileSync(path.join(dir, 'event.json'), JSON.stringify(event));
    return {
      onGitHub: true,
      cacheService: false,
      artifactService: false,
      workspace: '/',
      temp: dir,
      toolCache: dir,
      eventPath: path.join(dir, 'event.json'),
      eventName,
      repository: 'partner/integrations',
      apiUrl: 'https://api.github.com',
      os: 'Linux',
      arch: 'X64',
    };
  };
  const inputs = (dir: string, integrations: IntegrationsSpec | undefined = undefined) => ({
    integrations,
    integrationsPath: '',
    baseRef: '',
    repoPath: dir,
  });

  test.each(['push', 'pull_request'])(
    'on a %s, an empty input selects what changed since the base',
    async (eventName) => {
      const { dir, commit } = extras();
      const base = commit({});
      commit({ 'beta/README.md': 'x' });
      const event = eventName === 'push' ? { before: base } : { pull_request: { base: { sha: base } } };
      const selection = await selectFromInputs(inputs(dir), runner(event, eventName), new MemoryReporter());
      expect(selection).toMatchObject({ selection: 'changed', baseRef: base });
      expect(selection.integrations.map((item) => item.name)).toEqual(['beta']);
    },
  );

  test('with no base (a manual run), an empty input selects all', async () => {
    const { dir } = extras();
    const selection = await selectFromInputs(inputs(dir), runner({}, 'workflow_dispatch'), new MemoryReporter());
    expect(selection.selection).toBe('all');
    expect(selection.integrations).toHaveLength(3);
  });

  test("a force-push's vanished previous commit: all, with a notice, only when nothing was asked for", async () => {
    const { dir } = extras();
    const gone = runner({ before: 'e'.repeat(40) }, 'push');
    const reporter = new MemoryReporter();
    const selection = await selectFromInputs(inputs(dir), gone, reporter);
    expect(selection.selection).toBe('all');
    expect(reporter.annotations).toEqual([
      expect.objectContaining({ level: 'notice', message: expect.stringContaining('checking all integrations') }),
    ]);
    await expect(selectFromInputs(inputs(dir, { kind: 'changed' }), gone, reporter)).rejects.toThrow(
      "Input 'base-ref'",
    );
  });
});

test.each([
  [{ pull_request: { base: { sha: 'abc' } } }, 'abc'],
  [{ before: 'def' }, 'def'],
  [{ before: '0000000000000000000000000000000000000000' }, undefined],
  [{}, undefined],
])('baseFromEvent(%j) = %s', (event, expected) => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'aic-event-')), 'event.json');
  made.push(path.dirname(file));
  writeFileSync(file, JSON.stringify(event));
  expect(baseFromEvent(file)).toBe(expected);
});

describe('integrations in a folder (integrations-path)', () => {
  const nested = () =>
    repo({
      'integrations/alpha/hatch.toml': '',
      'integrations/alpha/datadog_checks/alpha/__init__.py': '',
      'integrations/beta-tile/manifest.json': '{}',
      'README.md': '',
    });

  test('all, names and changed find them, with their folders', async () => {
    const { dir, commit } = nested();
    const all = await select({ kind: 'all' }, { repoPath: dir, within: 'integrations' });
    expect(all.map((item) => item.folder)).toEqual(['integrations/alpha', 'integrations/beta-tile']);
    const named = await select({ kind: 'names', names: ['alpha'] }, { repoPath: dir, within: 'integrations' });
    expect(named).toEqual([
      expect.objectContaining({
        folder: 'integrations/alpha',
        name: 'alpha',
        path: path.join(dir, 'integrations/alpha'),
      }),
    ]);
    const base = commit({});
    commit({ 'integrations/alpha/datadog_checks/alpha/check.py': 'x = 1\n' });
    const changed = await select({ kind: 'changed' }, { repoPath: dir, baseRef: base, within: 'integrations' });
    expect(changed.map((item) => item.name)).toEqual(['alpha']);
  });

  test('searched at the root instead, a change to check code fails and names the folder to set', async () => {
    const { dir, commit } = nested();
    const base = commit({});
    commit({ 'integrations/alpha/datadog_checks/alpha/check.py': 'x = 1\n' });
    await expect(select({ kind: 'changed' }, { repoPath: dir, baseRef: base })).rejects.toThrow(
      /edits check code \(integrations\/alpha\/datadog_checks\/alpha\/check.py\) but no integration at the repository root holds it/,
    );
    await expect(select({ kind: 'changed' }, { repoPath: dir, baseRef: base })).rejects.toMatchObject({
      hint: expect.stringContaining("'integrations'"),
    });
  });

  test('all over a folder with no integration fails instead of checking nothing', async () => {
    const { dir } = nested();
    await expect(select({ kind: 'all' }, { repoPath: dir })).rejects.toThrow(
      'No integration found at the repository root',
    );
  });

  test.each([
    ['', ''],
    ['.', ''],
    ['./integrations/', 'integrations'],
    ['integrations', 'integrations'],
    ['/etc', 'is an absolute path'],
    ['../up', 'is outside the repository'],
    ['integrations/../..', 'is outside the repository'],
    ['missing', "there is no folder 'missing'"],
    ['README.md', "there is no folder 'README.md'"],
  ])('resolveIntegrationsPath(%j)', (raw, expected) => {
    const { dir } = nested();
    const outcome = (() => {
      try {
        return resolveIntegrationsPath(raw, dir);
      } catch (error) {
        return (error as Error).message;
      }
    })();
    if (expected === '' || !expected.includes(' ')) expect(outcome).toBe(expected);
    else expect(outcome).toContain(expected);
  });
});
