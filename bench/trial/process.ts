import { spawn } from 'node:child_process';

export interface ProcessResult {
  exitCode: number;
  /** stdout and stderr as they came, the last `maxOutput` characters. */
  output: string;
  timedOut: boolean;
  durationMs: number;
}

const maxOutput = 400_000;

/** Runs a command with an argument array (no shell); on timeout kills its whole process group. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<ProcessResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, shell: false, detached: true });
    let output = '';
    const append = (chunk: string) => {
      output += chunk;
      if (output.length > maxOutput * 2) output = output.slice(-maxOutput);
    };
    child.stdout.setEncoding('utf8').on('data', append);
    child.stderr.setEncoding('utf8').on('data', append);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, options.timeoutMs);
    const finish = (exitCode: number) => {
      clearTimeout(timer);
      resolve({ exitCode, output: output.slice(-maxOutput), timedOut, durationMs: Date.now() - started });
    };
    child.on('error', (error) => {
      append(`\n${error.message}\n`);
      finish(127);
    });
    child.on('close', (code) => finish(code ?? 1));
  });
}
