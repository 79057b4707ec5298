import { lastLines, runProcess, UserError, withRetry, type Reporter } from '@aic/runtime';
import { isRateLimited } from './compose.js';
import { parseComposeLabelRows, projectsUsing } from './compose-project.js';
import { canonicalPath, type ContainerLog } from './container-logs.js';
import { imageRegistry, rateLimitHint } from './registry.js';

/** Whether a Docker engine answers (not just a client on PATH). */
export async function dockerEngineAnswers(): Promise<boolean> {
  try {
    const result = await runProcess('docker', ['info', '--format', '{{.ServerVersion}}'], { timeoutMs: 15_000 });
    return result.exitCode === 0 && !result.timedOut;
  } catch {
    return false;
  }
}

export const RATE_LIMIT_HINT = rateLimitHint('docker.io');

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
        if (isRateLimited(output))
          throw new UserError(`Pulling ${image} failed: ${rateLimitHint(imageRegistry(image))}`);
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

/** After a failure: what ran, and what each of our containers said while the tests ran (followed live). */
export async function dumpDiagnostics(containerLogs: readonly ContainerLog[], reporter: Reporter): Promise<void> {
  await runProcess('docker', ['ps', '-a'], { reporter, group: 'docker ps -a', timeoutMs: 60_000 }).catch(
    () => undefined,
  );
  if (containerLogs.length === 0) reporter.log('No container of the compose files started during the tests.');
  for (const log of containerLogs) {
    await reporter.group(
      `container logs: ${log.container} (compose project ${log.project}, service ${log.service})`,
      async () => {
        if (log.lines.length === 0) reporter.log('(it printed nothing)');
        for (const line of log.lines) reporter.log(line);
      },
    );
  }
}

/**
 * The compose projects to tear down: the ones named (datadog_checks.dev's names for our integrations, and those
 * seen starting) and every project whose containers our compose files made, found by their labels.
 */
export async function composeProjects(
  composeFiles: readonly string[],
  named: readonly string[],
  env?: NodeJS.ProcessEnv,
): Promise<string[]> {
  const listed = await runProcess(
    'docker',
    [
      'ps',
      '-a',
      '--filter',
      'label=com.docker.compose.project',
      '--format',
      '{{.Label "com.docker.compose.project"}}\t{{.Label "com.docker.compose.project.config_files"}}',
    ],
    { timeoutMs: 60_000, ...(env ? { env } : {}) },
  ).catch(() => undefined);
  const found =
    listed?.exitCode === 0 ? projectsUsing(parseComposeLabelRows(listed.stdout), composeFiles, canonicalPath) : [];
  return [...new Set([...named, ...found])].sort();
}

/**
 * Removes whatever the tests left running, volumes included: `docker compose -p NAME down` by project name (no
 * compose file to interpolate), then anything still labelled with the project (a half-made one).
 */
export async function tearDown(
  composeFiles: readonly string[],
  reporter: Reporter,
  options: { projects?: readonly string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<void> {
  const projects = await composeProjects(composeFiles, options.projects ?? [], options.env);
  const env = options.env ? { env: options.env } : {};
  for (const project of projects) {
    await reporter.group(`docker compose down (project ${project})`, async () => {
      await runProcess(
        'docker',
        ['compose', '-p', project, 'down', '--volumes', '--remove-orphans', '--timeout', '5'],
        {
          reporter,
          timeoutMs: 300_000,
          ...env,
        },
      ).catch(() => undefined);
      await removeLabelled(project, reporter, env);
    });
  }
}

const LEFT_BEHIND = [
  { kind: 'container', list: ['ps', '-aq'], remove: ['rm', '-f', '-v'] },
  { kind: 'network', list: ['network', 'ls', '-q'], remove: ['network', 'rm'] },
  { kind: 'volume', list: ['volume', 'ls', '-q'], remove: ['volume', 'rm', '-f'] },
] as const;

async function removeLabelled(project: string, reporter: Reporter, env: { env?: NodeJS.ProcessEnv }): Promise<void> {
  for (const { kind, list, remove } of LEFT_BEHIND) {
    const listed = await runProcess('docker', [...list, '--filter', `label=com.docker.compose.project=${project}`], {
      timeoutMs: 60_000,
      ...env,
    }).catch(() => undefined);
    const ids = listed?.exitCode === 0 ? listed.stdout.split('\n').filter((id) => id.trim() !== '') : [];
    if (ids.length === 0) continue;
    reporter.log(`Removing ${ids.length} ${kind}${ids.length === 1 ? '' : 's'} of project ${project} left behind.`);
    await runProcess('docker', [...remove, ...ids], { reporter, timeoutMs: 120_000, ...env }).catch(() => undefined);
  }
}
