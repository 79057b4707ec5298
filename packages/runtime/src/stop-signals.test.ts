import { expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const tsx = path.join(here, '..', '..', '..', 'node_modules', '.bin', 'tsx');
/** Running, not a zombie that no one has reaped yet. */
const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

test.each(['SIGTERM', 'SIGINT'] as const)(
  '%s: the child group is killed (grandchildren too), the cleanup runs, exit 128+signal',
  async (signal) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'aic-stop-'));
    const pidsFile = path.join(dir, 'pids');
    const cleanupFile = path.join(dir, 'cleanup');
    const child = spawn(tsx, [path.join(here, 'fixtures', 'stopped-mid-run.ts'), pidsFile, cleanupFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const started = () =>
      existsSync(pidsFile) && readFileSync(pidsFile, 'utf8').includes(' ') && stdout.includes('ready');
    for (let waited = 0; !started() && waited < 20_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const [shell, sleeper] = readFileSync(pidsFile, 'utf8').trim().split(/\s+/).map(Number);
    expect(alive(sleeper!)).toBe(true);

    child.kill(signal);
    expect(await exited).toBe(signal === 'SIGTERM' ? 143 : 130);
    expect(stdout).toContain(`Stopped by ${signal}: stopping sh -c sleep 300 & echo`);
    expect(readFileSync(cleanupFile, 'utf8')).toBe('cleaned up\n');
    expect(alive(shell!)).toBe(false);
    expect(alive(sleeper!)).toBe(false);
    // A process started after the stop by work that was not cleanup was killed at once.
    const late = readFileSync(pidsFile, 'utf8').trim().split(/\s+/).map(Number).slice(2);
    for (const pid of late) expect(alive(pid)).toBe(false);
  },
  30_000,
);
