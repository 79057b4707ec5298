import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { readAboutVersion, paths, type LocatedIntegration } from '@aic/integration';
import { inspectWheel, isJmxIntegration, readMetadata, readWheel, sha256Hex, type WheelFinding } from '@aic/wheel';
import { commandEnvironment, ddevArgsFor, ddevTarget } from '@aic/ddev';
import {
  ensureUv,
  readUserTextFile,
  relativeTo,
  runChecked,
  runProcess,
  UserError,
  whichOnPath,
  type Reporter,
} from '@aic/runtime';
import { agentEnvironment } from './agent-env.js';
import { smokeTest, type SmokeResult } from './smoke-test.js';
import { interpreterWarnings, supportedTags } from './supported-tags.js';

export type { AgentEnvironment } from './agent-env.js';
export type { SmokeFinding, SmokeResult } from './smoke-test.js';

export type Builder = 'ddev' | 'pip' | 'uv';

export interface BuiltWheel {
  integration: string;
  path: string;
  filename: string;
  version: string;
  sha256: string;
  size: number;
  files: string[];
  /** On the wheel file (relative to the workspace). */
  findings: (WheelFinding & { file: string })[];
  /** Its findings placed on the integration's sources (a file inside the wheel is the same path under it). */
  smoke: SmokeResult | undefined;
}

export interface BuildOptions {
  repoPath: string;
  workspace: string;
  integration: LocatedIntegration;
  builder: Builder;
  outDir: string;
  python: string;
  smokeTest: boolean;
  /** Input `agent-requirements`: the Agent's package set for the smoke test ('' = the Agent release's, `pypi`, a path or URL). */
  agentRequirements?: string;
  /** The actions cache for the Agent package set's environment, on GitHub. */
  restoreFromActionsCache?: (paths: string[], key: string) => Promise<boolean>;
  temp: string;
  toolCache: string;
  reporter: Reporter;
}

/** The out-dir must stay inside the workspace: nothing is written elsewhere. */
export function resolveOutDir(workspace: string, outDir: string): string {
  const resolved = path.resolve(workspace, outDir);
  const relative = path.relative(path.resolve(workspace), resolved);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new UserError(`Input 'out-dir': ${outDir} is outside the workspace (${workspace}).`, {
      hint: "Use a folder inside it, such as 'dist'.",
    });
  }
  return resolved;
}

/** The last commit's time, so that two builds of one commit are byte-identical. */
export async function sourceDateEpoch(repoPath: string): Promise<string | undefined> {
  const result = await runProcess('git', ['-C', repoPath, 'log', '-1', '--format=%ct']).catch(() => undefined);
  const value = result?.exitCode === 0 ? result.stdout.trim() : '';
  return /^\d+$/.test(value) ? value : undefined;
}

function projectOf(integration: LocatedIntegration, repoPath: string): string {
  const file = path.join(integration.path, paths.pyproject);
  const shown = relativeTo(repoPath, file);
  if (!existsSync(file)) {
    throw new UserError(`${shown} is missing: ${integration.name} cannot be built.`, {
      location: { file: shown },
      hint: 'Integrations are built by hatchling from pyproject.toml (ddev create makes one).',
    });
  }
  let project: unknown;
  try {
    project = (parseToml(readUserTextFile(file, shown, 'pyproject.toml')) as { project?: { name?: unknown } }).project
      ?.name;
  } catch (error) {
    const line = (error as { line?: number }).line;
    throw new UserError(`${shown} is not valid TOML: ${(error as Error).message.split('\n')[0]}`, {
      location: { file: shown, ...(line ? { line } : {}) },
    });
  }
  if (typeof project !== 'string')
    throw new UserError(`${shown} has no [project] name.`, { location: { file: shown } });
  return project;
}

/** Builds one integration's wheel, inspects it, and smoke-installs it like the Agent would load it. */
export async function buildWheel(options: BuildOptions): Promise<BuiltWheel> {
  const { integration, reporter } = options;
  const project = projectOf(integration, options.repoPath);
  const aboutShown = relativeTo(options.repoPath, path.join(integration.path, paths.about(integration.name)));
  const about = readAboutVersion(
    readUserTextFile(path.join(integration.path, paths.about(integration.name)), aboutShown, '__about__.py'),
  );
  if (!about) throw new UserError(`No __version__ in ${aboutShown}.`, { location: { file: aboutShown } });

  mkdirSync(options.outDir, { recursive: true });
  const epoch = await sourceDateEpoch(options.repoPath);
  const env = commandEnvironment({ ...process.env, ...(epoch ? { SOURCE_DATE_EPOCH: epoch } : {}) });
  const staging = path.join(options.temp, 'agent-integration-ci', 'wheels', `${integration.name}-${Date.now()}`);
  mkdirSync(staging, { recursive: true });
  await reporter.group(
    `Building ${integration.name} with ${options.builder}${epoch ? ` (SOURCE_DATE_EPOCH=${epoch})` : ''}`,
    () => build(options, staging, env),
  );
  const built = readdirSync(staging).filter((name) => name.endsWith('.whl'));
  if (built.length !== 1)
    throw new UserError(
      `The ${options.builder} build of ${integration.name} produced ${built.length} wheels in ${staging}, expected 1.`,
    );
  const filename = built[0]!;
  const wheelPath = path.join(options.outDir, filename);
  copyFileSync(path.join(staging, filename), wheelPath);
  rmSync(staging, { recursive: true, force: true });

  const bytes = readFileSync(wheelPath);
  const files = readWheel(bytes);
  if ('problem' in files) throw new UserError(`${relativeTo(options.workspace, wheelPath)} is ${files.problem}.`);
  const interpreter = await supportedTags(options.python, options.temp, reporter);
  const findings = inspectWheel(files, {
    filename,
    integration: integration.name,
    project,
    version: about.version,
    ...('problem' in interpreter ? {} : { interpreter }),
  });
  findings.push(...interpreterWarnings(interpreter));
  const smoke =
    options.smokeTest && !findings.some((f) => f.level === 'error')
      ? await runSmokeTest(options, wheelPath, files, project)
      : undefined;
  const inSources = (file: string) => relativeTo(options.workspace, path.join(integration.path, file));
  return {
    integration: integration.name,
    path: wheelPath,
    filename,
    version: about.version,
    sha256: sha256Hex(bytes),
    size: statSync(wheelPath).size,
    files: [...files.keys()].sort(),
    findings: findings.map((finding) => ({ ...finding, file: relativeTo(options.workspace, wheelPath) })),
    smoke: smoke && {
      ...smoke,
      findings: smoke.findings.map((finding) =>
        finding.file ? { ...finding, file: inSources(finding.file) } : finding,
      ),
    },
  };
}

async function build(options: BuildOptions, staging: string, env: NodeJS.ProcessEnv): Promise<void> {
  const { integration, reporter } = options;
  const hint = 'Fix the build error above; `pip wheel <integration> --no-deps` reproduces it locally.';
  if (options.builder === 'ddev') {
    const ddev = whichOnPath('ddev', env);
    if (!ddev) throw new UserError('ddev is not on PATH.', { hint: 'Run setup-ddev first, or use builder: pip.' });
    // ddev writes into <integration>/dist: take the wheels this build wrote, leave the folder as it was.
    const dist = path.join(integration.path, 'dist');
    const existed = existsSync(dist);
    const before = new Map(
      (existed ? readdirSync(dist) : []).map((name) => [name, statSync(path.join(dist, name)).mtimeMs]),
    );
    const target = ddevTarget(integration);
    await runChecked(ddev, ddevArgsFor(target, ['release', 'build']), {
      cwd: target.cwd,
      env,
      reporter,
      timeoutMs: 900_000,
      what: `ddev release build ${integration.name}`,
      hint,
    });
    for (const name of readdirSync(dist).filter((entry) => entry.endsWith('.whl'))) {
      if (before.get(name) === statSync(path.join(dist, name)).mtimeMs) continue;
      copyFileSync(path.join(dist, name), path.join(staging, name));
      if (!before.has(name)) rmSync(path.join(dist, name));
    }
    if (!existed) rmSync(dist, { recursive: true, force: true });
    return;
  }
  if (options.builder === 'pip') {
    await runChecked(options.python, ['-m', 'pip', 'wheel', integration.path, '--no-deps', '--wheel-dir', staging], {
      env: { ...env, PIP_DISABLE_PIP_VERSION_CHECK: '1' },
      reporter,
      timeoutMs: 900_000,
      what: `pip wheel ${relativeTo(options.repoPath, integration.path)}`,
      hint,
    });
    return;
  }
  const uv = await ensureUv({ python: options.python, toolCache: options.toolCache, reporter });
  await runChecked(uv, ['build', '--wheel', '--python', options.python, '--out-dir', staging, integration.path], {
    env,
    reporter,
    timeoutMs: 900_000,
    what: `uv build ${integration.name}`,
    hint,
  });
}

/** The wheel beside the Agent's package set (a cached venv), loaded as the Agent's Python loader does. */
async function runSmokeTest(
  options: BuildOptions,
  wheelPath: string,
  files: Map<string, Uint8Array>,
  project: string,
): Promise<SmokeResult> {
  const { reporter, integration } = options;
  const uv = await ensureUv({ python: options.python, toolCache: options.toolCache, reporter });
  const interpreter = await supportedTags(options.python, options.temp, reporter);
  const environment = await agentEnvironment({
    requirements: options.agentRequirements ?? '',
    workspace: options.workspace,
    uv,
    python: options.python,
    interpreter: 'problem' in interpreter ? options.python : interpreter.description,
    toolCache: options.toolCache,
    temp: options.temp,
    reporter,
    ...(options.restoreFromActionsCache ? { restore: options.restoreFromActionsCache } : {}),
  });
  const distInfo = [...files.keys()].find((name) => /^[^/]+\.dist-info\/METADATA$/.test(name));
  const metadata = readMetadata(new TextDecoder().decode(distInfo ? files.get(distInfo) : undefined));
  return reporter.group(`Smoke test: load ${path.basename(wheelPath)} in the Agent's Python`, () =>
    smokeTest({
      integration: integration.name,
      distribution: metadata.name ?? project,
      wheelPath,
      confExample: path.join(integration.path, paths.confExample(integration.name)),
      jmx: isJmxIntegration(files, `datadog_checks/${integration.name}`),
      uv,
      environment,
      temp: options.temp,
      reporter,
    }),
  );
}
