import { afterAll, describe, expect, test } from '@jest/globals';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { actionDir, ddevEnvironment, GitRepo, pythonTools, removeRunnerScratch, runAction } from '../harness/index.js';

// The bundled scaffold-check action on our own fixtures: examples/awesome copied into a temp git
// repository, one planted fault per rule; Python's ast (the job's interpreter) reads the code.
const action = actionDir('scaffold-check');
const python = pythonTools().python;
const PKG = 'awesome/datadog_checks/awesome';

afterAll(removeRunnerScratch);

const check = (repo: GitRepo, inputs: Record<string, string> = {}) =>
  runAction({ actionDir: action, workspace: repo.path, inputs: { integrations: 'awesome', python, ...inputs } });

test('the example passes with no finding', async () => {
  const run = await check(GitRepo.withExample());
  expect(run.exitCode).toBe(0);
  expect(run.outputs).toEqual({ checked: '["awesome"]', created: '[]', errors: '0', warnings: '0' });
  expect(run.summary).toContain('| ✓ | awesome | 0 | 0 | no |');
  expect(run.stdout).toContain('::group::Scaffold check: awesome');
});

describe('each rule fires on its planted fault, on the right line', () => {
  test.each([
    [
      'check-class: no AgentCheck subclass',
      (r: GitRepo) => r.edit(`${PKG}/check.py`, 'class AwesomeCheck(AgentCheck):', 'class AwesomeCheck(object):'),
      'check-class',
      `${PKG}/__init__.py`,
      1,
    ],
    [
      'check-method: no check()',
      (r: GitRepo) => r.edit(`${PKG}/check.py`, 'def check(self, _):', 'def run_once(self, _):'),
      'check-method',
      `${PKG}/check.py`,
      6,
    ],
    [
      'check-coroutine: async def check',
      (r: GitRepo) => r.edit(`${PKG}/check.py`, 'def check(self, _):', 'async def check(self, _):'),
      'check-coroutine',
      `${PKG}/check.py`,
      23,
    ],
    [
      'check-signature: check(self) cannot take the instance',
      (r: GitRepo) => r.edit(`${PKG}/check.py`, 'def check(self, _):', 'def check(self):'),
      'check-signature',
      `${PKG}/check.py`,
      23,
    ],
    [
      'python3-syntax: Python 2 print',
      (r: GitRepo) => r.write(`${PKG}/legacy.py`, 'import os\n\nprint "hello"\n'),
      'python3-syntax',
      `${PKG}/legacy.py`,
      3,
    ],
    [
      'python3-syntax: a binary file named .py',
      (r: GitRepo) => writeFileSync(path.join(r.path, `${PKG}/blob.py`), Buffer.from([0, 1, 2, 3])),
      'python3-syntax',
      `${PKG}/blob.py`,
      1,
    ],
    [
      'about-version: not PEP 440',
      (r: GitRepo) => r.write(`${PKG}/__about__.py`, "# version\n__version__ = 'one.two'\n"),
      'about-version',
      `${PKG}/__about__.py`,
      2,
    ],
    [
      'package-name: package folder misnamed',
      (r: GitRepo) => r.git('mv', PKG, 'awesome/datadog_checks/awesome_check'),
      'package-name',
      'awesome/datadog_checks',
      1,
    ],
    [
      'project-name: wrong project',
      (r: GitRepo) => r.edit('awesome/pyproject.toml', 'name = "datadog-awesome"', 'name = "awesome-check"'),
      'project-name',
      'awesome/pyproject.toml',
      6,
    ],
    [
      'hatch-version-path',
      (r: GitRepo) =>
        r.edit('awesome/pyproject.toml', 'path = "datadog_checks/awesome/__about__.py"', 'path = "version.py"'),
      'hatch-version-path',
      'awesome/pyproject.toml',
      31,
    ],
    [
      'conf-example: invalid YAML',
      (r: GitRepo) => r.write(`${PKG}/data/conf.yaml.example`, 'init_config:\ninstances:\n  - url: [unclosed\n'),
      'conf-example',
      `${PKG}/data/conf.yaml.example`,
      4,
    ],
    [
      'conf-example: empty instances',
      (r: GitRepo) => r.write(`${PKG}/data/conf.yaml.example`, 'init_config:\n\ninstances: []\n'),
      'conf-example',
      `${PKG}/data/conf.yaml.example`,
      3,
    ],
  ])('%s', async (_name, plant, rule, file, line) => {
    const repo = GitRepo.withExample();
    plant(repo);
    const run = await check(repo);
    expect(run.exitCode).toBe(1);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', title: `scaffold check: ${rule}`, file, line }),
    );
  });

  test.each([
    ['tests-missing', (r: GitRepo) => r.git('rm', '-rq', 'awesome/tests'), 'awesome/tests'],
    [
      'hatch-collector',
      (r: GitRepo) => r.write('awesome/hatch.toml', '[[envs.default.matrix]]\npython = ["3.13"]\n'),
      'awesome/hatch.toml',
    ],
    ['changelog-missing', (r: GitRepo) => r.git('rm', '-q', 'awesome/CHANGELOG.md'), 'awesome/CHANGELOG.md'],
    [
      'init-config',
      (r: GitRepo) => r.write(`${PKG}/data/conf.yaml.example`, 'instances:\n  - url: http://localhost\n'),
      `${PKG}/data/conf.yaml.example`,
    ],
  ])('publishing requirement %s: a warning by default, an error under strict', async (rule, plant, file) => {
    const repo = GitRepo.withExample();
    plant(repo);
    const lenient = await check(repo, { strict: 'false' });
    expect(lenient.exitCode).toBe(0);
    expect(lenient.annotations).toContainEqual(
      expect.objectContaining({ level: 'warning', title: `scaffold check: ${rule}`, file }),
    );
    const strict = await check(repo, { strict: 'true' });
    expect(strict.exitCode).toBe(1);
    expect(strict.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', title: `scaffold check: ${rule}`, file }),
    );
  });
});

describe('recognising what a check is', () => {
  test('a check through a local chain of classes, and through an OpenMetrics base', async () => {
    const repo = GitRepo.withExample();
    repo.write(
      `${PKG}/base.py`,
      'from datadog_checks.base import AgentCheck\n\n\nclass Base(AgentCheck):\n    def check(self, instance):\n        pass\n',
    );
    repo.write(`${PKG}/check.py`, 'from .base import Base\n\n\nclass AwesomeCheck(Base):\n    pass\n');
    repo.write(
      `${PKG}/openmetrics.py`,
      'from datadog_checks.base import OpenMetricsBaseCheckV2\n\n\nclass Scraper(OpenMetricsBaseCheckV2):\n    pass\n',
    );
    const run = await check(repo);
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
  });

  test('every check signature the Agent can call as check(instance) passes', async () => {
    const repo = GitRepo.withExample();
    const defs = [
      'def check(self, instance=None):',
      'def check(self, *args, **kwargs):',
      'def check(self, /, instance, extra=None):',
      '@staticmethod\n    def check(instance):',
    ];
    repo.write(
      `${PKG}/variants.py`,
      'from datadog_checks.base import AgentCheck\n' +
        defs.map((def, at) => `\n\nclass Variant${at}(AgentCheck):\n    ${def}\n        pass\n`).join(''),
    );
    const run = await check(repo);
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
  });

  test('strict auto: a new integration against the base is strict', async () => {
    const repo = GitRepo.withExample();
    const base = repo.head();
    cpSync(path.join(repo.path, 'awesome'), path.join(repo.path, 'newcheck'), { recursive: true });
    renameSync(
      path.join(repo.path, 'newcheck/datadog_checks/awesome'),
      path.join(repo.path, 'newcheck/datadog_checks/newcheck'),
    );
    repo.edit('newcheck/pyproject.toml', /awesome/g, 'newcheck');
    rmSync(path.join(repo.path, 'newcheck/CHANGELOG.md'));
    repo.commitAll('Add newcheck');
    const run = await runAction({
      actionDir: action,
      workspace: repo.path,
      eventName: 'pull_request',
      event: { pull_request: { base: { sha: base } } },
      inputs: { integrations: 'newcheck', python },
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', title: 'scaffold check: changelog-missing' }),
    );
    expect(run.summary).toContain('| yes |');
  });

  test('an integration without an Agent check is skipped with a notice', async () => {
    const repo = GitRepo.withExample();
    mkdirSync(path.join(repo.path, 'tile_only'));
    writeFileSync(path.join(repo.path, 'tile_only', 'manifest.json'), '{}');
    const run = await check(repo, { integrations: 'all' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.checked).toBe('["awesome"]');
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ level: 'notice', message: expect.stringContaining('tile_only') }),
    );
  });
});

describe('create', () => {
  test('scaffolds a missing integration with the installed ddev (dry run first), then checks it clean', async () => {
    const repo = GitRepo.withExample();
    const run = await runAction({
      actionDir: action,
      workspace: repo.path,
      inputs: { integrations: 'fresh_check', python, create: 'true', strict: 'true' },
      env: ddevEnvironment(repo.path),
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ created: '["fresh_check"]', checked: '["fresh_check"]', errors: '0' });
    expect(run.stdout.indexOf('::group::ddev create check fresh_check (dry run)')).toBeLessThan(
      run.stdout.indexOf('::group::ddev create check fresh_check\n'),
    );
    expect(existsSync(path.join(repo.path, 'fresh_check', 'datadog_checks', 'fresh_check', 'check.py'))).toBe(true);
  });

  test('an unknown template is refused before anything runs', async () => {
    const repo = GitRepo.withExample();
    const run = await check(repo, { integrations: 'fresh_check', create: 'true', template: 'check_only' });
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]?.message).toContain(`Input 'template': "check_only" is not one of 'check', 'check-only'`);
    expect(existsSync(path.join(repo.path, 'fresh_check'))).toBe(false);
  });
});

describe('bad input: clear errors, nothing executed', () => {
  test.each([
    [{ integrations: '../etc' }, `Input 'integrations': "../etc" is a path, not an integration name.`],
    [{ integrations: 'a;touch /tmp/pwned' }, `Input 'integrations': "a;touch" is not an integration name`],
    [{ integrations: 'a\nb/c' }, `is a path, not an integration name`],
    [{ integrations: 'unknown_check' }, `Input 'integrations': there is no integration 'unknown_check'`],
    [{ 'fail-on': 'never' }, `Input 'fail-on': "never" is not one of 'error', 'warning'.`],
    [{ python: '/no/such/python' }, `Input 'python': "/no/such/python" was not found.`],
  ])('%j', async (inputs, message) => {
    const run = await check(GitRepo.withExample(), inputs);
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]?.message).toContain(message);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });
});
