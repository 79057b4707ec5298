import { afterAll, describe, expect, test } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { actionDir, ddevEnvironment, GitRepo, pythonTools, removeRunnerScratch, runAction } from '../harness/index.js';

// The bundled build-wheel action: real builds (ddev / pip / uv with hatchling from PyPI), real
// inspection, and a real smoke install of datadog-checks-base + the wheel into a fresh uv venv.
const action = actionDir('build-wheel');
const tools = pythonTools();

afterAll(removeRunnerScratch);

function build(repo: GitRepo, inputs: Record<string, string> = {}) {
  return runAction({
    actionDir: action,
    workspace: repo.path,
    inputs: { integrations: 'awesome', python: tools.python, ...inputs },
    env: ddevEnvironment(repo.path),
    timeoutMs: 900_000,
  });
}

const wheelFiles = (file: string) => Object.keys(unzipSync(readFileSync(file))).sort();

describe('the example', () => {
  test('builds with ddev, inspects clean, smoke-installs; outputs and summary', async () => {
    const repo = GitRepo.withExample();
    const run = await build(repo);
    expect(run.exitCode).toBe(0);
    const [wheel] = JSON.parse(run.outputs.wheels!);
    expect(wheel).toMatchObject({
      integration: 'awesome',
      filename: 'datadog_awesome-1.1.0-py3-none-any.whl',
      version: '1.1.0',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(run.outputs['wheel-path']).toBe(path.join(repo.path, 'dist', 'datadog_awesome-1.1.0-py3-none-any.whl'));
    expect(run.annotations.filter((a) => a.level !== 'notice')).toEqual([]);
    expect(run.annotations).toContainEqual({
      level: 'notice',
      message: expect.stringContaining('The GitHub artifact service is not available here'),
    });
    expect(run.summary).toContain(
      '✓ loaded datadog_checks.awesome.check.AwesomeCheck with the first instance of conf.yaml.example',
    );
    expect(run.summary).toContain('datadog_checks/awesome/check.py');
    expect(repo.git('status', '--porcelain', '--', 'awesome')).toBe('');
  });

  test.each(['ddev', 'pip'])(
    'two %s builds of one commit are byte-identical (SOURCE_DATE_EPOCH from the commit)',
    async (builder) => {
      const repo = GitRepo.withExample();
      const sha = async () =>
        JSON.parse((await build(repo, { 'smoke-test': 'false', builder })).outputs.wheels!)[0].sha256 as string;
      const first = await sha();
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(await sha()).toBe(first);
    },
  );

  test('pip, uv and ddev builders give the same file list', async () => {
    const repo = GitRepo.withExample();
    const lists = [];
    for (const builder of ['ddev', 'pip', 'uv']) {
      const run = await build(repo, { builder, 'smoke-test': 'false', 'out-dir': `dist-${builder}` });
      expect(run.exitCode).toBe(0);
      lists.push(wheelFiles(run.outputs['wheel-path']!));
    }
    expect(lists[1]).toEqual(lists[0]);
    expect(lists[2]).toEqual(lists[0]);
  });
});

describe('inspection rules, each on a planted fault', () => {
  test.each([
    [
      'a wrong version in __about__ (METADATA disagrees)',
      (repo: GitRepo) => {
        // The wheel's version comes from another file than __about__.py, which stays at 1.1.0.
        repo.edit(
          'awesome/pyproject.toml',
          '[tool.hatch.version]\npath = "datadog_checks/awesome/__about__.py"',
          '[tool.hatch.version]\npath = "version.py"',
        );
        writeFileSync(path.join(repo.path, 'awesome/version.py'), "__version__ = '9.9.9'\n");
      },
      'metadata-version',
      'error',
    ],
    [
      'tests packaged',
      (repo: GitRepo) =>
        repo.edit(
          'awesome/pyproject.toml',
          'include = ["/datadog_checks/awesome"]',
          'include = ["/datadog_checks/awesome", "/tests"]',
        ),
      'tests-packaged',
      'error',
    ],
    [
      'the namespace __init__ packaged',
      (repo: GitRepo) =>
        repo.edit('awesome/pyproject.toml', 'include = ["/datadog_checks/awesome"]', 'include = ["/datadog_checks"]'),
      'namespace-init',
      'warning',
    ],
    [
      'the conf example missing',
      (repo: GitRepo) => repo.git('rm', '-q', 'awesome/datadog_checks/awesome/data/conf.yaml.example'),
      'missing-file',
      'error',
    ],
  ])('%s', async (_name, plant, rule, level) => {
    const repo = GitRepo.withExample();
    plant(repo);
    repo.commitAll('Plant a fault');
    const run = await build(repo, { builder: 'pip', 'smoke-test': 'false' });
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ level, title: expect.stringContaining(`: ${rule}`) }),
    );
    expect(run.exitCode).toBe(level === 'error' ? 1 : 0);
  });

  test('a smoke test that fails reports the import error', async () => {
    const repo = GitRepo.withExample();
    repo.edit(
      'awesome/datadog_checks/awesome/check.py',
      'from datadog_checks.base import AgentCheck, ConfigurationError',
      'from datadog_checks.base import AgentCheck, ConfigurationError\nimport not_a_module_anywhere',
    );
    repo.commitAll('Break the import');
    const run = await build(repo, { builder: 'pip' });
    expect(run.exitCode).toBe(1);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: expect.stringContaining("No module named 'not_a_module_anywhere'"),
      }),
    );
  });
});

describe('bad input', () => {
  test('an out-dir outside the workspace is refused before anything is built', async () => {
    const run = await build(GitRepo.withExample(), { 'out-dir': '../elsewhere' });
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]?.message).toContain("Input 'out-dir': ../elsewhere is outside the workspace");
  });

  test('an integration with no pyproject.toml', async () => {
    const repo = GitRepo.withExample();
    repo.git('rm', '-q', 'awesome/pyproject.toml');
    const run = await build(repo);
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]).toMatchObject({
      file: 'awesome/pyproject.toml',
      message: expect.stringContaining('awesome/pyproject.toml is missing'),
    });
  });

  test('a build that fails quotes the last lines of the build log', async () => {
    const repo = GitRepo.withExample();
    repo.edit(
      'awesome/pyproject.toml',
      'build-backend = "hatchling.build"',
      'build-backend = "hatchling.no_such_backend"',
    );
    const run = await build(repo, { builder: 'pip', 'smoke-test': 'false' });
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]?.message).toMatch(/pip wheel awesome failed with exit code \d+\.\n {2}Last lines:/);
  });
});
