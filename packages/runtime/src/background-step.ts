import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { trackChild } from './child-processes.js';
import { UserError } from './errors.js';
import { sleep } from './process.js';

/**
 * An action step run in two halves (input `background`): `start` runs the step's main in a worker of its own and
 * returns at once; a later `collect` step of the job, with the same inputs, waits for the worker and becomes the
 * step — its log, outputs, exported variables, PATH entries, saved state (so its post step is the step's post),
 * job summary and exit code are the worker's, as if main had run there. Work that needs nothing from the steps
 * between them (the tests, beside the validations) overlaps them.
 *
 * The worker is `node <this action's entry>` with the step's own environment, except that the runner's files
 * (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH, GITHUB_STATE, GITHUB_STEP_SUMMARY) and stdout/stderr are files in the
 * journal folder (under RUNNER_TEMP), and INPUT_BACKGROUND is empty.
 */
export type BackgroundPhase = '' | 'start' | 'collect';

const RUNNER_FILES = ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'] as const;
const INPUT = 'INPUT_BACKGROUND';
/** In the start step's state: the journal folder, for its post step. */
export const BACKGROUND_STATE = 'background-journal';

export function backgroundPhase(env: NodeJS.ProcessEnv = process.env): BackgroundPhase {
  const value = (env[INPUT] ?? '').trim();
  if (value === '' || value === 'start' || value === 'collect') return value;
  throw new UserError(`Input 'background': ${JSON.stringify(value)} is not one of '', 'start', 'collect'.`, {
    hint: "Leave it empty to run the step here; 'start' it in one step and 'collect' it in a later one.",
  });
}

/** The journal of a start step: named by the action and every input but `background`, so that collect finds it. */
export function journalDir(env: NodeJS.ProcessEnv = process.env): string {
  const inputs = Object.entries(env)
    .filter(([name]) => name.startsWith('INPUT_') && name !== INPUT)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const key = createHash('sha256')
    .update(JSON.stringify([env.GITHUB_ACTION_PATH ?? '', inputs]))
    .digest('hex')
    .slice(0, 16);
  return path.join(env.RUNNER_TEMP ?? '', 'agent-integration-ci', 'background', key);
}

const file = (dir: string, name: string) => path.join(dir, name.toLowerCase());

/** Starts `node <entry>` as the worker of a start step; returns the journal folder. */
export function startWorker(entry: string, env: NodeJS.ProcessEnv = process.env): string {
  const dir = journalDir(env);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = Object.fromEntries(RUNNER_FILES.map((name) => [name, file(dir, name)]));
  for (const name of Object.values(files)) writeFileSync(name, '');
  const stdout = openSync(path.join(dir, 'stdout'), 'a');
  const stderr = openSync(path.join(dir, 'stderr'), 'a');
  // Where it says how it ended: an argument, not a variable that its children (partner code) would inherit.
  const child = spawn(process.execPath, [entry, WORKER_FLAG, path.join(dir, 'exit')], {
    env: { ...env, ...files, [INPUT]: '' },
    detached: true,
    stdio: ['ignore', stdout, stderr],
    windowsHide: true,
  });
  closeSync(stdout);
  closeSync(stderr);
  if (child.pid === undefined) throw new UserError('The background worker could not start.');
  writeFileSync(path.join(dir, 'pid'), String(child.pid));
  child.unref();
  return dir;
}

const WORKER_FLAG = '--background-worker-exit';

/** Whether this process is a start step's worker (then `recordWorkerExit` says how main ended). */
export const isWorker = (argv: readonly string[] = process.argv): boolean => argv[2] === WORKER_FLAG;

/**
 * In the worker: work that must wait for the collect step (a `start` step's result may never be reported: the
 * upload of what the step built belongs to the step that reports it). The collect step hands `data` to the
 * action's `collected` after replaying the worker.
 */
export function deferToCollect(data: unknown, argv: readonly string[] = process.argv): void {
  if (!isWorker(argv) || !argv[3]) throw new Error('deferToCollect outside a background worker');
  writeFileSync(path.join(path.dirname(argv[3]), 'deferred.json'), JSON.stringify(data));
}

/** In the worker: says how main ended (the collect step exits the same way). */
export function recordWorkerExit(argv: readonly string[] = process.argv): void {
  if (isWorker(argv) && argv[3]) writeFileSync(argv[3], String(process.exitCode ?? 0));
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const readPid = (dir: string): number => Number(readFileSync(path.join(dir, 'pid'), 'utf8').trim());

/**
 * The collect step: waits for the worker the start step with these inputs began, then replays it as this step.
 * Stopped meanwhile (a cancelled job), the worker is stopped too (it leads its own process group).
 */
export async function collectWorker(env: NodeJS.ProcessEnv = process.env): Promise<{ deferred: unknown }> {
  const dir = journalDir(env);
  if (!existsSync(path.join(dir, 'pid'))) {
    throw new UserError(
      "Input 'background': collect, but no earlier step of this job started this action with the same inputs and background: start.",
      { hint: "Add that step before this one, or leave 'background' empty to run the step here." },
    );
  }
  const pid = readPid(dir);
  const untrack = trackChild(pid, 'background worker', []);
  const exitFile = path.join(dir, 'exit');
  while (!existsSync(exitFile) && alive(pid)) await sleep(100);
  untrack();
  writeFileSync(path.join(dir, 'collected'), '');
  process.stdout.write(readFileSync(path.join(dir, 'stdout')));
  process.stderr.write(readFileSync(path.join(dir, 'stderr')));
  for (const name of RUNNER_FILES) {
    const target = env[name];
    const text = readFileSync(file(dir, name));
    if (target && text.length > 0) appendFileSync(target, text);
  }
  const code = existsSync(exitFile) ? Number(readFileSync(exitFile, 'utf8').trim()) : NaN;
  if (!Number.isInteger(code)) {
    throw new UserError('The background worker of this step ended without a result (it was killed).', {
      hint: 'See its log above; re-run the job.',
    });
  }
  process.exitCode = code;
  const deferred = path.join(dir, 'deferred.json');
  return { deferred: existsSync(deferred) ? (JSON.parse(readFileSync(deferred, 'utf8')) as unknown) : undefined };
}

/**
 * The start step's post (post-if: always()): a worker still running (no collect step ran: an earlier step failed,
 * or the job was cancelled) is stopped; returns its saved state when no collect step took it over, for the
 * action's own post (a teardown) to run with.
 */
export async function finishWorker(dir: string, graceMs = 60_000): Promise<Record<string, string> | undefined> {
  if (!existsSync(path.join(dir, 'pid'))) return undefined;
  const pid = readPid(dir);
  if (alive(pid) && !existsSync(path.join(dir, 'exit'))) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // Gone meanwhile.
    }
    for (let waited = 0; alive(pid) && waited < graceMs; waited += 100) await sleep(100);
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Gone.
    }
  }
  if (existsSync(path.join(dir, 'collected'))) return undefined;
  return parseStateFile(readFileSync(file(dir, 'GITHUB_STATE'), 'utf8'));
}

/** `name<<delimiter\nvalue\ndelimiter` entries, as @actions/core writes GITHUB_STATE. */
function parseStateFile(text: string): Record<string, string> {
  const state: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[index]!);
    if (!match) continue;
    const [, name, delimiter] = match;
    const value: string[] = [];
    for (index++; index < lines.length && lines[index] !== delimiter; index++) value.push(lines[index]!);
    state[name!] = value.join('\n');
  }
  return state;
}
