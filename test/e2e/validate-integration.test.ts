import { afterAll, describe, expect, test } from '@jest/globals';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { actionDir, ddevEnvironment, GitRepo, removeRunnerScratch, repoRoot, runAction } from '../harness/index.js';

// The bundled validate-integration action with the real pinned ddev (and hatch/ruff for lint) on our own
// fixtures: examples/awesome in a temp git repository, with planted faults; a root layout; a tile-only folder.
const action = actionDir('validate-integration');
const PKG = 'awesome/datadog_checks/awesome';

afterAll(removeRunnerScratch);

const validate = (repoPath: string, inputs: Record<string, string> = {}) =>
  runAction({
    actionDir: action,
    workspace: repoPath,
    inputs: { integrations: 'awesome', ...inputs },
    env: ddevEnvironment(repoPath),
    timeoutMs: 900_000,
  });

const ALL = [
  'config',
  'imports',
  'integration-style',
  'jmx-metrics',
  'legacy-signature',
  'metadata',
  'models',
  'package',
  'readmes',
  'lint',
];

describe('examples/awesome', () => {
  test('passes every validation of the set and ddev test --lint; ci/codeowners do not apply here', async () => {
    const repo = GitRepo.withExample();
    const run = await validate(repo.path);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ validated: '["awesome"]', failed: '0', errors: '0', fixed: '[]' });
    for (const validation of ALL) expect(run.summary).toContain(`| ✓ | awesome | ${validation} | passed |`);
    expect(run.summary).toMatch(/\| – \| \(repository\) \| ci \| not applicable: the repository is not shaped like/);
    expect(run.summary).toMatch(/\| – \| \(repository\) \| codeowners \| not applicable: .*\.github\/CODEOWNERS/);
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
    // ddev's own ::error commands are not let through (they would name staged paths at line 1).
    expect(run.stdout).toContain('::group::awesome: ddev validate config awesome');
  });
});

describe('planted faults: the verdict is ddev exit code, each finding on its file:line', () => {
  test('no spec: conf.yaml.example L34 "Type number is not accepted" (the example\'s old failure), a metadata row, a ruff error', async () => {
    const repo = GitRepo.withExample();
    // Without its spec, ddev validates conf.yaml.example with its legacy validator, which rejects `number`.
    rmSync(path.join(repo.path, 'awesome/assets/configuration'), { recursive: true });
    const lines = repo.read(`${PKG}/data/conf.yaml.example`).split('\n');
    const timeoutLine = lines.findIndex((line) => line.includes('## @param timeout - number')) + 1;
    repo.write('awesome/metadata.csv', `${repo.read('awesome/metadata.csv')}awesome.short,gauge\n`);
    repo.write(`${PKG}/extra.py`, 'import os\n');
    repo.commitAll('faults');
    const run = await validate(repo.path);
    expect(run.exitCode).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: `${PKG}/data/conf.yaml.example`,
          line: timeoutLine,
          message: 'Type number is not accepted',
          title: 'ddev validate config',
        }),
        expect.objectContaining({
          file: 'awesome/metadata.csv',
          line: 2,
          message: 'awesome.short has the wrong number of columns.',
          title: 'ddev validate metadata',
        }),
        expect.objectContaining({
          file: `${PKG}/extra.py`,
          line: 1,
          message: 'ruff F401: `os` imported but unused',
          title: 'ddev test --lint',
        }),
      ]),
    );
    expect(run.summary).toContain('| ✗ | awesome | metadata | failed: 1 finding |');
    expect(run.summary).toContain('| ✓ | awesome | readmes | passed |');
    expect(run.outputs.failed).toBe('3');
    expect(run.stdout).toMatch(/::error::Datadog validations: awesome config, awesome metadata, awesome lint failed/);
  });

  test('fix: true syncs conf.yaml.example and formats the code, shows the diff, and stays red until committed', async () => {
    const repo = GitRepo.withExample();
    repo.edit('awesome/assets/configuration/spec.yaml', 'example: Datadog', 'example: Datadog docs');
    repo.write(`${PKG}/style.py`, "VALUE = {  'a':1 }\n");
    repo.commitAll('out of sync');
    const before = await validate(repo.path);
    expect(before.exitCode).toBe(1);
    expect(before.annotations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: `${PKG}/data/conf.yaml.example`,
          line: 25,
          message: expect.stringContaining('conf.yaml.example is not in sync with assets/configuration/spec.yaml'),
        }),
        expect.objectContaining({ file: `${PKG}/style.py`, line: 1, title: 'ddev test --lint' }),
      ]),
    );
    const run = await validate(repo.path, { fix: 'true' });
    // The validations pass on the fixed files, but the committed code is what Datadog's CI judges: still red.
    expect(run.exitCode).toBe(1);
    expect(run.summary).toContain('| ✓ | awesome | config | passed |');
    expect(run.summary).toContain('| ✓ | awesome | lint | passed |');
    expect(JSON.parse(run.outputs.fixed!)).toEqual([`${PKG}/data/conf.yaml.example`, `${PKG}/style.py`]);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', file: `${PKG}/style.py`, title: 'fix' }),
    );
    expect(run.summary).toContain('## Fix');
    expect(run.summary).toContain(`+++ b/${PKG}/style.py`);
    expect(run.summary).toContain('+    search_string: Datadog docs');
    expect(run.stdout).toContain("-VALUE = {  'a':1 }");
    expect(repo.read(`${PKG}/style.py`)).toBe("VALUE = {'a': 1}\n");
    // Committed, the fixed code passes, and a second fix has nothing to change.
    repo.commitAll('apply the fix');
    const again = await validate(repo.path, { fix: 'true' });
    expect(again.exitCode).toBe(0);
    expect(again.outputs.fixed).toBe('[]');
  });
});

describe('repository shapes', () => {
  test('an integration at the repository root: validated through a staged view, lint with extras settings', async () => {
    const repo = GitRepo.create('aic-root-');
    cpSync(path.join(repoRoot, 'examples', 'awesome'), repo.path, {
      recursive: true,
      filter: (source) => !/(__pycache__|\.pytest_cache|\/dist$)/.test(source),
    });
    repo.write('datadog_checks/awesome/extra.py', 'import os\n');
    repo.commitAll('root layout');
    const run = await validate(repo.path);
    expect(run.exitCode).toBe(1);
    for (const validation of ALL.filter((v) => v !== 'lint'))
      expect(run.summary).toContain(`| ✓ | awesome | ${validation} | passed |`);
    expect(run.annotations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          level: 'error',
          file: 'datadog_checks/awesome/extra.py',
          line: 1,
          message: 'ruff F401: `os` imported but unused',
        }),
      ]),
    );
    // Nothing was written beside the checkout.
    expect(existsSync(path.join(path.dirname(repo.path), 'pyproject.toml'))).toBe(false);
  });

  test('a tile-only folder gets the validations Datadog gives it, and passes; the others say why not', async () => {
    const repo = GitRepo.withExample();
    const tile = path.join(repo.path, 'awesome_tile');
    mkdirSync(path.join(tile, 'assets'), { recursive: true });
    for (const file of ['README.md', 'CHANGELOG.md', 'manifest.json', 'metadata.csv'])
      cpSync(path.join(repo.path, 'awesome', file), path.join(tile, file));
    repo.commitAll('tile');
    const run = await validate(repo.path, { integrations: 'awesome_tile' });
    expect(run.exitCode).toBe(0);
    for (const validation of ['imports', 'integration-style', 'metadata', 'readmes'])
      expect(run.summary).toContain(`| ✓ | awesome_tile | ${validation} | passed |`);
    for (const validation of ['config', 'models', 'package', 'legacy-signature'])
      expect(run.summary).toMatch(
        new RegExp(`\\| – \\| awesome_tile \\| ${validation} \\| not applicable: no Python package`),
      );
    expect(run.summary).toMatch(/\| – \| awesome_tile \| lint \| not applicable: not testable/);
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
  });

  test("a repository shaped like Datadog's: ci and codeowners run once, with ddev's verdict", async () => {
    const repo = GitRepo.withExample();
    mkdirSync(path.join(repo.path, '.github', 'workflows'), { recursive: true });
    repo.write('.github/CODEOWNERS', '/other/ @org/other-team\n');
    repo.write('.github/workflows/test-all.yml', 'name: test\non: pull_request\njobs: {}\n');
    repo.commitAll('shaped like integrations-extras');
    const run = await validate(repo.path);
    expect(run.exitCode).toBe(1);
    expect(run.outputs.failed).toBe('2');
    expect(run.annotations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          level: 'error',
          file: '.github/CODEOWNERS',
          message: 'Integration awesome does not have a valid `CODEOWNERS` entry.',
          title: 'ddev validate codeowners',
        }),
        expect.objectContaining({
          level: 'error',
          file: '.github/workflows/test-all.yml',
          message: expect.stringContaining('CI configuration is not in sync'),
          title: 'ddev validate ci',
        }),
      ]),
    );
    expect(run.summary).toContain('| ✓ | awesome | config | passed |');
  });

  test('repo kind marketplace: eula joins the set, and readmes asks for the sections marketplace needs', async () => {
    const repo = GitRepo.withExample();
    const run = await validate(repo.path, { repo: 'marketplace' });
    expect(run.exitCode).toBe(1);
    expect(run.summary).toContain('| ✓ | awesome | eula | passed |');
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        file: 'awesome/README.md',
        message: 'readme is missing a Uninstallation H2 (##) section',
        title: 'ddev validate readmes',
      }),
    );
    expect(run.outputs.failed).toBe('1');
  });

  test("a repository's .ddev/config.toml validations list is the set; names not run here are a notice", async () => {
    const repo = GitRepo.withExample();
    mkdirSync(path.join(repo.path, '.ddev'));
    repo.write('.ddev/config.toml', 'validations = ["config", "readmes", "dashboards"]\n');
    repo.commitAll('own set');
    const run = await validate(repo.path);
    expect(run.exitCode).toBe(0);
    expect(run.summary).toContain('| ✓ | awesome | config | passed |');
    expect(run.summary).toContain('| ✓ | awesome | readmes | passed |');
    expect(run.summary).not.toContain('| awesome | metadata |');
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'notice',
        file: '.ddev/config.toml',
        message: expect.stringContaining('Not run here: dashboards'),
      }),
    );
  });
});
