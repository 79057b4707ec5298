import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandEnvironment, ddevConfigToml } from '@aic/ddev';
import { servedCalls, startDdevServer, stopDdevServer, type DdevServer } from './ddev-server.js';

// The real ddev from scripts/provision-python.sh (npm test runs it first), warm and cold, on the example.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const tools = JSON.parse(
  readFileSync(path.join(process.env.AIC_TOOLS_DIR || path.join(root, '.tools'), 'env.json'), 'utf8'),
) as Record<string, string>;
const ddev = tools.AIC_DDEV!;
const examples = path.join(root, 'examples');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'aic-ddev-server-'));
const config = path.join(scratch, 'config.toml');
writeFileSync(config, ddevConfigToml('extras', examples));
const env = commandEnvironment({ ...process.env, DDEV_CONFIG: config });
let server: DdevServer;

beforeAll(async () => {
  server = (await startDdevServer({ ddev, temp: scratch, warm: [{ cwd: examples, env }] }))!;
}, 60_000);
afterAll(() => {
  if (server) stopDdevServer(server.dir);
  rmSync(scratch, { recursive: true, force: true });
});

const shim = () => path.join(server.binDir, 'ddev');
const run = (command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) => {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? examples,
    env: options.env ?? env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
};
const served = (args: string[]) => servedCalls(server.dir).filter((call) => call.args.join(' ') === args.join(' '));

describe('a call through the shim', () => {
  test.each([
    [['--version']],
    [['config', 'show']],
    // click's usage error: exit 2, on stderr.
    [['no-such-command']],
    [['validate', 'config', 'awesome']],
  ])(
    'ddev %j: the same output and exit code as the real ddev, from the warm ddev',
    (args) => {
      const warm = run(shim(), args);
      const real = run(ddev, args);
      expect(warm).toEqual(real);
      expect(served(args)).toHaveLength(1);
      expect(served(args)[0]).toMatchObject({ server: '0', exit: real.code });
    },
    120_000,
  );

  test('an environment the import read differently: the real ddev runs it', () => {
    const other = { ...env, DD_ENV: 'elsewhere' };
    expect(run(shim(), ['--version'], { env: other })).toEqual(run(ddev, ['--version'], { env: other }));
    expect(served(['--version'])).toHaveLength(1);
  }, 60_000);

  test('another folder than the import’s: the real ddev runs it', () => {
    const args = ['config', 'find'];
    expect(run(shim(), args, { cwd: scratch })).toEqual(run(ddev, args, { cwd: scratch }));
    expect(served(args)).toHaveLength(0);
  }, 60_000);

  test('a variable the import did not read changes nothing: still warm, and the call sees it', () => {
    const args = ['run', 'printenv', 'AIC_SERVER_PROBE'];
    const probe = { ...env, AIC_SERVER_PROBE: 'seen' };
    const warm = run(shim(), args, { env: probe });
    expect(warm).toEqual(run(ddev, args, { env: probe }));
    expect(warm.stdout).toContain('seen');
    expect(served(args)).toHaveLength(1);
  }, 60_000);
});

describe('signals', () => {
  // `ddev run sleep` leaves a sleep in the call's process group: what reaches the group reaches it.
  const sleeping = () => {
    const marker = `${Date.now() % 100_000}${Math.floor(Math.random() * 1000)}`;
    const child = spawn(shim(), ['run', 'sleep', `7${marker}`], { cwd: examples, env, stdio: 'ignore' });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    const sleeps = () => spawnSync('pgrep', ['-f', `^sleep 7${marker}$`], { encoding: 'utf8' }).stdout.trim();
    return { child, exited, sleeps };
  };
  const until = async (what: () => boolean) => {
    for (let waited = 0; !what() && waited < 30_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
  };

  test('SIGTERM to the shim reaches the call, and the shim ends as the call did', async () => {
    const { child, exited, sleeps } = sleeping();
    await until(() => sleeps() !== '');
    child.kill('SIGTERM');
    const ended = await exited;
    expect(ended.signal === 'SIGTERM' || (ended.code ?? 0) !== 0).toBe(true);
    await until(() => sleeps() === '');
    expect(sleeps()).toBe('');
  }, 60_000);

  test('a killed shim (a timeout) takes the call with it', async () => {
    const { child, exited, sleeps } = sleeping();
    await until(() => sleeps() !== '');
    child.kill('SIGKILL');
    expect((await exited).signal).toBe('SIGKILL');
    await until(() => sleeps() === '');
    expect(sleeps()).toBe('');
  }, 60_000);
});

test('a server that cannot import ddev: every call runs the real ddev', async () => {
  // A ddev whose folder's python has no ddev: the server fails to import, the shim execs the script.
  const fake = path.join(scratch, 'fake', 'bin');
  mkdirSync(fake, { recursive: true });
  symlinkSync(tools.AIC_PYTHON!, path.join(fake, 'python'));
  copyFileSync(ddev, path.join(fake, 'ddev'));
  chmodSync(path.join(fake, 'ddev'), 0o755);
  const broken = (await startDdevServer({
    ddev: path.join(fake, 'ddev'),
    temp: scratch,
    warm: [{ cwd: examples, env }],
  }))!;
  try {
    const result = run(path.join(broken.binDir, 'ddev'), ['--version']);
    expect(result).toEqual(run(ddev, ['--version']));
    expect(existsSync(path.join(broken.dir, 'zygotes', '0.failed'))).toBe(true);
    expect(servedCalls(broken.dir)).toEqual([]);
  } finally {
    stopDdevServer(broken.dir);
  }
}, 60_000);

test('once stopped, the shim runs the real ddev', async () => {
  const stopped = (await startDdevServer({ ddev, temp: scratch, warm: [{ cwd: examples, env }] }))!;
  const shimPath = path.join(stopped.binDir, 'ddev');
  const kept = path.join(scratch, 'kept-shim');
  copyFileSync(shimPath, kept);
  chmodSync(kept, 0o755);
  expect(run(kept, ['--version']).code).toBe(0);
  stopDdevServer(stopped.dir);
  expect(existsSync(stopped.dir)).toBe(false);
  expect(run(kept, ['--version'])).toEqual(run(ddev, ['--version']));
}, 60_000);
