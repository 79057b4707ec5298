import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDaemon } from '@aic/runtime';
import { materializePythonScript } from '../python-script.js';
import { pythonScripts } from '../python-scripts.generated.js';

/**
 * A warm ddev for the steps after setup (packages/steps/python/ddev_server.py): ddev imported once per environment
 * the later steps will run it in, each call a fork of that. `binDir` holds a `ddev` that goes first on PATH: it hands
 * a call to the warm ddev whose import saw the same environment and folder, and runs the real ddev otherwise.
 */
export interface DdevServer {
  dir: string;
  binDir: string;
}

/** Where the calls will come from: the folder and environment each warm ddev is imported in. */
export interface WarmCall {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** A Unix socket's path has at most 107 bytes: a deep temp folder gets its server folder in the system's. */
const SOCKET_ROOM = 100 - '/zygotes/9.sock'.length;

/** Linux only (fork, passing stdio over a Unix socket); elsewhere every call runs the real ddev, as before. */
export async function startDdevServer(options: {
  ddev: string;
  temp: string;
  warm: readonly WarmCall[];
}): Promise<DdevServer | undefined> {
  if (process.platform !== 'linux' || options.warm.length === 0) return undefined;
  const parent = path.join(options.temp, 'agent-integration-ci');
  mkdirSync(parent, { recursive: true });
  let dir = mkdtempSync(path.join(parent, 'ddev-server-'));
  if (Buffer.byteLength(dir) > SOCKET_ROOM) {
    rmSync(dir, { recursive: true, force: true });
    dir = mkdtempSync(path.join(os.tmpdir(), 'aic-ddev-'));
  }
  chmodSync(dir, 0o700);
  const binDir = path.join(dir, 'bin');
  const zygotes = path.join(dir, 'zygotes');
  mkdirSync(binDir);
  mkdirSync(zygotes);
  // ddev's own interpreter: beside its console script (pipx links the script from its venv).
  const python = path.join(path.dirname(realpathSync(options.ddev)), 'python');
  const server = materializePythonScript('ddev_server.py', dir);
  // Both the server and the shim import it from `dir`.
  materializePythonScript('ddev_signature.py', dir);
  const shim = path.join(binDir, 'ddev');
  // JSON string literals are Python string literals.
  writeFileSync(
    shim,
    `#!${python} -IS\nDIRECTORY = ${JSON.stringify(dir)}\nREAL_DDEV = ${JSON.stringify(options.ddev)}\n${pythonScripts['ddev_shim.py']}`,
  );
  chmodSync(shim, 0o755);
  let started = 0;
  for (const [index, call] of options.warm.entries()) {
    // zygotes/<index>.pending says "importing, wait for me" from before the start (a call may come before the
    // server's interpreter is up) to when it listens (<index>.json and .sock); it holds the server's pid.
    const pending = path.join(zygotes, `${index}.pending`);
    writeFileSync(pending, 'starting');
    const pid = await startDaemon(python, [server, dir, options.ddev, String(index)], call);
    if (pid === undefined) {
      rmSync(pending, { force: true });
      continue;
    }
    if (existsSync(pending)) writeFileSync(pending, String(pid));
    started++;
  }
  if (started === 0) {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  return { dir, binDir };
}

/** Stops every warm ddev of the server and removes its folder (a call still running goes on: it is on its own). */
export function stopDdevServer(dir: string): void {
  const zygotes = path.join(dir, 'zygotes');
  let names: string[];
  try {
    names = readdirSync(zygotes);
  } catch {
    return;
  }
  for (const name of names.filter((file) => file.endsWith('.json') || file.endsWith('.pending'))) {
    let pid: number | undefined;
    try {
      const text = readFileSync(path.join(zygotes, name), 'utf8');
      pid = name.endsWith('.json') ? (JSON.parse(text) as { pid?: number }).pid : Number(text.trim());
    } catch {
      continue;
    }
    if (pid === undefined || !Number.isInteger(pid) || pid <= 0) continue;
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

/** One call the warm ddev ran (DIR/served.log, written as each call ends). */
export interface ServedCall {
  server: string;
  args: string[];
  /** Epoch seconds. */
  started: number;
  ended: number;
  exit?: number;
  signal?: number;
}

/** The calls the warm ddev has run so far. */
export function servedCalls(dir: string): ServedCall[] {
  let text: string;
  try {
    text = readFileSync(path.join(dir, 'served.log'), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ServedCall);
}
