import { spawn } from 'node:child_process';
import { trackChild } from './child-processes.js';
import { childEnvironment } from './child-env.js';
import { UserError } from './errors.js';
import { DEFAULT_TAIL_LIMIT, DEFAULT_WHOLE_LIMIT, OutputCapture, type OutputMode } from './output-capture.js';
import type { Reporter } from './reporter.js';

export interface ProcessOptions {
  cwd?: string;
  /** The child's environment (default: ours), always without the runner's credentials (child-env.ts). */
  env?: NodeJS.ProcessEnv;
  /** Kill the process (and its children) after this long. Default: no limit. */
  timeoutMs?: number;
  /** Stream output lines through the reporter (inside a log group when `group` is set). */
  reporter?: Reporter;
  group?: string;
  /**
   * `whole` (default): stdout and stderr are kept whole, and a run that prints more than `maxBuffer`
   * characters (default 64 MiB) is stopped and fails — never a silently truncated copy. `tail`: only the
   * last `maxBuffer` characters (default 4 MiB) are kept, for output that is streamed and only shown.
   */
  output?: OutputMode;
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
  /** `tail` output only: the start of stdout or stderr was dropped. */
  truncated: boolean;
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

/**
 * Runs a program with an argument array — never through a shell — and resolves with its
 * result whatever the exit code. Rejects only when the program cannot be started.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: ProcessOptions = {},
): Promise<ProcessResult> {
  const mode = options.output ?? 'whole';
  const limit = options.maxBuffer ?? (mode === 'whole' ? DEFAULT_WHOLE_LIMIT : DEFAULT_TAIL_LIMIT);
  const started = Date.now();
  const run = (): Promise<ProcessResult> =>
    new Promise((resolve, reject) => {
      const child = spawn(command, [...args], {
        cwd: options.cwd,
        env: childEnvironment(options.env ?? process.env),
        shell: false,
        detached: process.platform !== 'win32',
        stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        windowsHide: true,
      });
      const untrack = trackChild(child.pid, command, args);
      const stdout = new OutputCapture(mode, limit);
      const stderr = new OutputCapture(mode, limit);
      let overflowed: 'stdout' | 'stderr' | undefined;
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
      const collect = (which: 'stdout' | 'stderr', capture: OutputCapture) => (chunk: string) => {
        forward(which === 'stdout' ? 'out' : 'err', chunk);
        if (capture.push(chunk) || overflowed) return;
        overflowed = which;
        killTree(child.pid);
      };
      child.stdout!.setEncoding('utf8').on('data', collect('stdout', stdout));
      child.stderr!.setEncoding('utf8').on('data', collect('stderr', stderr));
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
        const result: ProcessResult = {
          command,
          args,
          exitCode: code ?? (signal ? 128 : 1),
          signal,
          timedOut,
          stdout: stdout.text,
          stderr: stderr.text,
          truncated: stdout.dropped + stderr.dropped > 0,
          durationMs: Date.now() - started,
        };
        if (overflowed) reject(outputOverflow(result, overflowed, limit));
        else resolve(result);
      });
    });
  if (options.reporter && options.group) return options.reporter.group(options.group, run);
  return run();
}

function outputOverflow(result: ProcessResult, stream: 'stdout' | 'stderr', limit: number): ProcessError {
  const size = limit >= 1024 * 1024 ? `${Math.round(limit / (1024 * 1024))} MiB` : `${limit} characters`;
  return new ProcessError(
    `${commandLine(result.command, result.args).slice(0, 200)} printed more than ${size} on ${stream}, so it was stopped: its output is read as a whole, and a truncated copy would give a wrong answer.`,
    result,
    'Something made the output unusually large (a huge diff, a runaway log): look at what changed, or split the work.',
  );
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
