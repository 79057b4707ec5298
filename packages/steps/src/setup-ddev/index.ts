import { existsSync, mkdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  cacheKey,
  commandEnvironment,
  ddevConfigToml,
  installPlan,
  resolveVersion,
  supportVerdict,
  toolCacheName,
  type Installer,
  validationEnvironment,
  type RepoName,
  type VersionRequest,
} from '@aic/ddev';
import { repoKind } from '@aic/repository';
import {
  ensureUv,
  findPython,
  lastLines,
  runChecked,
  UserError,
  whichOnPath,
  withRetry,
  type Reporter,
} from '@aic/runtime';
import { ToolCache } from '@aic/runtime/services/tool-cache';
import { startDdevServer, type DdevServer } from './ddev-server.js';
import { publishedReleases } from './package-index.js';

export { servedCalls, stopDdevServer, type DdevServer } from './ddev-server.js';
export { publishedReleases } from './package-index.js';

export interface SetupDdevOptions {
  version: VersionRequest;
  python: string;
  installer: Installer;
  repo: 'auto' | RepoName;
  repoPath: string;
  /** The folder that holds the integrations, relative to the repository ('' for the root). */
  within?: string;
  /** Where installs live between runs (RUNNER_TOOL_CACHE, or the CLI's own folder). */
  toolCache: string;
  /** Where our ddev config file goes (RUNNER_TEMP). */
  temp: string;
  /** The runner's OS and architecture, for the actions cache key (the tool cache is this machine's). */
  os: string;
  arch: string;
  /** Restore from the actions cache when the tool cache misses (only on GitHub). */
  restoreFromActionsCache?: (paths: string[], key: string) => Promise<boolean>;
  /**
   * Start a warm ddev for the later steps (Linux): ddev imported once, in the background, for the environments
   * `ddev test`, `ddev release build` and the validations run in; its `ddev` goes first on PATH (`server.binDir`).
   */
  server?: boolean;
  reporter: Reporter;
}

export type CacheHit = 'tool-cache' | 'actions-cache' | 'false';

export interface SetupDdevResult {
  ddevVersion: string;
  ddevPath: string;
  binDir: string;
  pythonPath: string;
  pythonVersion: string;
  cacheHit: CacheHit;
  repo: RepoName;
  repoReason: string;
  configPath: string;
  /** Variables later steps need (DDEV_CONFIG): export them. */
  env: Record<string, string>;
  /** For the post step: what to save to the actions cache, under which key. */
  cache: { key: string; paths: string[] };
  versionReport: string;
  /** The warm ddev (`server: true`, on Linux): put its binDir on PATH after binDir; stop it when the job ends. */
  server: DdevServer | undefined;
}

function checkRepoPath(repoPath: string): void {
  let isDirectory = false;
  try {
    isDirectory = statSync(repoPath).isDirectory();
  } catch {
    // Reported below.
  }
  if (!isDirectory) {
    throw new UserError(`Input 'repo-path': ${repoPath} is not a directory.`, {
      hint: 'Point it at the checkout (actions/checkout path).',
    });
  }
}

/** Installs (or finds cached) ddev, writes our ddev config, and says what later steps need. */
export async function setupDdev(options: SetupDdevOptions): Promise<SetupDdevResult> {
  const { reporter } = options;
  checkRepoPath(options.repoPath);
  const python = await findPython(options.python);
  const { repo, reason } = await repoKind(options.repo, options.repoPath, options.within);
  const tool = toolCacheName(options.installer, python.version);
  const toolCache = new ToolCache(options.toolCache);

  let version: string | undefined;
  let folder: string | undefined;
  if (options.version.kind === 'exact') {
    folder = await toolCache.find(tool, options.version.version);
    if (folder) version = options.version.version;
  }
  if (!version) {
    const releases = await publishedReleases();
    const resolved = resolveVersion(options.version, releases, python.version);
    if (!resolved.ok)
      throw new UserError(`Input 'ddev-version': ${resolved.problem}`, {
        hint: 'Pick a version that exists for this Python.',
      });
    version = resolved.version;
    folder = await toolCache.find(tool, version);
  }

  const key = cacheKey({
    os: options.os,
    arch: options.arch,
    installer: options.installer,
    pythonVersion: python.version,
    ddevVersion: version,
  });
  const target = toolCache.folder(tool, version);
  let cacheHit: CacheHit = 'false';
  if (folder) {
    cacheHit = 'tool-cache';
  } else if (options.restoreFromActionsCache && (await options.restoreFromActionsCache([target], key))) {
    cacheHit = 'actions-cache';
    toolCache.markComplete(tool, version);
  } else {
    await reporter.group(`Installing ddev ${version} with ${options.installer} (Python ${python.version})`, () =>
      install(options, python.path, version, toolCache.installFolder(tool, version)),
    );
    toolCache.markComplete(tool, version);
  }

  const plan = installPlan({ installer: options.installer, version, python: python.path, target });
  // A cached install is known: its version is the tool cache's folder, its metadata says so, nothing to spawn.
  const versionReport =
    cacheHit === 'tool-cache' && installedVersion(plan.ddev, python.version, version)
      ? `ddev, version ${version}`
      : await verify(plan.ddev, version, reporter);
  const support = supportVerdict(version);
  if (support.kind !== 'supported')
    reporter.annotate({ level: support.kind === 'older' ? 'warning' : 'notice', message: support.message });

  const configDir = path.join(options.temp, 'agent-integration-ci', 'ddev');
  mkdirSync(configDir, { recursive: true });
  const configPath = path.join(configDir, 'config.toml');
  // ddev's repository is the folder that holds the integrations (plain `ddev test <name>` works there).
  const root = path.join(options.repoPath, options.within ?? '');
  writeFileSync(configPath, ddevConfigToml(repo, root));
  const server = options.server ? await warmDdev(plan.ddev, root, configPath, options.temp) : undefined;

  return {
    ddevVersion: version,
    ddevPath: plan.ddev,
    binDir: plan.binDir,
    pythonPath: python.path,
    pythonVersion: python.version,
    cacheHit,
    repo,
    repoReason: reason,
    configPath,
    env: { DDEV_CONFIG: configPath },
    cache: { key, paths: [target] },
    versionReport,
    server,
  };
}

/** `<venv>/lib/pythonX.Y/site-packages/ddev-<version>.dist-info`: what `ddev --version` would print the version of. */
function installedVersion(ddev: string, pythonVersion: string, version: string): boolean {
  try {
    const venv = path.dirname(path.dirname(realpathSync(ddev)));
    const minor = pythonVersion.split('.').slice(0, 2).join('.');
    return existsSync(
      path.join(venv, 'lib', `python${minor}`, 'site-packages', `ddev-${version}.dist-info`, 'METADATA'),
    );
  } catch {
    return false;
  }
}

/**
 * The later steps run ddev in the integrations' folder, in two environments: the tests' and the wheel build's, and
 * the validations' (wide plain output). A warm ddev for each, importing while the next steps start.
 */
function warmDdev(ddev: string, root: string, configPath: string, temp: string): Promise<DdevServer | undefined> {
  const base = { ...process.env, DDEV_CONFIG: configPath };
  return startDdevServer({
    ddev,
    temp,
    warm: [
      { cwd: root, env: commandEnvironment(base) },
      { cwd: root, env: validationEnvironment(base, configPath) },
    ],
  });
}

async function install(options: SetupDdevOptions, python: string, version: string, target: string): Promise<void> {
  if (options.installer === 'pipx' && !whichOnPath('pipx')) {
    throw new UserError("Input 'installer': pipx is not on PATH.", {
      hint: "Install pipx first (GitHub's ubuntu runners have it), or use installer 'uv' (the default), which needs nothing.",
    });
  }
  const plan = installPlan({
    installer: options.installer,
    version,
    python,
    target,
    ...(options.installer === 'uv'
      ? { uv: await ensureUv({ python, toolCache: options.toolCache, reporter: options.reporter }) }
      : {}),
  });
  for (const step of plan.commands) {
    await withRetry(
      () =>
        runChecked(step.command, step.args, {
          env: { ...process.env, ...step.env },
          reporter: options.reporter,
          timeoutMs: 600_000,
          what: `${path.basename(step.command)} ${step.args.slice(0, 2).join(' ')}`,
          hint: `Check that the package index is reachable (proxy, PIP_INDEX_URL / UV_INDEX_URL) and that ddev ${version} installs on Python ${python}.`,
        }),
      {
        attempts: 3,
        baseDelayMs: 2_000,
        onRetry: (error, attempt, delay) =>
          options.reporter.log(
            `Attempt ${attempt} failed (${lastLines(String((error as Error).message), 1)[0]}); retrying in ${delay / 1000}s.`,
          ),
      },
    );
  }
  if (!existsSync(plan.ddev)) throw new UserError(`The install finished but ${plan.ddev} is missing.`);
}

async function verify(ddev: string, version: string, reporter: Reporter): Promise<string> {
  return reporter.group('ddev --version', async () => {
    const result = await runChecked(ddev, ['--version'], { reporter, timeoutMs: 60_000, what: 'ddev --version' });
    const reported = result.stdout.trim();
    if (!reported.includes(version)) throw new UserError(`ddev --version reports '${reported}', expected ${version}.`);
    return reported;
  });
}
