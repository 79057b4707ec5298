import { spawn } from 'node:child_process';
import { childEnvironment } from './child-env.js';
import { trackChild } from './child-processes.js';

export interface BackgroundProcess {
  /** Resolves when it has exited (by itself or stopped), with its exit code (null when killed). */
  readonly exited: Promise<number | null>;
  /** Ends it (SIGTERM to its group) and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * A program that runs beside the work (`docker events`, `docker logs --follow`), each output line handed to
 * `onLine`; argument arrays only, never a shell. It leads its own process group, killed by a stop signal too.
 * A program that cannot start exits at once (code null) instead of throwing.
 */
export function startBackground(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; onLine: (line: string, stream: 'stdout' | 'stderr') => void },
): BackgroundProcess {
  const child = spawn(command, [...args], {
    env: options.env ?? process.env,
    shell: false,
    detached: process.platform !== 'win32',
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
  const untrack = trackChild(child.pid, command, args, true);
  for (const stream of ['stdout', 'stderr'] as const) {
    let pending = '';
    child[stream].setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) options.onLine(line.replace(/\r$/, ''), stream);
    });
    child[stream].on('end', () => {
      if (pending !== '') options.onLine(pending, stream);
      pending = '';
    });
  }
  const exited = new Promise<number | null>((resolve) => {
    child.on('error', () => {
      untrack();
      resolve(null);
    });
    child.on('close', (code) => {
      untrack();
      resolve(code);
    });
  });
  return {
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        try {
          process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
      }
      await exited;
    },
  };
}

/**
 * A server that outlives this process (a later step of the job uses it, then stops it): its own session, no
 * stdio, not waited for. Argument arrays only; its environment without the runner's credentials. Returns its
 * pid, or undefined when it could not start.
 */
export function startDaemon(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv },
): Promise<number | undefined> {
  return new Promise((resolve) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: childEnvironment(options.env ?? process.env),
      shell: false,
      detached: true,
      stdio: 'ignore',
      windowsHide: true,
    });
    child.once('error', () => resolve(undefined));
    child.once('spawn', () => {
      child.unref();
      resolve(child.pid);
    });
  });
}
