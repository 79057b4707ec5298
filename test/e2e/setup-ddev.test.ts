import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'smol-toml';
import { actionDir, pythonTools, removeRunnerScratch, repoRoot, runAction, type ActionRun } from '../harness/index.js';

// The bundled setup-ddev action, run like the runner runs it, installing the real ddev from PyPI.
// Outside GitHub there is no cache service: the action says so once and uses the tool cache.
const action = actionDir('setup-ddev');
const examples = path.join(repoRoot, 'examples');
const python = pythonTools().python;
const pinned = pythonTools().ddevVersion;
const toolCache = mkdtempSync(path.join(os.tmpdir(), 'aic-tool-cache-'));
let cold: ActionRun;

// No uv on PATH, so the action brings its own uv from PyPI (a wheel) into the tool cache.
const pathWithoutUv = (process.env.PATH ?? '')
  .split(path.delimiter)
  .filter((dir) => !existsSync(path.join(dir, 'uv')))
  .join(path.delimiter);
// @actions/tool-cache's layout: this machine's architecture as Node names it (x64), whatever RUNNER_ARCH says (X64).
const arch = process.arch;
const setup = (inputs: Record<string, string> = {}, post = true) =>
  runAction({
    actionDir: action,
    workspace: examples,
    toolCache,
    inputs: { python, ...inputs },
    env: { PATH: pathWithoutUv },
    timeoutMs: 900_000,
    post,
  });

beforeAll(async () => {
  cold = await setup();
}, 900_000);

afterAll(() => {
  removeRunnerScratch();
  rmSync(toolCache, { recursive: true, force: true });
});

describe('a real install', () => {
  test('installs the pinned ddev from PyPI into the tool cache and reports it', () => {
    expect(cold.exitCode).toBe(0);
    expect(cold.outputs).toMatchObject({
      'ddev-version': pinned,
      'cache-hit': 'false',
      repo: 'extras',
      'python-path': expect.stringContaining('python'),
    });
    expect(cold.outputs['ddev-path']).toBe(path.join(toolCache, 'ddev-uv-py3.13', pinned, arch, 'venv', 'bin', 'ddev'));
    const { uv } = JSON.parse(readFileSync(path.join(repoRoot, 'scripts', 'python-pins.json'), 'utf8')) as {
      uv: string;
    };
    expect(existsSync(path.join(toolCache, 'uv-from-pypi', uv, arch, 'bin', 'uv'))).toBe(true);
    expect(cold.stdout).toContain('::group::ddev --version');
    expect(cold.summary).toContain(`ddev, version ${pinned}`);
  });

  test('says once that there is no cache service outside GitHub', () => {
    const notices = cold.annotations.filter((a) => a.level === 'notice');
    expect(notices).toEqual([
      { level: 'notice', message: expect.stringContaining('The GitHub cache service is not available here') },
    ]);
    expect(cold.post?.exitCode).toBe(0);
  });

  test('puts ddev on PATH and exports our own config file', () => {
    const binDir = path.dirname(cold.outputs['ddev-path']!);
    // Then the warm ddev's folder, so that its `ddev` comes first; the post step stopped it and removed the folder.
    expect(cold.path).toEqual([binDir, expect.stringMatching(/\/ddev-server-[^/]+\/bin$/)]);
    expect(existsSync(path.dirname(cold.path[1]!))).toBe(false);
    expect(cold.env).toEqual({ DDEV_CONFIG: cold.outputs['config-path'] });
    expect(cold.outputs['config-path']!.startsWith(cold.runnerTemp)).toBe(true);
    expect(parse(readFileSync(cold.outputs['config-path']!, 'utf8'))).toEqual({
      repo: 'extras',
      upgrade_check: false,
      repos: { extras: examples },
    });
  });

  test('the config file really makes `ddev config show` report the repo', () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'aic-home-'));
    const shown = spawnSync(cold.outputs['ddev-path']!, ['config', 'show'], {
      env: { ...process.env, HOME: home, DDEV_CONFIG: cold.env.DDEV_CONFIG },
      encoding: 'utf8',
    });
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain('repo = "extras"');
    expect(shown.stdout).toContain(`extras = "${examples}"`);
    rmSync(home, { recursive: true, force: true });
  });

  test('a second run is a tool-cache hit', async () => {
    const warm = await setup();
    expect(warm.exitCode).toBe(0);
    expect(warm.outputs).toMatchObject({
      'cache-hit': 'tool-cache',
      'ddev-version': pinned,
      'ddev-path': cold.outputs['ddev-path'],
    });
    expect(warm.stdout).not.toContain('Installing ddev');
    // What the tool cache holds is known: no ddev spawned to say its version.
    expect(warm.stdout).not.toContain('::group::ddev --version');
    expect(warm.summary).toContain(`ddev, version ${pinned}`);
  });

  test('the later steps’ ddev is the warm one, with the real one’s answers', async () => {
    const run = await setup({}, false);
    const [binDir, warmBin] = run.path as [string, string];
    // The environment the tests' step runs ddev in (commandEnvironment): what the first warm ddev imported in.
    const env = {
      ...process.env,
      PATH: [warmBin, binDir, process.env.PATH].join(path.delimiter),
      ...run.env,
      NO_COLOR: '1',
      DDEV_INTERACTIVE: 'false',
    };
    const ask = (ddev: string) => spawnSync(ddev, ['config', 'show'], { cwd: examples, env, encoding: 'utf8' });
    const warm = ask(path.join(warmBin, 'ddev'));
    const real = ask(run.outputs['ddev-path']!);
    expect([warm.status, warm.stdout, warm.stderr]).toEqual([real.status, real.stdout, real.stderr]);
    const served = readFileSync(path.join(path.dirname(warmBin), 'served.log'), 'utf8');
    expect(served).toContain('"args": ["config", "show"]');
    // The post step stops it.
    const post = await runAction({
      actionDir: action,
      workspace: examples,
      toolCache,
      runnerTemp: run.runnerTemp,
      inputs: { python },
      env: Object.fromEntries(Object.entries(run.state).map(([name, value]) => [`STATE_${name}`, value])),
      post: false,
    });
    expect(post.exitCode).toBe(0);
    expect(existsSync(path.dirname(warmBin))).toBe(false);
  });

  test('a specifier resolves to the exact version that is cached and reported', async () => {
    const major = pinned.split('.')[0];
    const run = await setup({ 'ddev-version': `>=${major},<${Number(major) + 1}` });
    expect(run.exitCode).toBe(0);
    expect(run.outputs['ddev-version']).toMatch(new RegExp(`^${major}\\.`));
  });
});

describe('bad input: one line naming the input and the fix', () => {
  const notADirectory = path.join(os.tmpdir(), 'aic-not-a-directory');
  writeFileSync(notADirectory, 'x');
  const empty = mkdtempSync(path.join(os.tmpdir(), 'aic-empty-'));

  test.each([
    [{ installer: 'conda' }, `Input 'installer': "conda" is not one of 'uv', 'pipx', 'pip'.`],
    [{ 'ddev-version': 'banana' }, `Input 'ddev-version': "banana" is not a ddev version`],
    [{ 'ddev-version': '99.0.0' }, `Input 'ddev-version': ddev 99.0.0 does not exist on the package index`],
    [{ python: 'python3.99' }, `Input 'python': "python3.99" was not found on PATH.`],
    [{ python: 'python3; rm -rf /' }, `Input 'python': "python3; rm -rf /" is not a path or a command name.`],
    [
      { 'repo-path': notADirectory },
      `Input 'repo-path': "${notADirectory}" is not a folder (resolved to ${notADirectory}).`,
    ],
    [{ 'repo-path': empty }, `Input 'repo': auto found no integration`],
    [{ repo: 'core2' }, `Input 'repo': "core2" is not one of 'auto', 'extras', 'marketplace', 'core'.`],
  ])('%j', async (inputs, message) => {
    const run = await setup(inputs);
    expect(run.exitCode).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain(message);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
    expect(run.path).toEqual([]);
  });

  test('installer pipx without pipx on PATH: says so before anything is installed', async () => {
    const run = await runAction({
      actionDir: action,
      workspace: examples,
      toolCache,
      inputs: { python, installer: 'pipx', repo: 'extras' },
      env: { PATH: path.dirname(process.execPath) },
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      expect.stringContaining("Input 'installer': pipx is not on PATH."),
    ]);
    expect(run.stdout).not.toContain('Attempt 1 failed');
    expect(run.path).toEqual([]);
  });
});
