import { realpathSync } from 'node:fs';
import path from 'node:path';
import { startBackground, type BackgroundProcess } from '@aic/runtime';
import { parseContainerStart } from './compose-events.js';

/** What one compose container of ours printed while the tests ran. */
export interface ContainerLog {
  container: string;
  project: string;
  service: string;
  /** The last lines (stdout and stderr, interleaved as they came), each with docker's timestamp. */
  lines: string[];
}

export interface ComposeWatch {
  /** The compose projects whose containers our compose files made (however datadog_checks.dev named them). */
  readonly projects: ReadonlySet<string>;
  /** Stops watching (and following logs); returns every container's log. */
  stop(): Promise<ContainerLog[]>;
}

export const canonicalPath = (file: string): string => {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
};

/**
 * Follows, while the tests run, the logs of every container our compose files start: datadog_checks.dev removes
 * them when the session ends, and their logs with them, so on a failure they are only there if read live.
 */
export function watchComposeContainers(
  composeFiles: readonly string[],
  env: NodeJS.ProcessEnv,
  maxLines = 200,
): ComposeWatch {
  const ours = new Set(composeFiles.map(canonicalPath));
  const projects = new Set<string>();
  const logs: ContainerLog[] = [];
  const followers: BackgroundProcess[] = [];
  const since = String(Math.floor(Date.now() / 1000) - 1);
  const events = startBackground(
    'docker',
    [
      'events',
      '--since',
      since,
      '--format',
      '{{json .}}',
      '--filter',
      'type=container',
      '--filter',
      'event=start',
      '--filter',
      'label=com.docker.compose.project',
    ],
    {
      env,
      onLine: (line, stream) => {
        if (stream !== 'stdout') return;
        const start = parseContainerStart(line);
        if (!start || !start.configFiles.some((file) => ours.has(canonicalPath(file)))) return;
        projects.add(start.project);
        const log: ContainerLog = { container: start.name, project: start.project, service: start.service, lines: [] };
        logs.push(log);
        followers.push(
          startBackground('docker', ['logs', '--follow', '--timestamps', start.id], {
            env,
            onLine: (text) => {
              log.lines.push(text);
              if (log.lines.length > maxLines) log.lines.shift();
            },
          }),
        );
      },
    },
  );
  return {
    projects,
    async stop() {
      await events.stop();
      // A follower ends by itself when its container stops; those still running are cut here.
      await Promise.all(followers.map((follower) => follower.stop()));
      return logs;
    },
  };
}
