import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ddevEnvironment, pythonTools, repoRoot } from '../harness/index.js';

// The example integration's own tests, through the real pinned ddev and hatch, on a machine
// without a Docker engine: the integration tests' environment falls back to a local HTTP server.
const examples = path.join(repoRoot, 'examples');

function ddevTest(marker: 'unit' | 'integration') {
  const tools = pythonTools();
  const out = mkdtempSync(path.join(os.tmpdir(), 'aic-example-'));
  const junit = path.join(out, `${marker}.xml`);
  const result = spawnSync(tools.ddev, ['test', 'awesome', '--', '-m', marker, `--junitxml=${junit}`], {
    cwd: examples,
    env: ddevEnvironment(examples, tools),
    encoding: 'utf8',
    timeout: 600_000,
  });
  const report = readFileSync(junit, 'utf8');
  rmSync(out, { recursive: true, force: true });
  return { ...result, report };
}

const attribute = (xml: string, name: string) =>
  Number(new RegExp(`<testsuite [^>]*\\b${name}="(\\d+)"`).exec(xml)?.[1]);

describe('examples/awesome through `ddev test`', () => {
  test('unit tests pass: OK / WARNING / CRITICAL, logs, ConfigurationError', () => {
    const run = ddevTest('unit');
    expect(run.status).toBe(0);
    expect(attribute(run.report, 'tests')).toBe(9);
    expect(attribute(run.report, 'failures')).toBe(0);
    expect(attribute(run.report, 'errors')).toBe(0);
  });

  test('integration tests pass against the local server when no Docker engine answers', () => {
    const run = ddevTest('integration');
    expect(run.status).toBe(0);
    expect(attribute(run.report, 'tests')).toBe(2);
    expect(attribute(run.report, 'failures')).toBe(0);
    const dockerAnswers = spawnSync('docker', ['info'], { timeout: 10_000 }).status === 0;
    if (!dockerAnswers)
      expect(run.stdout).toContain('No Docker engine answered; serving the test page from a local HTTP server');
  });
});
