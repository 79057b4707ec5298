import { afterAll, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cachedVersion, ToolCache } from './tool-cache.js';

// The real @actions/tool-cache `find` over a real folder: what ToolCache installs in place, it finds.
const root = mkdtempSync(path.join(os.tmpdir(), 'aic-tool-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

test.each([
  ['ddev-uv-py3.13', '20.1.0'],
  ['ddev-uv-py3.13', '1.2.3.4'],
  ['aic-agent-python-env', '3fa9c0de12345678'],
])('%s %s: found once complete, not before', async (tool, version) => {
  const cache = new ToolCache(root);
  expect(await cache.find(tool, version)).toBeUndefined();
  const folder = cache.installFolder(tool, version);
  writeFileSync(path.join(folder, 'marker'), '');
  expect(await cache.find(tool, version)).toBeUndefined();
  cache.markComplete(tool, version);
  expect(await cache.find(tool, version)).toBe(folder);
  expect(folder).toBe(path.join(root, tool, cachedVersion(version), os.arch()));
});

test('installFolder empties the folder and its marker', async () => {
  const cache = new ToolCache(root);
  const folder = cache.installFolder('uv-from-pypi', '0.13.9');
  writeFileSync(path.join(folder, 'old'), '');
  cache.markComplete('uv-from-pypi', '0.13.9');
  cache.installFolder('uv-from-pypi', '0.13.9');
  expect(existsSync(path.join(folder, 'old'))).toBe(false);
  expect(await cache.find('uv-from-pypi', '0.13.9')).toBeUndefined();
});

test('off a runner, nothing reaches stdout and RUNNER_TOOL_CACHE is left as it was', async () => {
  const written: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string) => written.push(String(chunk)) > 0) as typeof process.stdout.write;
  const before = process.env.RUNNER_TOOL_CACHE;
  const onRunner = process.env.GITHUB_ACTIONS;
  delete process.env.GITHUB_ACTIONS;
  try {
    await new ToolCache(root).find('absent', '1.0.0');
  } finally {
    process.stdout.write = write;
    if (onRunner !== undefined) process.env.GITHUB_ACTIONS = onRunner;
  }
  expect(written).toEqual([]);
  expect(process.env.RUNNER_TOOL_CACHE).toBe(before);
});
