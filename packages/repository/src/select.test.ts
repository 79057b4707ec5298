import { afterAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MemoryReporter } from '@aic/runtime';
import { baseFromEvent, parseIntegrationsSpec, resolveIntegrationsPath, selectIntegrations } from './index.js';

// selectIntegrations on real git repositories in temp dirs.
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function repo(files: Record<string, string>): {
  dir: string;
  commit: (files: Record<string, string | null>) => string;
} {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aic-select-'));
  made.push(dir);
  const git = (...args: string[]) => spawnSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).stdout.trim();
  git('init', '-q', '-b', 'main');
  const commit = (changes: Record<string, string | null>) => {
    for (const [file, text] of Object.entries(changes)) {
      const full = path.join(dir, file);
      if (text === null) rmSync(full, { recursive: true, force: true });
      else {
        mkdirSync(path.dirname(full), { recursive: true });
        writeFileSync(full, text);
      }
    }
    git('add', '-A');
    git('-c', 'user.email=p@example.com', '-c', 'user.name=P', 'commit', '-q', '-m', 'change');
    return git('rev-parse', 'HEAD');
  };
  commit(files);
  return { dir, commit };
}

const extras = () =>
  repo({
    'alpha/hatch.toml': '',
    'beta/manifest.json': '{}',
    'gamma/datadog_checks/gamma/__init__.py': '',
    'docs/a.md': '',
  });

test.each([
  ['', 'pull_request', { kind: 'changed' }],
  ['', 'push', { kind: 'all' }],
  ['all', undefined, { kind: 'all' }],
  ['alpha, beta alpha', undefined, { kind: 'names', names: ['alpha', 'beta'] }],
  ['../x', undefined, { problem: expect.stringContaining('is a path') }],
])('parseIntegrationsSpec(%j, %s)', (raw, event, expected) => {
  expect(parseIntegrationsSpec(raw, event)).toEqual(expected);
});

test('all: every folder with a marker, in name order', async () => {
  const { dir } = extras();
  const names = (await selectIntegrations({ kind: 'all' }, { repoPath: dir })).map((item) => item.name);
  expect(names).toEqual(['alpha', 'beta', 'gamma']);
});

test('changed: a deleted integration is dropped, a root file selects all (with a log line)', async () => {
  const { dir, commit } = extras();
  const base = commit({});
  commit({ alpha: null, 'beta/README.md': 'x' });
  const changed = await selectIntegrations({ kind: 'changed' }, { repoPath: dir, baseRef: base });
  expect(changed.map((item) => item.name)).toEqual(['beta']);

  commit({ '.coveragerc': '[run]\n' });
  const reporter = new MemoryReporter();
  const all = await selectIntegrations({ kind: 'changed' }, { repoPath: dir, baseRef: base, reporter });
  expect(all.map((item) => item.name)).toEqual(['beta', 'gamma']);
  expect(reporter.lines).toEqual([expect.stringContaining('.coveragerc changed')]);
});

test('changed without a base: all, with one notice', async () => {
  const reporter = new MemoryReporter();
  const found = await selectIntegrations({ kind: 'changed' }, { repoPath: extras().dir, reporter });
  expect(found).toHaveLength(3);
  expect(reporter.annotations).toEqual([expect.objectContaining({ level: 'notice' })]);
});

test('a partner repository holding one integration at its root is selected by name, at the root', async () => {
  const { dir } = repo({ 'hatch.toml': '', 'datadog_checks/solo/__about__.py': "__version__ = '1.0.0'\n" });
  expect(await selectIntegrations({ kind: 'names', names: ['solo'] }, { repoPath: dir })).toEqual([
    { folder: '', name: 'solo', path: dir },
  ]);
  await expect(selectIntegrations({ kind: 'names', names: ['other'] }, { repoPath: dir })).rejects.toThrow(
    "Input 'integrations': there is no integration 'other'",
  );
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
    const all = await selectIntegrations({ kind: 'all' }, { repoPath: dir, within: 'integrations' });
    expect(all.map((item) => item.folder)).toEqual(['integrations/alpha', 'integrations/beta-tile']);
    const named = await selectIntegrations(
      { kind: 'names', names: ['alpha'] },
      { repoPath: dir, within: 'integrations' },
    );
    expect(named).toEqual([
      { folder: 'integrations/alpha', name: 'alpha', path: path.join(dir, 'integrations/alpha') },
    ]);
    const base = commit({});
    commit({ 'integrations/alpha/datadog_checks/alpha/check.py': 'x = 1\n' });
    const changed = await selectIntegrations(
      { kind: 'changed' },
      { repoPath: dir, baseRef: base, within: 'integrations' },
    );
    expect(changed.map((item) => item.name)).toEqual(['alpha']);
  });

  test('searched at the root instead, a change to check code fails and names the folder to set', async () => {
    const { dir, commit } = nested();
    const base = commit({});
    commit({ 'integrations/alpha/datadog_checks/alpha/check.py': 'x = 1\n' });
    await expect(selectIntegrations({ kind: 'changed' }, { repoPath: dir, baseRef: base })).rejects.toThrow(
      /edits check code \(integrations\/alpha\/datadog_checks\/alpha\/check.py\) but no integration at the repository root holds it/,
    );
    await expect(selectIntegrations({ kind: 'changed' }, { repoPath: dir, baseRef: base })).rejects.toMatchObject({
      hint: expect.stringContaining("'integrations'"),
    });
  });

  test('all over a folder with no integration fails instead of checking nothing', async () => {
    const { dir } = nested();
    await expect(selectIntegrations({ kind: 'all' }, { repoPath: dir })).rejects.toThrow(
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
