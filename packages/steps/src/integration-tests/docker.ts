import { lastLines, runProcess, UserError, withRetry, type Reporter } from '@aic/runtime';
import { isRateLimited } from './compose.js';

/** Whether a Docker engine answers (not just a client on PATH). */
export async function dockerEngineAnswers(): Promise<boolean> {
  try {
    const result = await runProcess('docker', ['info', '--format', '{{.ServerVersion}}'], { timeoutMs: 15_000 });
    return result.exitCode === 0 && !result.timedOut;
  } catch {
    return false;
  }
}

export const RATE_LIMIT_HINT =
  'Docker Hub rate-limited the anonymous pulls (toomanyrequests): log in with docker/login-action before this step, or use a registry mirror.';

/** Pulls each image, retrying with backoff; a rate limit is said as such, with the fix. */
export async function pullImages(
  images: readonly string[],
  options: { retries: number; baseDelayMs: number; reporter: Reporter },
): Promise<void> {
  for (const image of new Set(images)) {
    await withRetry(
      async () => {
        const result = await runProcess('docker', ['pull', image], { reporter: options.reporter, timeoutMs: 600_000 });
        if (result.exitCode === 0) return;
        const output = `${result.stderr}\n${result.stdout}`;
        if (isRateLimited(output)) throw new UserError(`Pulling ${image} failed: ${RATE_LIMIT_HINT}`);
        throw new UserError(`Pulling ${image} failed: ${lastLines(output, 3).join(' ')}`);
      },
      {
        attempts: options.retries,
        baseDelayMs: options.baseDelayMs,
        onRetry: (error, attempt, delay) =>
          options.reporter.log(
            `Pull attempt ${attempt} of ${image} failed (${(error as Error).message}); retrying in ${delay} ms.`,
          ),
      },
    );
  }
}

/** After a failure: what ran and what it said. */
export async function dumpDiagnostics(composeFiles: readonly string[], reporter: Reporter): Promise<void> {
  await runProcess('docker', ['ps', '-a'], { reporter, group: 'docker ps -a', timeoutMs: 60_000 }).catch(
    () => undefined,
  );
  for (const file of composeFiles) {
    await runProcess('docker', ['compose', '-f', file, 'logs', '--no-color', '--timestamps'], {
      output: 'tail',
      reporter,
      group: `docker compose logs (${file})`,
      timeoutMs: 120_000,
    }).catch(() => undefined);
  }
}

/** Removes whatever the tests left running, volumes included. */
export async function tearDown(composeFiles: readonly string[], reporter: Reporter): Promise<void> {
  for (const file of composeFiles) {
    await runProcess('docker', ['compose', '-f', file, 'down', '--volumes', '--remove-orphans'], {
      reporter,
      group: `docker compose down (${file})`,
      timeoutMs: 300_000,
    }).catch(() => undefined);
  }
}
