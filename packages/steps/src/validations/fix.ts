import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FIX_COMMANDS, validationEnvironment, type FixName } from '@aic/ddev';
import type { LocatedIntegration } from '@aic/integration';
import { commandLine, lastLines, relativeTo, runProcess } from '@aic/runtime';
import { findDdev, scratchDir } from './ddev-process.js';
import { integrationShape } from './shape.js';
import { ddevView, lintView, TOOL_FOLDERS, type DdevView } from './stage.js';
import type { ValidationsOptions } from './types.js';

export interface FixCommandResult {
  name: FixName;
  command: string;
  exitCode: number;
  /** The last lines of a run that failed. */
  problem?: string;
}

export interface FixResult {
  integration: string;
  ran: FixCommandResult[];
  skipped: { name: FixName; reason: string }[];
  /** Files the fix changed or created, relative to the repository. */
  changed: string[];
  /** A unified diff of those changes (a/ = before, b/ = after), paths relative to the repository. */
  diff: string;
}

/** The fix runs where the validations run, with the same inputs. */
export type FixOptions = Pick<
  ValidationsOptions,
  'repoPath' | 'integrations' | 'repo' | 'temp' | 'reporter' | 'ddev' | 'env'
>;

/** Every file of a folder (relative paths), outside tool caches. */
function listFiles(folder: string, prefix = ''): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (TOOL_FOLDERS.has(entry.name)) return [];
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return listFiles(path.join(folder, entry.name), relative);
    return entry.isFile() ? [relative] : [];
  });
}

const same = (a: string, b: string) => existsSync(a) && existsSync(b) && readFileSync(a).equals(readFileSync(b));

/** Copies back into the checkout the files ddev changed in a lint copy. */
function copyBack(copy: string, integrationPath: string): void {
  for (const file of listFiles(copy)) {
    const target = path.join(integrationPath, file);
    if (same(path.join(copy, file), target)) continue;
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, readFileSync(path.join(copy, file)));
  }
}

/** `git diff --no-index` of one file, its headers named for the repository. */
async function fileDiff(before: string | undefined, after: string, shown: string): Promise<string> {
  const result = await runProcess('git', ['diff', '--no-index', '--no-color', '--', before ?? '/dev/null', after]);
  return result.stdout
    .split('\n')
    .map((line) => {
      if (line.startsWith('diff --git ')) return `diff --git a/${shown} b/${shown}`;
      if (line.startsWith('--- ') && before !== undefined) return `--- a/${shown}`;
      if (line.startsWith('+++ ')) return `+++ b/${shown}`;
      return line;
    })
    .join('\n');
}

interface FixStep {
  name: FixName;
  view: () => Promise<DdevView & { copy?: string | undefined }>;
  skip: string | undefined;
}

async function fixIntegration(
  options: FixOptions,
  ddev: string,
  env: NodeJS.ProcessEnv,
  integration: LocatedIntegration,
  scratch: string,
): Promise<FixResult> {
  const view = await ddevView(integration, options.repo, scratch);
  const shape = integrationShape(integration.path, view.target);
  const hasSpec = existsSync(path.join(integration.path, 'assets', 'configuration', 'spec.yaml'));
  const hasModels = existsSync(
    path.join(integration.path, 'datadog_checks', view.target.replace(/-/g, '_'), 'config_models'),
  );
  const steps: FixStep[] = [
    {
      name: 'config',
      view: async () => view,
      skip: hasSpec ? undefined : 'no assets/configuration/spec.yaml to generate conf.yaml.example from',
    },
    {
      name: 'models',
      view: async () => view,
      skip: !hasSpec
        ? 'no assets/configuration/spec.yaml'
        : hasModels
          ? undefined
          : "no config_models/ folder: Datadog's CI does not ask extras/marketplace checks for one, and adding it changes how the check loads its configuration",
    },
    {
      name: 'format',
      view: async () => lintView(integration, options.repo, scratch),
      skip: shape.isTestable ? undefined : 'not testable (hatch.toml and tests/): ddev has no lint environment for it',
    },
  ];

  // What the folder held before, to show what the fix changed (whatever the checkout's git state).
  const before = path.join(scratch, `before-${integration.name}`);
  cpSync(integration.path, before, {
    recursive: true,
    filter: (source) => !TOOL_FOLDERS.has(path.basename(source)),
  });

  const result: FixResult = { integration: integration.name, ran: [], skipped: [], changed: [], diff: '' };
  for (const step of steps) {
    if (step.skip) {
      result.skipped.push({ name: step.name, reason: step.skip });
      continue;
    }
    const where = await step.view();
    const args = FIX_COMMANDS.find((command) => command.name === step.name)!.args(where.target);
    const run = await runProcess(ddev, args, {
      cwd: where.root,
      env: validationEnvironment(env, where.configPath),
      timeoutMs: 900_000,
      reporter: options.reporter,
      group: `${integration.name}: ddev ${args.join(' ')}`,
    });
    if (where.copy) copyBack(where.copy, integration.path);
    result.ran.push({
      name: step.name,
      command: commandLine('ddev', args),
      exitCode: run.exitCode,
      ...(run.exitCode === 0 ? {} : { problem: lastLines(`${run.stdout}\n${run.stderr}`, 3).join(' ') }),
    });
  }

  const diffs: string[] = [];
  for (const file of listFiles(integration.path)) {
    const after = path.join(integration.path, file);
    const old = path.join(before, file);
    if (same(old, after)) continue;
    const shown = relativeTo(options.repoPath, after);
    result.changed.push(shown);
    diffs.push(await fileDiff(existsSync(old) ? old : undefined, after, shown));
  }
  result.diff = diffs.join('\n').trim();
  rmSync(before, { recursive: true, force: true });
  return result;
}

/** ddev's own syncing forms (`validate config -s`, `validate models -s`, `test --fmt`) and the diff they made. */
export async function fixIntegrations(options: FixOptions): Promise<FixResult[]> {
  const env = options.env ?? process.env;
  const ddev = findDdev(options.ddev, env);
  const scratch = scratchDir(options.temp, 'fix');
  try {
    const results: FixResult[] = [];
    for (const integration of options.integrations)
      results.push(await fixIntegration(options, ddev, env, integration, scratch));
    return results;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
