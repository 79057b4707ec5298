import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { watchComposeContainers } from '@aic/steps/integration-tests';
import { actionDir, ddevEnvironment, pythonTools, removeRunnerScratch, repoRoot, runAction } from '../harness/index.js';
import { docker, engineOrSkip, leftovers, readSince, running, sizeOf, waitFor, type Engine } from './engine.js';
import { startRegistryProxy } from './registry-proxy.js';

// A REAL Docker engine (scripts/docker-engine.sh: dockerd on its own socket, pulling through docker-registry on
// 127.0.0.1:5000), real compose v2, real ddev/hatch/pytest, through the bundled run-integration-tests action and the
// aic CLI. No double here (test/e2e keeps the recording docker double for the fast cases). Mandatory under CI=true.
const engine = engineOrSkip();
const action = actionDir('run-integration-tests');
const examples = path.join(repoRoot, 'examples');
const fixture = path.join(repoRoot, 'test', 'fixtures', 'engine');
const NGINX = 'nginx:1.27-alpine';

afterAll(removeRunnerScratch);

function env(engine: Engine, repo: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...ddevEnvironment(repo), ...engine.env, AIC_PULL_BACKOFF_MS: '500', ...extra };
}

function runTests(engine: Engine, repo: string, inputs: Record<string, string>, extra: Record<string, string> = {}) {
  return runAction({ actionDir: action, workspace: repo, inputs, env: env(engine, repo, extra), timeoutMs: 600_000 });
}

(engine ? describe : describe.skip)('the real Docker engine', () => {
  const live = engine!;
  beforeAll(() => {
    // Nothing of an earlier, interrupted run: each test's project starts from none.
    for (const project of ['awesome', 'dockerized']) {
      docker(live, ['compose', '-p', project, 'down', '--volumes', '--remove-orphans', '--timeout', '0']);
      expect(leftovers(live, project)).toEqual([]);
    }
  });

  test('the example: pre-pulled through the registry, its integration tests hit the real nginx (its access log)', async () => {
    docker(live, ['rmi', '-f', NGINX]);
    const registryMark = sizeOf(live.registryLog);
    // Our own follower of the example's container logs: they go with the container when the session ends.
    const watch = watchComposeContainers([path.join(examples, 'awesome', 'tests', 'docker-compose.yml')], {
      ...process.env,
      ...live.env,
    });
    const result = await runTests(live, examples, { integrations: 'awesome' });
    const logs = await watch.stop();

    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ passed: '11', failed: '0', errors: '0', skipped: '0' });
    expect(result.stdout).not.toContain('No Docker engine answered');
    // The pre-pull pulled for real, and through the mirror: docker-registry served the manifest.
    expect(result.stdout).toContain('::group::Pulling 1 image');
    expect(result.stdout).toContain(`Status: Downloaded newer image for ${NGINX}`);
    expect(readSince(live.registryLog, registryMark)).toMatch(
      /"(HEAD|GET) \/v2\/library\/nginx\/manifests\/1\.27-alpine HTTP\/1\.1" 200/,
    );
    // The check's own requests (the Agent's user agent) reached the container: one per integration test.
    const [nginx] = logs;
    expect(nginx).toMatchObject({ project: 'awesome', service: 'nginx' });
    const checkRequests = nginx!.lines.filter((line) => /"GET \/ HTTP\/1\.1" 200 .*"Datadog Agent\//.test(line));
    expect(checkRequests).toHaveLength(2);
    expect(leftovers(live, 'awesome')).toEqual([]);
  });

  describe('pre-pull through a 127.0.0.1 proxy that rate-limits (HTTP 429)', () => {
    test('429 twice, then served: the step retries and passes; the tag is the hatch env-var’s', async () => {
      const proxy = await startRegistryProxy(2);
      const image = `${proxy.host}/library/${NGINX}`;
      try {
        const result = await runTests(
          live,
          fixture,
          { integrations: 'dockerized', markers: 'unit', 'pull-retries': '3' },
          { AIC_ENGINE_REGISTRY: proxy.host },
        );
        expect(result.stdout).toContain(`Pull attempt 1 of ${image} failed`);
        expect(result.stdout).toContain(`Pull attempt 2 of ${image} failed`);
        expect(result.stdout).toContain(`the registry ${proxy.host} rate-limited the pulls`);
        expect(result.stdout).not.toContain('Docker Hub');
        expect(result.stdout).toContain(`Status: Downloaded newer image for ${image}`);
        expect(proxy.counts).toMatchObject({ pulls: 3, refused: 2 });
        expect(result.exitCode).toBe(0);
        expect(result.outputs).toMatchObject({ passed: '1', failed: '0' });
      } finally {
        await proxy.close();
        docker(live, ['rmi', '-f', image]);
      }
    });

    test('a limit that never lifts: fails in bounded time naming the registry; the unit tests still ran', async () => {
      const proxy = await startRegistryProxy(Infinity);
      try {
        const result = await runTests(
          live,
          fixture,
          { integrations: 'dockerized', markers: 'unit', 'pull-retries': '2' },
          { AIC_ENGINE_REGISTRY: proxy.host },
        );
        expect(result.exitCode).toBe(1);
        expect(proxy.counts.refused).toBe(2);
        const failure = result.annotations.at(-1)?.message ?? '';
        expect(failure).toContain(
          `The pre-pull failed (Pulling ${proxy.host}/library/${NGINX} failed: the registry ${proxy.host} rate-limited`,
        );
        expect(failure).not.toContain('Docker Hub');
        expect(result.outputs).toMatchObject({ passed: '1', failed: '0' });
        // 2 pulls 0.5 s apart and one unit-test session: bounded by the retries, not by a registry that never lifts.
        expect(result.durationMs).toBeLessThan(120_000);
      } finally {
        await proxy.close();
      }
    });
  });

  test('a service that never becomes ready: fails within its bound, its container logs in the step log and summary', async () => {
    const result = await runTests(live, fixture, { integrations: 'dockerized' }, { AIC_ENGINE_MODE: 'never-ready' });
    expect(result.exitCode).toBe(1);
    // CheckEndpoints(attempts=5) twice (docker_run's attempts under CI), with compose up and down each time.
    expect(result.durationMs).toBeLessThan(120_000);
    const said = 'dockerized: waiting for a license server that never answers';
    const group = result.stdout.split('::group::container logs: dockerized-web-1')[1]?.split('::endgroup::')[0];
    expect(group).toContain(said);
    expect(result.summary).toContain('Container logs: dockerized-web-1 (compose project dockerized');
    expect(result.summary).toContain(said);
    expect(result.outputs).toMatchObject({ passed: '1', errors: '3' });
    expect(leftovers(live, 'dockerized')).toEqual([]);
  });

  test('a failing test: reported on its line, and everything torn down', async () => {
    const result = await runTests(live, fixture, { integrations: 'dockerized' }, { AIC_ENGINE_MODE: 'fail' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ passed: '3', failed: '1' });
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        title: 'dockerized: test_planted_failure',
        file: 'dockerized/tests/test_integration.py',
      }),
    );
    expect(result.stdout).toContain('::group::docker compose down (project dockerized)');
    expect(leftovers(live, 'dockerized')).toEqual([]);
  });

  describe('stopped while the tests run: no container, network or volume of the project is left', () => {
    const pidfile = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'aic-hang-')), 'pytest.pid');

    /** Up to the moment the test hangs with its service (and named volume) up. */
    async function whenHanging(file: string): Promise<number> {
      await waitFor('pytest hangs in test_hangs', () => existsSync(file) && readFileSync(file, 'utf8') !== '', 300_000);
      const everything = leftovers(live, 'dockerized');
      expect(everything).toEqual(
        expect.arrayContaining(['container dockerized-web-1', 'network dockerized_default', 'volume dockerized_cache']),
      );
      return Number(readFileSync(file, 'utf8'));
    }

    test('SIGTERM to the action (a cancelled job)', async () => {
      const file = pidfile();
      let pytest = 0;
      let signalledAt = 0;
      let hangProblem: unknown;
      const result = await runAction({
        actionDir: action,
        workspace: fixture,
        inputs: { integrations: 'dockerized' },
        env: env(live, fixture, { AIC_ENGINE_MODE: 'hang', AIC_ENGINE_PIDFILE: file }),
        post: false,
        timeoutMs: 600_000,
        onSpawn: (child) => {
          whenHanging(file).then(
            (pid) => {
              pytest = pid;
              signalledAt = Date.now();
              child.kill('SIGTERM');
            },
            (error: unknown) => {
              child.kill('SIGKILL');
              hangProblem = error;
            },
          );
        },
      });
      if (hangProblem) throw hangProblem;
      expect(pytest).toBeGreaterThan(0);
      expect(result.exitCode).toBe(143);
      expect(Date.now() - signalledAt).toBeLessThan(60_000);
      expect(result.stdout).toMatch(
        /::error::Stopped by SIGTERM: stopping .*ddev --here test dockerized …; then cleaning up\./,
      );
      expect(running(pytest)).toBe(false);
      expect(leftovers(live, 'dockerized')).toEqual([]);
    });

    test('Ctrl-C (SIGINT to its process group) to `aic test`', async () => {
      const file = pidfile();
      const tools = pythonTools();
      const cli = path.join(repoRoot, 'packages', 'cli', 'bin', 'aic.js');
      const child = spawn(
        process.execPath,
        [cli, 'test', '--repo', fixture, '-i', 'dockerized', '--python', tools.python],
        {
          cwd: fixture,
          env: env(live, fixture, { AIC_ENGINE_MODE: 'hang', AIC_ENGINE_PIDFILE: file, CI: 'true' }),
          detached: true,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      let pytest: number;
      try {
        pytest = await whenHanging(file);
      } catch (error) {
        process.kill(-child.pid!, 'SIGKILL');
        throw error;
      }
      const signalledAt = Date.now();
      process.kill(-child.pid!, 'SIGINT');
      expect(await exited).toBe(130);
      expect(Date.now() - signalledAt).toBeLessThan(60_000);
      expect(output).toMatch(/aic: Stopped by SIGINT: stopping .*ddev --here test dockerized …; then cleaning up\./);
      expect(running(pytest)).toBe(false);
      expect(leftovers(live, 'dockerized')).toEqual([]);
    });
  });
});
