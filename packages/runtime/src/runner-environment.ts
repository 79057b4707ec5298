import os from 'node:os';
import path from 'node:path';

/** What the job can use, read once from the environment. */
export interface RunnerEnvironment {
  /** True on a GitHub Actions runner (GITHUB_ACTIONS=true). */
  onGitHub: boolean;
  /** The cache service answers only with a runtime token and a cache/results URL. */
  cacheService: boolean;
  /** Artifacts need the results service (v4 artifacts) and a runtime token. */
  artifactService: boolean;
  workspace: string;
  temp: string;
  toolCache: string;
  /** The path of the event payload (GITHUB_EVENT_PATH), when there is one. */
  eventPath: string | undefined;
  eventName: string | undefined;
  /** `owner/name` (GITHUB_REPOSITORY), '' off GitHub. */
  repository: string;
  /** The REST API root (GITHUB_API_URL; github.com's by default). */
  apiUrl: string;
  /** RUNNER_OS / RUNNER_ARCH as the runner spells them (`Linux`, `X64`), else Node's (`linux`, `x64`). */
  os: string;
  arch: string;
}

export function readRunnerEnvironment(env: NodeJS.ProcessEnv = process.env): RunnerEnvironment {
  const token = Boolean(env.ACTIONS_RUNTIME_TOKEN);
  const temp = env.RUNNER_TEMP || os.tmpdir();
  return {
    onGitHub: env.GITHUB_ACTIONS === 'true',
    cacheService: token && Boolean(env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL),
    artifactService: token && Boolean(env.ACTIONS_RESULTS_URL),
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    temp,
    toolCache: env.RUNNER_TOOL_CACHE || path.join(temp, 'tool-cache'),
    eventPath: env.GITHUB_EVENT_PATH || undefined,
    eventName: env.GITHUB_EVENT_NAME || undefined,
    repository: env.GITHUB_REPOSITORY || '',
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    os: env.RUNNER_OS || process.platform,
    arch: env.RUNNER_ARCH || process.arch,
  };
}

/** The text of the one notice given when a service is absent (outside GitHub, or on a runner without it). */
export function missingServiceNotice(service: 'cache' | 'artifact', fallback: string): string {
  return `The GitHub ${service} service is not available here (not on a GitHub runner?): ${fallback}.`;
}
