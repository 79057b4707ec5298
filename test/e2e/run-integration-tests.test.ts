import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MemoryReporter } from '@aic/runtime';
import { runIntegrationTests } from '@aic/steps/integration-tests';
import {
  actionDir,
  ddevEnvironment,
  GitRepo,
  pythonTools,
  removeRunnerScratch,
  repoRoot,
  runAction,
} from '../harness/index.js';

// The bundled run-integration-tests action (and the step it calls) with the real pinned ddev, on examples/awesome
// and on test/fixtures/unmarked-tests (a check whose 4 tests carry no marker).
// The Docker paths here use test/doubles/docker, a RECORDING DOUBLE of the docker CLI placed first on PATH
// (scripted: engine answers or not, rate-limited pulls), for the fast cases; test/engine runs the same paths
// against a real Docker engine.
const action = actionDir('run-integration-tests');
const examples = path.join(repoRoot, 'examples');
const doubleDir = path.join(repoRoot, 'test', 'doubles', 'docker');
const unmarked = path.join(repoRoot, 'test', 'fixtures', 'unmarked-tests', 'unmarked');
const UNMARKED_TESTS = '4';

afterAll(removeRunnerScratch);

interface DockerDouble {
  env: Record<string, string>;
  calls: () => { argv: string[]; at: number }[];
}

function dockerDouble(script: { engine: boolean; pullRateLimited?: number }): DockerDouble {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aic-docker-double-'));
  const log = path.join(dir, 'calls.jsonl');
  writeFileSync(path.join(dir, 'script.json'), JSON.stringify(script));
  return {
    env: { AIC_DOCKER_LOG: log, AIC_DOCKER_SCRIPT: path.join(dir, 'script.json') },
    calls: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line))
        : [],
  };
}

function run(repoPath: string, inputs: Record<string, string>, docker?: DockerDouble) {
  const env = ddevEnvironment(repoPath);
  if (docker) Object.assign(env, docker.env, { PATH: `${doubleDir}${path.delimiter}${env.PATH}` });
  return runAction({
    actionDir: action,
    workspace: repoPath,
    inputs: { integrations: 'awesome', ...inputs },
    env,
    timeoutMs: 900_000,
  });
}

/** The unmarked check in a temp repository: in its folder (extras layout), under integrations/, or as the root. */
function withUnmarked(layout: 'folder' | 'integrations' | 'root'): GitRepo {
  const repo = GitRepo.create();
  const folder = { folder: 'unmarked', integrations: 'integrations/unmarked', root: '' }[layout];
  mkdirSync(path.join(repo.path, folder), { recursive: true });
  cpSync(unmarked, path.join(repo.path, folder), {
    recursive: true,
    filter: (source) => !source.includes('__pycache__'),
  });
  if (layout !== 'root') cpSync(path.join(examples, 'pyproject.toml'), path.join(repo.path, 'pyproject.toml'));
  repo.commitAll('Add the unmarked check');
  return repo;
}

// The docker double with no engine stands in for these machines (and keeps the tests true on a runner with Docker).
const noEngine = () => dockerDouble({ engine: false });

describe('the example, for real, without a Docker engine', () => {
  test('every test in one ddev session (no marker filter), one JUnit file per hatch env, one summary row', async () => {
    const result = await run(examples, {}, noEngine());
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ passed: '11', failed: '0', errors: '0', skipped: '0' });
    const junit = JSON.parse(result.outputs['junit-files']!) as string[];
    expect(junit.map((file) => path.basename(file))).toEqual(['junit-py3.13.xml']);
    expect(readFileSync(junit[0]!, 'utf8')).toContain('<testsuite');
    expect(result.stdout).toContain('::group::awesome: tests (ddev --here test awesome -- --junitxml=');
    expect(result.stdout).not.toMatch(/ddev --here test awesome -- .*-m /);
    expect(result.stdout).toContain('No Docker engine answered; serving the test page from a local HTTP server');
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        message: expect.stringContaining('No Docker engine answered (docker info)'),
      }),
    );
    expect(result.summary).toContain('| ✓ | awesome | 11 | 0 | 0 | 0 |');
    expect(result.summary).toContain('_No Docker engine answered (docker info) on this runner._');
    expect(Number(result.outputs['duration-seconds'])).toBeGreaterThan(0);
  });

  test('markers filter when set; pytest args are passed literally, never through a shell', async () => {
    const result = await run(
      examples,
      {
        markers: 'unit',
        'pytest-args': `-k "test_search_outcomes" --junit-prefix='$(id);echo pwned'`,
      },
      noEngine(),
    );
    expect(result.exitCode).toBe(0);
    expect(result.outputs.passed).toBe('3');
    expect(result.stdout).toContain('ddev --here test awesome -- -m unit --junitxml=');
    const [junit] = JSON.parse(result.outputs['junit-files']!) as string[];
    expect(readFileSync(junit!, 'utf8')).toContain('classname="$(id);echo pwned.tests.test_unit"');
  });
});

describe('tests that carry no marker (test/fixtures/unmarked-tests)', () => {
  let inFolder: GitRepo;
  beforeAll(() => {
    inFolder = withUnmarked('folder');
  });

  test('in their folder: every one of them runs and the step passes', async () => {
    const result = await run(inFolder.path, { integrations: 'unmarked' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ passed: UNMARKED_TESTS, failed: '0', errors: '0', skipped: '0' });
    expect(result.summary).toContain(`| ✓ | unmarked | ${UNMARKED_TESTS} | 0 | 0 | 0 |`);
  });

  test('a marker filter that selects none of them: 0 tests ran is a failure that says why', async () => {
    const result = await run(inFolder.path, { integrations: 'unmarked', markers: 'unit' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.passed).toBe('0');
    const reason = '0 tests ran: -m "unit" selected none of the 1 test file in tests/ (tests/test_check.py).';
    expect(result.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', title: 'unmarked: tests', message: reason }),
    );
    expect(result.summary).toContain(`| ✗ | unmarked | 0 | 0 | 0 | 0 |`);
    expect(result.annotations.at(-1)?.message).toContain(`Tests failed: unmarked (${reason})`);
  });

  test('at the repository root: ddev --here test . from the root', async () => {
    const repo = withUnmarked('root');
    const result = await run(repo.path, { integrations: 'unmarked' });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('::group::unmarked: tests (ddev --here test . -- --junitxml=');
    expect(result.outputs).toMatchObject({ passed: UNMARKED_TESTS, failed: '0' });
  });

  test('the step, under integrations/<name>: run from integrations/; only this run’s JUnit reports are read', async () => {
    const repo = withUnmarked('integrations');
    const tools = pythonTools();
    // A report another run left where reports go: a failure that is not this run's.
    const reportDir = mkdtempSync(path.join(os.tmpdir(), 'aic-junit-shared-'));
    const stale =
      '<testsuites><testsuite><testcase classname="tests.test_check" name="test_stale" file="tests/test_check.py" line="1"><failure message="stale">x</failure></testcase></testsuite></testsuites>';
    mkdirSync(path.join(reportDir, 'run-old', 'unmarked-x'), { recursive: true });
    writeFileSync(path.join(reportDir, 'run-old', 'unmarked-x', 'junit-py3.13.xml'), stale);
    writeFileSync(path.join(reportDir, 'junit-py3.13.xml'), stale);

    const reporter = new MemoryReporter();
    const integration = {
      folder: 'integrations/unmarked',
      name: 'unmarked',
      path: path.join(repo.path, 'integrations', 'unmarked'),
    };
    const run = await runIntegrationTests({
      repoPath: repo.path,
      integrations: [integration],
      pytestArgs: [],
      ddevArgs: [],
      composeFiles: undefined,
      pull: false,
      pullRetries: 1,
      pullBaseDelayMs: 1,
      junit: true,
      reportDir,
      reporter,
      ddev: tools.ddev,
      env: ddevEnvironment(repo.path),
    });
    expect(reporter.groups).toContainEqual(expect.stringContaining('unmarked: tests (ddev --here test unmarked'));
    const [result] = run.results;
    expect(result).toMatchObject({
      outcome: 'passed',
      reason: undefined,
      counts: { passed: 4, failed: 0, errors: 0, skipped: 0 },
    });
    expect(result!.cases.map((c) => c.name)).not.toContain('test_stale');
    expect(result!.junitFiles).toHaveLength(1);
    expect(path.dirname(path.dirname(result!.junitFiles[0]!))).toBe(run.reportDir);
    expect(path.dirname(run.reportDir)).toBe(reportDir);
    // Annotations name files from the repository root.
    expect(result!.cases[0]!.location?.file).toBe('integrations/unmarked/tests/test_check.py');
    rmSync(reportDir, { recursive: true, force: true });
  });
});

describe('failures', () => {
  test('a failing test and a setup error in a conftest fixture: each annotated at its own line; docker ps dumped; the image tag from hatch env-vars; teardown by project name', async () => {
    const repo = GitRepo.withExample();
    // The tests see hatch's env-vars, so the pre-pull must too (not the compose file's default, 1.27).
    repo.write(
      'awesome/hatch.toml',
      repo.read('awesome/hatch.toml').replace('AWESOME_NGINX_VERSION = "1.27"', 'AWESOME_NGINX_VERSION = "1.25"'),
    );
    // Unmarked on purpose: it runs all the same.
    repo.write(
      'awesome/tests/test_planted.py',
      "def test_planted_failure():\n    assert 'page' == 'pages'\n\n\ndef test_planted_setup_error(unreachable_service):\n    pass\n",
    );
    const conftest = repo.read('awesome/tests/conftest.py');
    repo.write(
      'awesome/tests/conftest.py',
      `${conftest}\n\n@pytest.fixture\ndef unreachable_service():\n    import requests\n\n    requests.get('http://127.0.0.1:1/', timeout=1)\n`,
    );
    const fixtureLine =
      repo
        .read('awesome/tests/conftest.py')
        .split('\n')
        .findIndex((line) => line.includes("requests.get('http://127.0.0.1:1/'")) + 1;
    const docker = dockerDouble({ engine: true });
    // The double answers `docker info` but runs no container: the example's own integration tests stay out.
    const result = await run(repo.path, { markers: 'not integration' }, docker);

    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ failed: '1', errors: '1', passed: '9' });
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        file: 'awesome/tests/test_planted.py',
        line: 2,
        title: 'awesome: test_planted_failure',
      }),
    );
    // Not a frame inside the hatch env (requests, urllib3): the fixture's own line.
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        file: 'awesome/tests/conftest.py',
        line: fixtureLine,
        title: 'awesome: test_planted_setup_error',
        message: expect.stringMatching(/^failed on setup with "requests\.exceptions\.ConnectionError/),
      }),
    );
    expect(result.annotations.map((a) => a.message).join('\n')).not.toContain('&#');
    expect(result.summary).toContain('| ✗ | awesome | 9 | 1 | 1 | 0 |');
    expect(result.summary).toContain(
      '<details><summary>✗ awesome: test_planted_failure (awesome/tests/test_planted.py:2)',
    );
    expect(existsSync(JSON.parse(result.outputs['junit-files']!)[0])).toBe(true);

    const calls = docker.calls().map((call) => call.argv.join(' '));
    expect(calls).toContain('pull nginx:1.25-alpine');
    expect(calls).not.toContain('pull nginx:1.27-alpine');
    expect(calls).toContain('ps -a');
    // The containers' logs are followed while the tests run (datadog_checks.dev removes them at the end).
    expect(calls.some((call) => call.startsWith('events --since '))).toBe(true);
    expect(result.stdout).toContain('No container of the compose files started during the tests.');
    expect(result.post?.exitCode).toBe(0);
    // By the project name datadog_checks.dev gives (the check's folder), not compose's default (the folder
    // `tests`); in main (the composite action runs no post step) and again, harmlessly, in post.
    const down = 'compose -p awesome down --volumes --remove-orphans --timeout 5';
    expect(calls.filter((call) => call === down)).toHaveLength(2);
    expect(calls.filter((call) => call.includes(' down ') && call !== down)).toEqual([]);
  });

  test('a conftest that fails to import (no JUnit written): the failure says so, on the conftest line', async () => {
    const repo = withUnmarked('folder');
    repo.write('unmarked/tests/conftest.py', 'import no_such_module_in_conftest\n');
    const result = await run(repo.path, { integrations: 'unmarked' });
    expect(result.exitCode).toBe(1);
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        file: 'unmarked/tests/conftest.py',
        line: 1,
        message:
          "pytest could not load unmarked/tests/conftest.py: ModuleNotFoundError: No module named 'no_such_module_in_conftest'",
      }),
    );
  });

  test('no hatch.toml: ddev tests nothing and Datadog’s CI has no test job, so a warning that says why, not a failure', async () => {
    const repo = withUnmarked('folder');
    rmSync(path.join(repo.path, 'unmarked', 'hatch.toml'));
    const result = await run(repo.path, { integrations: 'unmarked' });
    expect(result.exitCode).toBe(0);
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        message: expect.stringContaining('not testable by ddev: no hatch.toml, so ddev runs none of its 1 test file'),
      }),
    );
  });

  test('tests that fail on Docker errors with no engine: the error says no engine answered', async () => {
    const repo = GitRepo.withExample();
    repo.write(
      'awesome/tests/test_needs_docker.py',
      "import pytest\n\n\n@pytest.mark.integration\ndef test_needs_docker():\n    raise RuntimeError('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?')\n",
    );
    const result = await run(repo.path, { markers: 'integration' }, noEngine());
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ failed: '1', passed: '2' });
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: expect.stringContaining('The tests failed on Docker errors, and no Docker engine answered'),
      }),
    );
  });

  test('rate-limited pulls are retried with growing delays, then succeed', async () => {
    const docker = dockerDouble({ engine: true, pullRateLimited: 2 });
    const result = await runWithBackoff(docker, { markers: 'unit', 'pytest-args': '-k test_search_outcomes' });
    expect(result.stdout).toContain('toomanyrequests');
    const pulls = docker.calls().filter((call) => call.argv[0] === 'pull');
    expect(pulls.map((call) => call.argv.join(' '))).toEqual([
      'pull nginx:1.27-alpine',
      'pull nginx:1.27-alpine',
      'pull nginx:1.27-alpine',
    ]);
    const [first, second, third] = pulls.map((call) => call.at);
    // The shipped backoff (no test hook): 5 s, then 10 s.
    expect(second! - first!).toBeGreaterThanOrEqual(5_000);
    expect(third! - second!).toBeGreaterThanOrEqual(10_000);
    expect(result.outputs.passed).toBe('3');
    expect(result.exitCode).toBe(0);
  });

  test('a rate limit that does not lift says so, with the fix for Docker Hub; the unit tests still run', async () => {
    const docker = dockerDouble({ engine: true, pullRateLimited: 9 });
    const result = await runWithBackoff(docker, {
      'pull-retries': '2',
      markers: 'unit',
      'pytest-args': '-k test_search_outcomes',
    });
    expect(result.exitCode).toBe(1);
    expect(result.annotations.at(-1)?.message).toContain(
      'The pre-pull failed (Pulling nginx:1.27-alpine failed: Docker Hub rate-limited the anonymous pulls (toomanyrequests): log in with docker/login-action',
    );
    expect(result.outputs).toMatchObject({ passed: '3', failed: '0' });
    expect(docker.calls().filter((call) => call.argv[0] === 'pull')).toHaveLength(2);
    expect(docker.calls().map((call) => call.argv.join(' '))).toContain(
      'compose -p awesome down --volumes --remove-orphans --timeout 5',
    );
  });
});

function runWithBackoff(docker: DockerDouble, inputs: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { ...ddevEnvironment(examples), ...docker.env };
  env.PATH = `${doubleDir}${path.delimiter}${env.PATH}`;
  // The image tag in the example's compose file comes from hatch.toml's env var; the default is 1.27.
  return runAction({
    actionDir: action,
    workspace: examples,
    inputs: { integrations: 'awesome', ...inputs },
    env,
    timeoutMs: 900_000,
  });
}

describe('in two steps (background: start, then collect)', () => {
  /** Both halves with the inputs and the runner temp of one job; the harness gives each its own command files. */
  const half = (background: string, runnerTemp: string, inputs: Record<string, string> = {}) => {
    const env = ddevEnvironment(examples);
    Object.assign(env, noEngine().env, { PATH: `${doubleDir}${path.delimiter}${env.PATH}` });
    return runAction({
      actionDir: action,
      workspace: examples,
      runnerTemp,
      inputs: { integrations: 'awesome', background, ...inputs },
      env,
      post: false,
      timeoutMs: 900_000,
    });
  };

  test('collect reports what one step would have: log, outputs, annotations, summary, exit code, post state', async () => {
    const runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'aic-background-'));
    const started = await half('start', runnerTemp);
    expect(started.exitCode).toBe(0);
    expect(started.outputs).toEqual({});
    expect(started.stdout).toContain('Started in the background');
    const collected = await half('collect', runnerTemp);
    const direct = await run(examples, {}, noEngine());
    expect(collected.exitCode).toBe(0);
    expect(Object.keys(collected.outputs).sort()).toEqual(Object.keys(direct.outputs).sort());
    expect(collected.outputs).toMatchObject({ passed: '11', failed: '0', errors: '0', skipped: '0' });
    expect(collected.annotations).toEqual(direct.annotations);
    expect(collected.summary).toContain('| ✓ | awesome | 11 | 0 | 0 | 0 |');
    expect(collected.stdout).toContain('::group::awesome: tests (ddev --here test awesome -- --junitxml=');
    // The state the tests' post step tears down from is the collect step's now.
    expect(Object.keys(collected.state)).toEqual(expect.arrayContaining(['compose-files', 'compose-projects']));
    rmSync(runnerTemp, { recursive: true, force: true });
  });

  test('failing tests fail the collect step, with their annotations', async () => {
    const runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'aic-background-'));
    expect((await half('start', runnerTemp, { 'pytest-args': '--definitely-not-an-option' })).exitCode).toBe(0);
    const collected = await half('collect', runnerTemp, { 'pytest-args': '--definitely-not-an-option' });
    expect(collected.exitCode).toBe(1);
    expect(collected.annotations.filter((a) => a.level === 'error').length).toBeGreaterThan(0);
    // Other inputs, other journal: nothing to collect.
    const unmatched = await half('collect', runnerTemp, { markers: 'unit' });
    expect(unmatched.exitCode).toBe(1);
    expect(unmatched.annotations[0]?.message).toContain('no earlier step of this job started this action');
    rmSync(runnerTemp, { recursive: true, force: true });
  });

  test('no collect step (an earlier step failed): the post step of the start step stops the tests', async () => {
    const runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'aic-background-'));
    const started = await half('start', runnerTemp);
    const pid = Number(readFileSync(path.join(started.state['background-journal']!, 'pid'), 'utf8'));
    const post = await runAction({
      actionDir: action,
      workspace: examples,
      runnerTemp,
      inputs: { integrations: 'awesome', background: 'start' },
      env: {
        ...ddevEnvironment(examples),
        ...Object.fromEntries(Object.entries(started.state).map(([name, value]) => [`STATE_${name}`, value])),
      },
      post: false,
    });
    expect(post.exitCode).toBe(0);
    expect(() => process.kill(pid, 0)).toThrow();
    rmSync(runnerTemp, { recursive: true, force: true });
  });

  test("background: 'later' is refused", async () => {
    const result = await run(examples, { background: 'later' });
    expect(result.exitCode).toBe(1);
    expect(result.annotations[0]?.message).toContain(`Input 'background': "later" is not one of`);
  });
});

describe('bad input', () => {
  test.each([
    [{ markers: 'unit; id' }, `Input 'markers': "unit; id" is not a pytest marker expression`],
    [{ 'pytest-args': '-k "open' }, `Input 'pytest-args': has an unclosed " quote.`],
    [{ integrations: 'awesome;id' }, `Input 'integrations': "awesome;id" is not an integration name`],
    [{ integrations: 'nope' }, `Input 'integrations': there is no integration 'nope'`],
    [
      { 'compose-files': '../../etc/compose.yml' },
      `Input 'compose-files': ../../etc/compose.yml is outside the repository`,
    ],
  ])('%j', async (inputs, message) => {
    const result = await run(examples, inputs);
    expect(result.exitCode).toBe(1);
    expect(result.annotations[0]?.message).toContain(message);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
  });

  test('a compose file that is not valid YAML: error with file and line', async () => {
    const repo = GitRepo.withExample();
    repo.write('awesome/tests/docker-compose.yml', 'services:\n  nginx:\n    image: nginx\n   ports: [1\n');
    const result = await run(repo.path, {});
    expect(result.exitCode).toBe(1);
    expect(result.annotations[0]).toMatchObject({ level: 'error', file: 'awesome/tests/docker-compose.yml', line: 4 });
    expect(result.annotations[0]?.message).toContain('is not valid YAML');
  });
});
