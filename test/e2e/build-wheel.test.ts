import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import {
  actionDir,
  ddevEnvironment,
  GitRepo,
  pythonTools,
  removeRunnerScratch,
  repoRoot,
  runAction,
} from '../harness/index.js';

// The bundled build-wheel action: real builds (ddev / pip / uv with hatchling from PyPI), real
// inspection, and a real smoke test: the Agent's package set installed with uv (from PyPI) into a venv
// cached in one tool cache shared by this file's runs, the wheel installed beside it with --no-deps.
const action = actionDir('build-wheel');
const tools = pythonTools();
const scratch = mkdtempSync(path.join(os.tmpdir(), 'aic-build-wheel-'));
const toolCache = path.join(scratch, 'tool-cache');

// A small Agent package set, served from 127.0.0.1 like the raw agent_requirements.in of a release:
// base with its deps, psutil (which the Agent ships), a line for Windows only, and a line with no wheel
// for this interpreter (a cp27 wheel), which must not break the set.
const noWheelHere = path.join(scratch, 'aic_no_wheel_here-1.0-cp27-cp27mu-linux_x86_64.whl');
const TEST_SET = [
  "# the tests' Agent package set",
  'datadog-checks-base[deps]==38.5.0',
  'psutil==7.0.0',
  "pywin32==311; sys_platform == 'win32'",
  `aic-no-wheel-here @ file://${noWheelHere}`,
].join('\n');
let server: Server;
let setUrl = '';

beforeAll(async () => {
  writeFileSync(
    noWheelHere,
    zipSync({
      'aic_no_wheel_here/__init__.py': strToU8(''),
      'aic_no_wheel_here-1.0.dist-info/METADATA': strToU8(
        'Metadata-Version: 2.1\nName: aic-no-wheel-here\nVersion: 1.0\n',
      ),
      'aic_no_wheel_here-1.0.dist-info/WHEEL': strToU8(
        'Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: cp27-cp27mu-linux_x86_64\n',
      ),
      'aic_no_wheel_here-1.0.dist-info/RECORD': strToU8(''),
    }),
  );
  server = createServer((request, response) => {
    if (request.url === '/agent_requirements.in') response.writeHead(200).end(TEST_SET);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  setUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/agent_requirements.in`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  removeRunnerScratch();
  rmSync(scratch, { recursive: true, force: true });
});

function build(repo: GitRepo, inputs: Record<string, string> = {}) {
  return runAction({
    actionDir: action,
    workspace: repo.path,
    toolCache,
    inputs: { integrations: 'awesome', python: tools.python, 'agent-requirements': setUrl, ...inputs },
    env: ddevEnvironment(repo.path),
    timeoutMs: 900_000,
  });
}

const wheelFiles = (file: string) => Object.keys(unzipSync(readFileSync(file))).sort();

describe('the example', () => {
  test('builds with ddev, inspects clean, smoke-tests in the default Agent set; outputs and summary', async () => {
    const repo = GitRepo.withExample();
    // The default set: agent_requirements.in of the Agent release on GitHub, else (no GitHub here) PyPI's.
    const run = await build(repo, { 'agent-requirements': '' });
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
    expect(run.summary).toMatch(
      /Agent package set: (https:\/\/raw\.githubusercontent\.com\/DataDog\/integrations-core\/7\.72\.0\/\S+|PyPI only: datadog-checks-base\[db,deps,http,json,kube\]==37\.21\.1)/,
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

describe('in two steps (background: start, then collect)', () => {
  test('collect reports the wheels one step would have, and uploads them itself', async () => {
    const repo = GitRepo.withExample();
    const runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'aic-background-'));
    const half = (background: string) =>
      runAction({
        actionDir: action,
        workspace: repo.path,
        toolCache,
        runnerTemp,
        inputs: { integrations: 'awesome', python: tools.python, 'agent-requirements': setUrl, background },
        env: ddevEnvironment(repo.path),
        post: false,
        timeoutMs: 900_000,
      });
    const started = await half('start');
    expect(started.exitCode).toBe(0);
    expect(started.outputs).toEqual({});
    // The upload belongs to the step that reports the wheels: nothing said about it yet.
    expect(started.annotations).toEqual([]);
    const collected = await half('collect');
    expect(collected.exitCode).toBe(0);
    expect(JSON.parse(collected.outputs.wheels!)).toEqual([
      expect.objectContaining({ integration: 'awesome', filename: 'datadog_awesome-1.1.0-py3-none-any.whl' }),
    ]);
    expect(collected.annotations).toEqual([
      { level: 'notice', message: expect.stringContaining('The GitHub artifact service is not available here') },
    ]);
    expect(collected.summary).toContain('datadog_checks/awesome/check.py');
    rmSync(runnerTemp, { recursive: true, force: true });
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
        file: 'awesome/datadog_checks/awesome/check.py',
        line: 2,
        message: expect.stringContaining('imports not_a_module_anywhere, which the Agent does not ship'),
      }),
    );
  });
});

/** A repository holding one of test/fixtures/integrations, committed. */
function withFixture(name: string): GitRepo {
  const repo = GitRepo.create();
  cpSync(path.join(repoRoot, 'test', 'fixtures', 'integrations', name), path.join(repo.path, name), {
    recursive: true,
  });
  repo.commitAll(`Add ${name}`);
  return repo;
}

const buildFixture = (name: string, inputs: Record<string, string> = {}) =>
  build(withFixture(name), { integrations: name, builder: 'uv', ...inputs });

const problems = (run: Awaited<ReturnType<typeof build>>) => run.annotations.filter((a) => a.level !== 'notice');

describe('the smoke test loads the wheel as the Agent does, in the Agent package set', () => {
  test('no requires-python: the py2.py3-none-any wheel is accepted; its psutil import loads from the set', async () => {
    const run = await buildFixture('universal');
    expect(problems(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs.wheels!)[0].filename).toBe('datadog_universal-1.0.0-py2.py3-none-any.whl');
    expect(run.summary).toContain('✓ loaded datadog_checks.universal.check.UniversalCheck');
    expect(run.summary).toContain(`Agent package set: ${setUrl}`);
    // The cp27-only line did not install and is named; the Windows-only line is not a failure.
    expect(run.summary).toMatch(
      /Not installed here \(no wheel for this platform, or its build failed\): aic-no-wheel-here @ file:\/\/\S+\.whl\./,
    );
    expect(run.summary).not.toContain('pywin32');
  });

  test('the set is built once: a second run reuses the cached environment', async () => {
    const first = await buildFixture('universal');
    const second = await buildFixture('universal');
    expect(second.exitCode).toBe(0);
    expect(first.exitCode).toBe(0);
    expect(second.summary).toContain('reused from the cache');
  });

  test('a set given as a file in the workspace', async () => {
    const repo = withFixture('universal');
    repo.write('agent-set.txt', TEST_SET);
    const run = await build(repo, { integrations: 'universal', builder: 'uv', 'agent-requirements': 'agent-set.txt' });
    expect(run.exitCode).toBe(0);
    expect(run.summary).toContain('Agent package set: agent-set.txt');
  });

  test('a JMX-only integration (no check module, is_jmx and metrics.yaml) passes', async () => {
    const run = await buildFixture('jmx_only');
    expect(problems(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.summary).toContain('a JMX integration: imported; JMXFetch runs it, no check class to load');
  });

  test('an import the Agent does not ship, not declared by the wheel, is an error at the importing line', async () => {
    const run = await buildFixture('foreign_import');
    expect(run.exitCode).toBe(1);
    expect(problems(run)).toContainEqual(
      expect.objectContaining({
        level: 'error',
        file: 'foreign_import/datadog_checks/foreign_import/check.py',
        line: 3,
        message: expect.stringContaining(
          'datadog_checks/foreign_import/check.py:3 imports pandas, which the Agent does not ship and the wheel does not declare',
        ),
      }),
    );
  });

  test('an import the Agent does not ship, declared in the deps extra, is a warning naming the requirement', async () => {
    const run = await buildFixture('declared_import');
    expect(run.exitCode).toBe(0);
    expect(problems(run)).toEqual([
      expect.objectContaining({
        level: 'warning',
        title: expect.stringContaining('agent-dependency'),
        message: expect.stringContaining(
          'requires humanize==4.12.0; extra == "deps", but the Agent package set has no such package',
        ),
      }),
      expect.objectContaining({
        level: 'warning',
        file: 'declared_import/datadog_checks/declared_import/check.py',
        line: 3,
        message: expect.stringContaining(
          'imports humanize, which the Agent does not ship; the wheel declares humanize==4.12.0',
        ),
      }),
    ]);
  });

  test('a check class not exported from __init__.py is an error with the fix', async () => {
    const run = await buildFixture('not_exported');
    expect(run.exitCode).toBe(1);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        file: 'not_exported/datadog_checks/not_exported/__init__.py',
        title: expect.stringContaining('check-not-exported'),
        message: expect.stringContaining(
          'datadog_checks.not_exported.check.NotExportedCheck subclasses AgentCheck but datadog_checks/not_exported/__init__.py does not export it',
        ),
      }),
    );
    expect(run.annotations.find((a) => a.title?.includes('check-not-exported'))?.message).toContain(
      'Add `from .check import NotExportedCheck`',
    );
  });

  test('a constructor that connects is a warning, and it cannot reach the network', async () => {
    const run = await buildFixture('connecting');
    expect(run.exitCode).toBe(0);
    expect(problems(run)).toEqual([
      expect.objectContaining({
        level: 'warning',
        title: expect.stringContaining('smoke test: instantiate'),
        message: expect.stringContaining('OSError: network access is disabled in the smoke test'),
      }),
    ]);
  });
});

describe('bad input', () => {
  test('an out-dir outside the workspace is refused before anything is built', async () => {
    const run = await build(GitRepo.withExample(), { 'out-dir': '../elsewhere' });
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]?.message).toContain("Input 'out-dir': ../elsewhere is outside the workspace");
  });

  test.each([
    [
      'a path that is not in the workspace',
      'no-such-set.txt',
      "Input 'agent-requirements': no-such-set.txt is not a file in the workspace.",
    ],
    [
      'a plain http URL',
      'http://example.com/agent_requirements.in',
      "Input 'agent-requirements': http://example.com/agent_requirements.in is neither https nor a loopback http URL.",
    ],
  ])('agent-requirements: %s', async (_name, value, message) => {
    const run = await build(GitRepo.withExample(), { builder: 'uv', 'agent-requirements': value });
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]?.message).toContain(message);
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
