import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  AGENT,
  agentSetKey,
  DEFAULT_AGENT_REQUIREMENTS_URL,
  PYPI_AGENT_SET,
  requirementLines,
  setHasChecksBase,
} from '@aic/wheel';
import {
  lastLines,
  readUserTextFile,
  relativeTo,
  runChecked,
  runProcess,
  UserError,
  type Reporter,
} from '@aic/runtime';
import { ToolCache } from '@aic/runtime/services/tool-cache';
import { materializePythonScript } from '../python-script.js';

/** The Agent's embedded package set, installed into a venv that every smoke test of the run (and later runs) reuses. */
export interface AgentEnvironment {
  python: string;
  /** Where the set came from, for the summary: the URL, the file, or the PyPI-only fallback. */
  source: string;
  /** The PyPI-only fallback lacks most third-party packages the Agent ships: imports it misses are not conclusive. */
  complete: boolean;
  /** Lines that did not install here (no wheel for this platform, a build that failed), with the reason. */
  failed: { line: string; reason: string }[];
  /** Lines whose markers exclude this platform or interpreter (the Agent on another OS has them). */
  otherPlatforms: string[];
  /** Whether this run built it (false: reused from the tool cache or the actions cache). */
  built: boolean;
  /** What to save to the actions cache after a build, so that the next job restores it instead. */
  cache: { key: string; paths: string[] };
  /** How long building or finding it took. */
  durationMs: number;
}

export interface AgentEnvironmentOptions {
  /** Input `agent-requirements`: '' (the default URL), `pypi`, a path in the workspace, or an http(s) URL. */
  requirements: string;
  workspace: string;
  uv: string;
  python: string;
  /** `CPython 3.13 on linux x86_64`: part of the cache key. */
  interpreter: string;
  toolCache: string;
  temp: string;
  reporter: Reporter;
  /** The actions cache, on GitHub: restores `paths` saved under exactly `key`. */
  restore?: (paths: string[], key: string) => Promise<boolean>;
}

interface AgentSet {
  lines: string[];
  source: string;
  complete: boolean;
  /** Extras of datadog-checks-base whose requirements join the set once base is installed (the PyPI-only set). */
  baseExtras?: readonly string[];
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

async function download(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(20_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

/** Reads the set the input names; the default URL falls back to PyPI's set when it cannot be reached. */
export async function readAgentSet(requirements: string, workspace: string, reporter: Reporter): Promise<AgentSet> {
  const pypi = {
    lines: [PYPI_AGENT_SET.base],
    source: `PyPI only: ${PYPI_AGENT_SET.name}`,
    complete: false,
    baseExtras: PYPI_AGENT_SET.extras,
  };
  if (requirements === 'pypi') return pypi;
  if (requirements === '') {
    try {
      const text = await download(DEFAULT_AGENT_REQUIREMENTS_URL);
      return { lines: requirementLines(text), source: DEFAULT_AGENT_REQUIREMENTS_URL, complete: true };
    } catch (error) {
      reporter.log(
        `The Agent ${AGENT.version} package set could not be fetched from ${DEFAULT_AGENT_REQUIREMENTS_URL} (${(error as Error).message}); using the PyPI-only set ${PYPI_AGENT_SET.name}.`,
      );
      return pypi;
    }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(requirements)) {
    const url = new URL(requirements);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
      throw new UserError(`Input 'agent-requirements': ${requirements} is neither https nor a loopback http URL.`, {
        hint: 'Use an https URL, a path in the workspace, `pypi`, or leave it empty for the Agent release default.',
      });
    }
    const text = await download(requirements).catch((error: unknown) => {
      throw new UserError(
        `Input 'agent-requirements': ${requirements} could not be fetched (${(error as Error).message}).`,
        { hint: 'Check the URL, or use a file in the workspace, or `pypi` for the PyPI-only set.' },
      );
    });
    return { lines: requirementLines(text), source: requirements, complete: true };
  }
  const file = path.resolve(workspace, requirements);
  const shown = relativeTo(workspace, file);
  if (shown.startsWith('..') || !existsSync(file)) {
    throw new UserError(`Input 'agent-requirements': ${requirements} is not a file in the workspace.`, {
      hint: "Give a requirements file's path (relative to the workspace), an https URL, or `pypi`.",
    });
  }
  return {
    lines: requirementLines(readUserTextFile(file, shown, 'requirements file')),
    source: shown,
    complete: true,
  };
}

/** uv's explanation of a failed install, on one line. */
function reasonOf(output: string): string {
  const text = lastLines(output, 3).join(' ').replace(/\s+/g, ' ').trim();
  return (text.length > 300 ? `${text.slice(0, 300)}…` : text) || 'failed';
}

const built = new Map<string, Promise<AgentEnvironment>>();

/** The environment for the input's set, from the tool cache when an identical one was built before. */
export function agentEnvironment(options: AgentEnvironmentOptions): Promise<AgentEnvironment> {
  const memo = `${options.requirements}\0${options.python}\0${options.toolCache}`;
  let environment = built.get(memo);
  if (!environment) {
    environment = buildAgentEnvironment(options);
    built.set(memo, environment);
    environment.catch(() => built.delete(memo));
  }
  return environment;
}

async function buildAgentEnvironment(options: AgentEnvironmentOptions): Promise<AgentEnvironment> {
  const { uv, reporter } = options;
  const started = Date.now();
  const set = await readAgentSet(options.requirements, options.workspace, reporter);
  const base = setHasChecksBase(set.lines) ? undefined : `datadog-checks-base==${AGENT.checksBase}`;
  const key = agentSetKey(
    [...set.lines, ...(base ? [base] : []), ...(set.baseExtras ?? []).map((extra) => `datadog-checks-base[${extra}]`)],
    options.interpreter,
    process.platform,
  );
  const tool = 'aic-agent-python-env';
  const toolCache = new ToolCache(options.toolCache);
  const folder = toolCache.folder(tool, key);
  const python = path.join(folder, 'bin', 'python');
  const recordFile = path.join(folder, 'agent-set.json');
  const cache = { key: `aic-agent-python-env-${process.platform}-${process.arch}-${key}`, paths: [folder] };
  let found = Boolean(await toolCache.find(tool, key)) && existsSync(recordFile);
  if (!found && options.restore && (await options.restore(cache.paths, cache.key).catch(() => false))) {
    found = existsSync(recordFile) && existsSync(python);
    if (found) toolCache.markComplete(tool, key);
  }
  if (found) {
    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as Pick<AgentEnvironment, 'failed' | 'otherPlatforms'>;
    reporter.log(`Agent package set (${set.source}): reusing the environment ${folder}.`);
    return {
      python,
      source: set.source,
      complete: set.complete,
      ...record,
      built: false,
      cache,
      durationMs: Date.now() - started,
    };
  }
  const script = (name: string) =>
    materializePythonScript(name, path.join(options.temp, 'agent-integration-ci', 'python'));
  return reporter.group(`Agent package set (${set.source}): building ${folder}`, async () => {
    // uv makes the venv folder itself, where the cache will find it: in place, as a venv cannot be moved.
    rmSync(toolCache.installFolder(tool, key), { recursive: true, force: true });
    await runChecked(uv, ['venv', '--quiet', '--python', options.python, folder], { reporter, what: 'uv venv' });
    const listFile = path.join(folder, 'agent-requirements.txt');
    const install = (args: string[]) =>
      runProcess(uv, ['pip', 'install', '--quiet', '--python', python, ...args], { reporter, timeoutMs: 1_200_000 });
    const failed: AgentEnvironment['failed'] = [];
    /** One uv call for the lines; line by line only when one of them fails the whole call. */
    const installLines = async (lines: string[]) => {
      writeFileSync(listFile, lines.join('\n') + '\n');
      if ((await install(['-r', listFile])).exitCode === 0) return;
      reporter.log('The set did not install in one go (a line has no wheel here or fails to build): line by line.');
      for (const line of lines) {
        const result = await install([line]);
        if (result.exitCode !== 0) failed.push({ line, reason: reasonOf(result.stderr || result.stdout) });
      }
    };
    const lines = [...set.lines];
    await installLines(lines);
    if (base) {
      // Base's own dependencies are in the Agent's set: the Agent ships it without pulling more.
      await runChecked(uv, ['pip', 'install', '--quiet', '--no-deps', '--python', python, base], {
        reporter,
        what: `uv pip install ${base}`,
        hint: 'Check that PyPI is reachable.',
      });
    }
    if (set.baseExtras) {
      const extras = await runChecked(
        python,
        [script('requirements_of_extras.py'), 'datadog-checks-base', ...set.baseExtras],
        { reporter, what: "datadog-checks-base's extras" },
      );
      const more = JSON.parse(extras.stdout) as string[];
      lines.push(...more);
      await installLines(more);
    }
    writeFileSync(listFile, lines.join('\n') + '\n');
    const probe = await runProcess(python, ['-c', 'import datadog_checks.base'], { reporter });
    if (probe.exitCode !== 0) {
      throw new UserError(
        `The Agent package set (${set.source}) has no importable datadog_checks.base: ${reasonOf(probe.stderr)}${failed.length > 0 ? ` Lines that failed: ${failed.map((f) => `${f.line} (${f.reason})`).join('; ')}` : ''}`,
        {
          hint: "Add datadog-checks-base (with its deps) to the agent-requirements set, or leave the input empty for the Agent release's set.",
        },
      );
    }
    const report = JSON.parse(
      (
        await runChecked(python, [script('agent_set_report.py'), listFile], {
          reporter,
          what: 'the Agent package set report',
        })
      ).stdout,
    ) as { otherPlatforms?: string[]; missing?: string[]; error?: string };
    const record = { failed, otherPlatforms: report.otherPlatforms ?? [] };
    writeFileSync(recordFile, JSON.stringify(record));
    toolCache.markComplete(tool, key);
    if (failed.length > 0)
      reporter.log(`Not installed here: ${failed.map((f) => `${f.line} (${f.reason})`).join('; ')}`);
    return {
      python,
      source: set.source,
      complete: set.complete,
      ...record,
      built: true,
      cache,
      durationMs: Date.now() - started,
    };
  });
}
