import { afterAll, describe, expect, test } from '@jest/globals';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemoryReporter, runChecked } from '@aic/runtime';
import { agentEnvironment, readAgentSet } from './agent-env.js';

// Real uv and Python from scripts/provision-python.sh (npm test runs it first); PyPI through uv's cache.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const tools = JSON.parse(
  readFileSync(path.join(process.env.AIC_TOOLS_DIR || path.join(root, '.tools'), 'env.json'), 'utf8'),
) as Record<string, string>;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'aic-agent-env-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('readAgentSet', () => {
  const workspace = path.join(scratch, 'workspace');
  mkdirSync(workspace, { recursive: true });
  writeFileSync(path.join(workspace, 'set.txt'), '# set\npsutil==7.0.0\n');

  test.each([
    ['pypi', { source: 'PyPI only: datadog-checks-base[db,deps,http,json,kube]==37.21.1', complete: false }],
    ['set.txt', { lines: ['psutil==7.0.0'], source: 'set.txt', complete: true }],
  ])('%s', async (input, expected) => {
    expect(await readAgentSet(input, workspace, new MemoryReporter())).toMatchObject(expected);
  });

  test.each([
    ['../outside.txt', "Input 'agent-requirements': ../outside.txt is not a file in the workspace."],
    ['ftp://example.com/set.txt', 'is neither https nor a loopback http URL'],
    ['http://127.0.0.1:9/set.txt', "Input 'agent-requirements': http://127.0.0.1:9/set.txt could not be fetched"],
  ])('%s is refused', async (input, message) => {
    await expect(readAgentSet(input, workspace, new MemoryReporter())).rejects.toThrow(message);
  });
});

test('an environment restored from the actions cache is used, not rebuilt', async () => {
  const workspace = path.join(scratch, 'cache-workspace');
  mkdirSync(workspace, { recursive: true });
  writeFileSync(path.join(workspace, 'set.txt'), 'datadog-checks-base[deps]==38.5.0\n');
  const options = (toolCache: string) => ({
    requirements: 'set.txt',
    workspace,
    uv: tools.AIC_UV!,
    python: tools.AIC_PYTHON!,
    interpreter: 'CPython 3.13 on linux x86_64',
    toolCache,
    temp: path.join(scratch, 'temp'),
    reporter: new MemoryReporter(),
  });
  const first = await agentEnvironment(options(path.join(scratch, 'job-1')));
  expect(first).toMatchObject({ built: true, failed: [], source: 'set.txt' });

  // Another job: an empty tool cache, and an actions cache holding what the first job saved.
  const restored: string[] = [];
  const second = await agentEnvironment({
    ...options(path.join(scratch, 'job-2')),
    restore: async (paths, key) => {
      expect(key).toBe(first.cache.key);
      cpSync(first.cache.paths[0]!, paths[0]!, { recursive: true, verbatimSymlinks: true });
      restored.push(...paths);
      return true;
    },
  });
  expect(restored).toEqual([second.cache.paths[0]]);
  expect(second).toMatchObject({ built: false, failed: [] });
  expect(existsSync(`${second.cache.paths[0]}.complete`)).toBe(true);
  const probe = await runChecked(second.python, ['-c', 'import datadog_checks.base; print("ok")']);
  expect(probe.stdout.trim()).toBe('ok');
}, 300_000);
