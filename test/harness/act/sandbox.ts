import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../paths.js';
import { startArtifactShim } from './artifact-shim.js';
import { parseActLog, type ActJob, type Result } from './log.js';
import { OWN_REPOSITORY, removeStaged, stageOwnRepository } from './repositories.js';

// Runs workflow files under nektos/act in host mode (`-P ubuntu-24.04=-self-hosted`: jobs run on this machine,
// as on a self-hosted runner), offline: every `uses:` resolves through `--local-repository`. A sandbox is the
// GitHub side that outlives one run — the actions cache service, the artifact store, our staged actions — and
// runners: each run gets the shared runner (its tool cache persists, like a warm self-hosted machine) or a fresh
// one (an empty tool cache, like a new hosted runner).

export interface SandboxOptions {
  /** `<owner>/<repo>@<ref>` → folder, for the third-party actions (see repositories.ts). */
  thirdParty: Record<string, string>;
  /** The refs of our own repository the files use (`v1`), all mapped to the staged copy of this checkout. */
  ownRefs?: string[];
  /** A CPython 3.13 to put in each runner's tool cache, where actions/setup-python finds it offline. */
  python: string;
}

export interface RunOptions {
  /** The partner repository (a git checkout): the workspace, as actions/checkout would leave it. */
  repo: string;
  /** The workflow file, relative to `repo`. */
  workflow: string;
  event: string;
  payload: Record<string, unknown>;
  /** The same id on two runs makes the second a re-run: it sees the first one's artifacts. */
  runId?: number;
  runAttempt?: number;
  /** Variables for the jobs (`--env`): GITHUB_API_URL for the API double, say. */
  env?: Record<string, string>;
  secrets?: Record<string, string>;
  /** `fresh`: a new machine, its tool cache empty (the actions cache and artifacts stay). Default `shared`. */
  runner?: 'shared' | 'fresh';
  timeoutMs?: number;
  /** With AIC_ACT_LOGS set to a folder, act's JSON log is kept there as `<name>.jsonl`. */
  name?: string;
  /**
   * The refs of our own repository this run can resolve, each to its folder (a staged release, say), instead of
   * the sandbox's `ownRefs` to this checkout: a `uses:` of ours at any other ref finds nothing offline and fails.
   */
  ownRefs?: Record<string, string>;
}

export interface WorkflowRun {
  exitCode: number;
  seconds: number;
  jobs: ActJob[];
  /** act's whole JSON log. */
  log: string;
  /** The artifact shim's rewrites during this run (empty when no artifact went through). */
  artifactRewrites: string[];
  /** The jobs with this id (one per matrix leg); `caller` narrows to those a given calling job ran. */
  jobsOf(id: string, caller?: string): ActJob[];
  /** The job's result; `skipped` when it never started (act logs nothing for a job whose `if:` is false). */
  result(id: string, caller?: string): Result;
}

export const ACT_VERSION = '0.2.89';

let builtAct: string | undefined;
/** The act binary, built from the Go module proxy by scripts/install-act.sh the first time (then cached). */
export function actBinary(): string {
  if (builtAct) return builtAct;
  const result = spawnSync('bash', [path.join(repoRoot, 'scripts', 'install-act.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`scripts/install-act.sh failed (exit ${result.status})`);
  builtAct = result.stdout.trim().split('\n').pop()!;
  return builtAct;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** The environment act itself runs in: this process's, without anything a runner around us set. */
function hostEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(GITHUB_|RUNNER_|ACTIONS_|INPUT_|STATE_)/.test(key)) continue;
    if (['AGENT_TOOLSDIRECTORY', 'pythonLocation', 'DDEV_CONFIG', 'CI'].includes(key)) continue;
    env[key] = value;
  }
  return env;
}

export class ActSandbox {
  private readonly root: string;
  private readonly ownRepository: string;
  private readonly cacheServer: string;
  private readonly artifacts: string;
  private readonly sharedRunner: string;

  private constructor(private readonly options: SandboxOptions) {
    this.root = mkdtempSync(path.join(os.tmpdir(), 'aic-act-'));
    this.ownRepository = stageOwnRepository();
    this.cacheServer = path.join(this.root, 'actions-cache');
    this.artifacts = path.join(this.root, 'artifacts');
    this.sharedRunner = this.newRunner();
  }

  static create(options: SandboxOptions): ActSandbox {
    return new ActSandbox(options);
  }

  /** A runner's folder for act (`--action-cache-path`); its tool cache holds only the Python setup-python finds. */
  private newRunner(): string {
    const runner = path.join(this.root, 'runner');
    this.seedToolCache(path.join(runner, 'tool_cache'));
    return runner;
  }

  private seedToolCache(toolCache: string): void {
    const probe = spawnSync(
      this.options.python,
      ['-c', 'import platform, sys; print(sys.base_prefix); print(platform.python_version())'],
      { encoding: 'utf8' },
    );
    if (probe.status !== 0) throw new Error(`${this.options.python} does not run: ${probe.stderr}`);
    const [prefix, version] = probe.stdout.trim().split('\n') as [string, string];
    const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
    const folder = path.join(toolCache, 'Python', version);
    mkdirSync(folder, { recursive: true });
    symlinkSync(prefix, path.join(folder, arch));
    writeFileSync(path.join(folder, `${arch}.complete`), '');
  }

  /** The tool cache of the shared runner (RUNNER_TOOL_CACHE in its jobs). */
  get toolCache(): string {
    return path.join(this.sharedRunner, 'tool_cache');
  }

  async run(options: RunOptions): Promise<WorkflowRun> {
    if (options.runner !== 'fresh') return this.runOn(this.sharedRunner, options);
    // A new machine has an empty tool cache at the same path (caches are keyed by their paths, as on GitHub's
    // /opt/hostedtoolcache): the warm one is set aside for the run and put back after.
    const toolCache = path.join(this.sharedRunner, 'tool_cache');
    const warm = `${toolCache}.warm`;
    renameSync(toolCache, warm);
    this.seedToolCache(toolCache);
    try {
      return await this.runOn(this.sharedRunner, options);
    } finally {
      rmSync(toolCache, { recursive: true, force: true });
      renameSync(warm, toolCache);
    }
  }

  private async runOn(runner: string, options: RunOptions): Promise<WorkflowRun> {
    const artifactPort = await freePort();
    const shim = await startArtifactShim({ host: '127.0.0.1', port: artifactPort });
    const env: Record<string, string> = {
      GITHUB_REPOSITORY: 'partner/integrations',
      GITHUB_RUN_ID: String(options.runId ?? Math.floor(Math.random() * 1e9)),
      GITHUB_RUN_ATTEMPT: String(options.runAttempt ?? 1),
      ...options.env,
    };
    // GitHub lists no artifacts for a run that has none; act's server fails on a run it has no folder for.
    mkdirSync(path.join(this.artifacts, env.GITHUB_RUN_ID!), { recursive: true });
    const eventFile = path.join(this.root, `event-${Date.now()}.json`);
    writeFileSync(eventFile, JSON.stringify(options.payload));
    const mappings = { ...this.options.thirdParty };
    const own =
      options.ownRefs ??
      Object.fromEntries((this.options.ownRefs ?? ['v1']).map((ref) => [ref, this.ownRepository] as const));
    for (const [ref, dir] of Object.entries(own)) mappings[`${OWN_REPOSITORY}@${ref}`] = dir;
    const args = [
      options.event,
      '--workflows',
      options.workflow,
      '--eventpath',
      eventFile,
      '--platform',
      'ubuntu-24.04=-self-hosted',
      '--json',
      '--defaultbranch',
      'main',
      '--action-cache-path',
      runner,
      '--cache-server-path',
      this.cacheServer,
      '--cache-server-addr',
      '127.0.0.1',
      '--artifact-server-path',
      this.artifacts,
      '--artifact-server-addr',
      '127.0.0.1',
      '--artifact-server-port',
      String(artifactPort),
      ...Object.entries(mappings).flatMap(([ref, dir]) => ['--local-repository', `${ref}=${dir}`]),
      ...Object.entries(env).flatMap(([name, value]) => ['--env', `${name}=${value}`]),
      ...Object.entries({ GITHUB_TOKEN: 'aic-test-token', ...options.secrets }).flatMap(([name, value]) => [
        '--secret',
        `${name}=${value}`,
      ]),
    ];
    const started = Date.now();
    const { exitCode, log } = await new Promise<{ exitCode: number; log: string }>((resolve, reject) => {
      const child = spawn(actBinary(), args, {
        cwd: options.repo,
        env: { ...hostEnvironment(), ACTIONS_RUNTIME_URL: shim.url },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 900_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ exitCode: code ?? 1, log: text });
      });
    });
    await shim.stop();
    if (process.env.AIC_ACT_LOGS) {
      mkdirSync(process.env.AIC_ACT_LOGS, { recursive: true });
      const file = (options.name ?? `run-${env.GITHUB_RUN_ID}`).replace(/[^\w.-]+/g, '-');
      writeFileSync(path.join(process.env.AIC_ACT_LOGS, `${file}.jsonl`), log);
    }
    const jobs = parseActLog(log);
    // A nested job's label is `<calling job>/<called workflow>/<job>`; the calling job's own lines (resolving
    // the called workflow) carry its id too, under `<workflow>/<calling job>`, with no result.
    const jobsOf = (id: string, caller?: string) =>
      jobs.filter(
        (job) =>
          job.id === id &&
          (caller === undefined || (job.label.startsWith(`${caller}/`) && job.label.split('/').length >= 3)),
      );
    return {
      exitCode,
      seconds: (Date.now() - started) / 1000,
      jobs,
      log,
      artifactRewrites: [...shim.rewrites],
      jobsOf,
      result(id, caller) {
        const found = jobsOf(id, caller).filter((job) => job.result !== undefined);
        if (found.length === 0) return 'skipped';
        return found.some((job) => job.result === 'failure') ? 'failure' : found[0]!.result!;
      },
    };
  }

  /** The artifacts act's artifact server holds for a run, by name. */
  artifactNames(runId: number): string[] {
    const dir = path.join(this.artifacts, String(runId));
    return existsSync(dir) ? readdirSync(dir).sort() : [];
  }

  dispose(): void {
    removeStaged(this.ownRepository);
    rmSync(this.root, { recursive: true, force: true });
  }
}
