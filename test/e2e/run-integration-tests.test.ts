import { afterAll, describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { actionDir, ddevEnvironment, GitRepo, removeRunnerScratch, repoRoot, runAction } from '../harness/index.js';

// The bundled run-integration-tests action with the real pinned ddev on examples/awesome.
// These machines have no Docker engine: the Docker paths use test/doubles/docker, a RECORDING DOUBLE of
// the docker CLI placed first on PATH (scripted: engine answers or not, rate-limited pulls).
const action = actionDir('run-integration-tests');
const examples = path.join(repoRoot, 'examples');
const doubleDir = path.join(repoRoot, 'test', 'doubles', 'docker');

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

/** examples/awesome in a temp repository, with a unit test that fails at a known line. */
function withFailingTest(): { repo: GitRepo; line: number } {
  const repo = GitRepo.withExample();
  const text = "import pytest\n\n\n@pytest.mark.unit\ndef test_planted_failure():\n    assert 'page' == 'pages'\n";
  repo.write('awesome/tests/test_planted.py', text);
  return { repo, line: 6 };
}

// The docker double with no engine stands in for these machines (and keeps the tests true on a runner with Docker).
const noEngine = () => dockerDouble({ engine: false });

describe('the example, for real, without a Docker engine', () => {
  test('unit and integration tests pass; JUnit files and a summary table', async () => {
    const result = await run(examples, { tests: 'all' }, noEngine());
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ passed: '11', failed: '0', errors: '0', skipped: '0' });
    const junit = JSON.parse(result.outputs['junit-files']!) as string[];
    expect(junit.map((file) => path.basename(file))).toEqual(['awesome-unit.xml', 'awesome-integration.xml']);
    for (const file of junit) expect(readFileSync(file, 'utf8')).toContain('<testsuite');
    expect(result.stdout).toContain('::group::awesome: unit tests (ddev test awesome -- -m unit');
    expect(result.stdout).toContain('No Docker engine answered; serving the test page from a local HTTP server');
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        message: expect.stringContaining('No Docker engine answered (docker info)'),
      }),
    );
    expect(result.summary).toContain('| ✓ | unit | 9 | 0 | 0 | 0 |');
    expect(result.summary).toContain('| ✓ | integration | 2 | 0 | 0 | 0 |');
    expect(Number(result.outputs['duration-seconds'])).toBeGreaterThan(0);
  });

  test('pytest args are passed literally, never through a shell', async () => {
    const result = await run(
      examples,
      {
        tests: 'unit',
        'pytest-args': `-k "test_search_outcomes" --junit-prefix='$(id);echo pwned'`,
      },
      noEngine(),
    );
    expect(result.exitCode).toBe(0);
    expect(result.outputs.passed).toBe('3');
    const [junit] = JSON.parse(result.outputs['junit-files']!) as string[];
    expect(readFileSync(junit!, 'utf8')).toContain('classname="$(id);echo pwned.tests.test_unit"');
  });
});

describe('failures', () => {
  test('a failing test: annotation on its line, JUnit and summary still written, docker ps + logs dumped, teardown in post', async () => {
    const { repo, line } = withFailingTest();
    const docker = dockerDouble({ engine: true });
    const result = await run(repo.path, { tests: 'unit' }, docker);

    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ failed: '1', passed: '9' });
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        file: 'awesome/tests/test_planted.py',
        line,
        title: 'awesome unit: test_planted_failure',
      }),
    );
    expect(result.summary).toContain('| ✗ | unit | 9 | 1 | 0 | 0 |');
    expect(result.summary).toContain('<details><summary>✗ test_planted_failure (awesome/tests/test_planted.py:6)');
    expect(existsSync(JSON.parse(result.outputs['junit-files']!)[0])).toBe(true);

    const compose = path.join(repo.path, 'awesome', 'tests', 'docker-compose.yml');
    const calls = docker.calls().map((call) => call.argv.join(' '));
    expect(calls).toContain('ps -a');
    expect(calls).toContain(`compose -f ${compose} logs --no-color --timestamps`);
    expect(result.stdout).toContain('::group::docker compose logs');
    expect(result.post?.exitCode).toBe(0);
    // Torn down in main (the composite action runs no post step) and again, harmlessly, in post.
    expect(calls.filter((call) => call === `compose -f ${compose} down --volumes --remove-orphans`)).toHaveLength(2);
    expect(calls.at(-1)).toBe(`compose -f ${compose} down --volumes --remove-orphans`);
  });

  test('integration tests that fail on Docker errors with no engine: the error says no engine answered', async () => {
    const repo = GitRepo.withExample();
    repo.write(
      'awesome/tests/test_needs_docker.py',
      "import pytest\n\n\n@pytest.mark.integration\ndef test_needs_docker():\n    raise RuntimeError('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?')\n",
    );
    const result = await run(repo.path, { tests: 'integration' }, noEngine());
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ failed: '1', passed: '2' });
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: expect.stringContaining(
          'The integration tests failed on Docker errors, and no Docker engine answered',
        ),
      }),
    );
  });

  test('rate-limited pulls are retried with growing delays, then succeed', async () => {
    const docker = dockerDouble({ engine: true, pullRateLimited: 2 });
    const result = await runWithBackoff(docker, { tests: 'integration', 'pytest-args': '-k no_such_test' });
    expect(result.stdout).toContain('toomanyrequests');
    const pulls = docker.calls().filter((call) => call.argv[0] === 'pull');
    expect(pulls.map((call) => call.argv.join(' '))).toEqual([
      'pull nginx:1.27-alpine',
      'pull nginx:1.27-alpine',
      'pull nginx:1.27-alpine',
    ]);
    const [first, second, third] = pulls.map((call) => call.at);
    expect(second! - first!).toBeGreaterThanOrEqual(200);
    expect(third! - second!).toBeGreaterThanOrEqual(400);
    expect(result.stdout).toContain('awesome: no integration tests (pytest collected none with -m integration).');
    expect(result.exitCode).toBe(0);
  });

  test('a rate limit that does not lift says so, with the fix', async () => {
    const docker = dockerDouble({ engine: true, pullRateLimited: 9 });
    const result = await runWithBackoff(docker, { tests: 'integration', 'pull-retries': '2' });
    expect(result.exitCode).toBe(1);
    expect(result.annotations.at(-1)?.message).toContain(
      'Docker Hub rate-limited the anonymous pulls (toomanyrequests): log in with docker/login-action',
    );
    expect(docker.calls().filter((call) => call.argv[0] === 'pull')).toHaveLength(2);
    expect(docker.calls().at(-1)?.argv).toEqual(expect.arrayContaining(['down', '--volumes', '--remove-orphans']));
  });
});

function runWithBackoff(docker: DockerDouble, inputs: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { ...ddevEnvironment(examples), ...docker.env, AIC_PULL_BACKOFF_MS: '200' };
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

describe('bad input', () => {
  test.each([
    [{ tests: 'e2e' }, `Input 'tests': "e2e" is not one of 'unit', 'integration', 'all'.`],
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
    const result = await run(repo.path, { tests: 'integration' });
    expect(result.exitCode).toBe(1);
    expect(result.annotations[0]).toMatchObject({ level: 'error', file: 'awesome/tests/docker-compose.yml', line: 4 });
    expect(result.annotations[0]?.message).toContain('is not valid YAML');
  });
});
