import { spawn } from 'node:child_process';
import { trackChild } from './child-processes.js';
import { UserError } from './errors.js';
import type { Reporter } from './reporter.js';

export interface ProcessOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the process (and its children) after this long. Default: no limit. */
  timeoutMs?: number;
  /** Stream output lines through the reporter (inside a log group when `group` is set). */
  reporter?: Reporter;
  group?: string;
  /** Keep at most this many bytes of stdout/stderr in memory (the tail). Default 4 MiB. */
  maxBuffer?: number;
  input?: string;
}

export interface ProcessResult {
  command: string;
  args: readonly string[];
  exitCode: number;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  durationMs: number;
}

const TAIL_LINES = 20;

/** The last non-empty lines of a tool's output, for error messages. */
export function lastLines(text: string, count = TAIL_LINES): string[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(-count);
}

export function commandLine(command: string, args: readonly string[]): string {
  return [command, ...args].map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : JSON.stringify(part))).join(' ');
}

/** A process that exited non-zero, timed out or could not start. */
export class ProcessError extends UserError {
  readonly result: ProcessResult | undefined;
  constructor(message: string, result?: ProcessResult, hint?: string) {
    super(message, hint === undefined ? {} : { hint });
    this.name = 'ProcessError';
    this.result = result;
  }
  get tail(): string[] {
    if (!this.result) return [];
    return lastLines(this.result.stderr.trim() === '' ? this.result.stdout : this.result.stderr);
  }
}

function appendBounded(buffer: string, chunk: string, max: number): string {
  const joined = buffer + chunk;
  return joined.length > max ? joined.slice(joined.length - max) : joined;
}

/**
 * Runs a program with an argument array — never through a shell — and resolves with its
 * result whatever the exit code. Rejects only when the program cannot be started.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: ProcessOptions = {},
): Promise<ProcessResult> {
  const maxBuffer = options.maxBuffer ?? 4 * 1024 * 1024;
  const started = Date.now();
  const run = (): Promise<ProcessResult> =>
    new Promise((resolve, reject) => {
      const child = spawn(command, [...args], {
        cwd: options.cwd,
        env: options.env ?? process.env,
        shell: false,
        detached: process.platform !== 'win32',
        stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        windowsHide: true,
      });
      const untrack = trackChild(child.pid, command, args);
      let stdout = '';
      let stderr = '';
      let timedOut = false;
      const streamTo = options.reporter;
      const lineBuffers = { out: '', err: '' };
      const forward = (which: 'out' | 'err', chunk: string): void => {
        if (!streamTo) return;
        const text = lineBuffers[which] + chunk;
        const lines = text.split('\n');
        lineBuffers[which] = lines.pop() ?? '';
        for (const line of lines) streamTo.log(line.replace(/\r$/, ''));
      };
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        stdout = appendBounded(stdout, chunk, maxBuffer);
        forward('out', chunk);
      });
      child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
        stderr = appendBounded(stderr, chunk, maxBuffer);
        forward('err', chunk);
      });
      if (options.input !== undefined) child.stdin!.end(options.input);
      const timer =
        options.timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              timedOut = true;
              killTree(child.pid);
            }, options.timeoutMs);
      child.on('error', (error: NodeJS.ErrnoException) => {
        untrack();
        if (timer) clearTimeout(timer);
        const why = error.code === 'ENOENT' ? 'it was not found' : error.message;
        reject(
          new ProcessError(
            `Could not start '${command}': ${why}.`,
            undefined,
            'Check that it is installed and on PATH.',
          ),
        );
      });
      child.on('close', (code, signal) => {
        untrack();
        if (timer) clearTimeout(timer);
        for (const which of ['out', 'err'] as const) if (lineBuffers[which] !== '') forward(which, '\n');
        resolve({
          command,
          args,
          exitCode: code ?? (signal ? 128 : 1),
          signal,
          timedOut,
          stdout,
          stderr,
          durationMs: Date.now() - started,
        });
      });
    });
  if (options.reporter && options.group) return options.reporter.group(options.group, run);
  return run();
}

function killTree(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Like runProcess, but a non-zero exit or a timeout is a ProcessError that quotes the output's last lines. */
export async function runChecked(
  command: string,
  args: readonly string[],
  options: ProcessOptions & { what?: string; hint?: string } = {},
): Promise<ProcessResult> {
  const result = await runProcess(command, args, options);
  if (result.exitCode === 0 && !result.timedOut) return result;
  throw failure(result, options.what, options.hint);
}

export function failure(result: ProcessResult, what?: string, hint?: string): ProcessError {
  const name = what ?? commandLine(result.command, result.args);
  const how = result.timedOut ? 'timed out' : `failed with exit code ${result.exitCode}`;
  const tail = lastLines(result.stderr.trim() === '' ? result.stdout : result.stderr, 10);
  const quoted = tail.length > 0 ? `\n  Last lines:\n    ${tail.join('\n    ')}` : '';
  return new ProcessError(`${name} ${how}.${quoted}`, result, hint);
}

export interface RetryOptions {
  attempts: number;
  /** First delay; doubles each attempt. */
  baseDelayMs: number;
  /** Return false for errors that retrying cannot fix. Default: retry every error. */
  retryable?: (error: unknown) => boolean;
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  sleep?: (ms: number) => Promise<void>;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Exponential backoff: baseDelay, 2×, 4×, … between attempts. */
export function backoffDelays(attempts: number, baseDelayMs: number): number[] {
  return Array.from({ length: Math.max(0, attempts - 1) }, (_, index) => baseDelayMs * 2 ** index);
}

export async function withRetry<T>(work: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const delays = backoffDelays(options.attempts, options.baseDelayMs);
  const wait = options.sleep ?? sleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      const delay = delays[attempt - 1];
      if (delay === undefined || (options.retryable && !options.retryable(error))) throw error;
      options.onRetry?.(error, attempt, delay);
      await wait(delay);
    }
  }
}
