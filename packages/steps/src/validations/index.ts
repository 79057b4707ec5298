import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  parseValidationOutput,
  plainText,
  repositoryValidationApplies,
  validationApplies,
  validationArgs,
  validationEnvironment,
  type ValidationName,
  type ValidationSet,
} from '@aic/ddev';
import type { LocatedIntegration } from '@aic/integration';
import { commandLine, relativeTo, runProcess, type Reporter } from '@aic/runtime';
import { checkoutValidationSet } from './configured-set.js';
import { findDdev, scratchDir } from './ddev-process.js';
import { integrationShape, repositoryFacts } from './shape.js';
import { ddevView, lintView, repositoryConfig, type DdevView } from './stage.js';
import type { PlacedFinding, ValidationRun, ValidationsOptions, ValidationsResult } from './types.js';

export { fixIntegrations, type FixResult } from './fix.js';
export { annotateValidations, validationsSummary } from './report.js';
export type { PlacedFinding, ValidationRun, ValidationsOptions, ValidationsResult } from './types.js';

/** ddev prints only the base name of a legacy-signature file: find it in the package. */
function findByName(folder: string, name: string): string | undefined {
  if (!existsSync(folder)) return undefined;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isFile() && entry.name === name) return full;
    if (entry.isDirectory()) {
      const found = findByName(full, name);
      if (found) return found;
    }
  }
  return undefined;
}

function reportUnsupported(reporter: Reporter, set: ValidationSet): void {
  if (set.unsupported.length === 0) return;
  reporter.annotate({
    level: 'notice',
    file: '.ddev/config.toml',
    message: `Not run here: ${set.unsupported.join(', ')} (listed in .ddev/config.toml; agent-integration-ci runs ${[...set.integration, ...set.repository].join(', ')}).`,
  });
}

interface RunContext {
  options: ValidationsOptions;
  ddev: string;
  env: NodeJS.ProcessEnv;
  concurrency: number;
  set: ValidationSet;
}

/** Runs `work` on each item, at most `limit` at a time; results in the items' order. */
async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

async function runOne(
  context: RunContext,
  validation: ValidationName,
  integration: LocatedIntegration,
  view: DdevView,
): Promise<ValidationRun> {
  const args = validationArgs(validation, view.target);
  const started = Date.now();
  // Output is kept and logged once the run ends: validations run side by side, their logs must not interleave.
  const result = await runProcess(context.ddev, args, {
    cwd: view.root,
    env: validationEnvironment(context.env, view.configPath),
    timeoutMs: validation === 'lint' ? 900_000 : 300_000,
  });
  await context.options.reporter.group(
    `${integration.name}: ddev ${args.join(' ')} (exit ${result.exitCode})`,
    async () => {
      for (const line of plainText(`${result.stdout}\n${result.stderr}`).trimEnd().split('\n'))
        context.options.reporter.log(line);
    },
  );
  const readFile = (relative: string) => {
    const file = path.join(integration.path, relative);
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };
  const findings = parseValidationOutput({
    validation,
    exitCode: result.exitCode,
    output: `${result.stdout}\n${result.stderr}`,
    target: view.target,
    integrationPath: view.integrationPath,
    readFile,
  }).map((finding): PlacedFinding => {
    let file = finding.file;
    if (file !== undefined && validation === 'legacy-signature')
      file = findByName(path.join(integration.path, 'datadog_checks'), file) ?? file;
    return {
      ...finding,
      file: file === undefined ? undefined : relativeTo(context.options.repoPath, path.resolve(integration.path, file)),
    };
  });
  return {
    validation,
    integration: integration.name,
    status: result.exitCode === 0 ? 'passed' : 'failed',
    command: commandLine('ddev', args),
    exitCode: result.exitCode,
    durationMs: Date.now() - started,
    findings,
  };
}

async function validateIntegration(context: RunContext, integration: LocatedIntegration, scratch: string) {
  const { repo } = context.options;
  const view = await ddevView(integration, repo, scratch);
  const shape = integrationShape(integration.path, view.target);
  const lint = validationApplies('lint', shape).applies ? await lintView(integration, repo, scratch) : view;
  const runs = await inParallel(
    [...context.set.integration, 'lint' as const],
    context.concurrency,
    async (validation) => {
      const applies = validationApplies(validation, shape);
      if (!applies.applies) {
        return {
          validation,
          integration: integration.name,
          status: 'not-applicable' as const,
          reason: applies.reason,
          durationMs: 0,
          findings: [],
        };
      }
      return runOne(context, validation, integration, validation === 'lint' ? lint : view);
    },
  );
  return runs;
}

async function validateRepository(
  context: Pick<RunContext, 'ddev' | 'env' | 'set'> & {
    options: Pick<ValidationsOptions, 'repoPath' | 'repo' | 'reporter'>;
  },
  scratch: string,
): Promise<ValidationRun[]> {
  const { repoPath, repo } = context.options;
  const facts = repositoryFacts(repoPath, repo);
  const runs: ValidationRun[] = [];
  for (const validation of context.set.repository) {
    const applies = repositoryValidationApplies(validation, facts);
    if (!applies.applies) {
      runs.push({
        validation,
        integration: undefined,
        status: 'not-applicable',
        reason: applies.reason,
        durationMs: 0,
        findings: [],
      });
      continue;
    }
    const configPath = repositoryConfig(repo, repoPath, scratch);
    const args = validationArgs(validation, undefined);
    const started = Date.now();
    const result = await runProcess(context.ddev, args, {
      cwd: repoPath,
      env: validationEnvironment(context.env, configPath),
      timeoutMs: 300_000,
      reporter: context.options.reporter,
      group: `repository: ddev ${args.join(' ')}`,
    });
    runs.push({
      validation,
      integration: undefined,
      status: result.exitCode === 0 ? 'passed' : 'failed',
      command: commandLine('ddev', args),
      exitCode: result.exitCode,
      durationMs: Date.now() - started,
      findings: parseValidationOutput({
        validation,
        exitCode: result.exitCode,
        output: `${result.stdout}\n${result.stderr}`,
        target: '',
        integrationPath: repoPath,
      }),
    });
  }
  return runs;
}

/**
 * Datadog's validations (the integrations-extras set, repo-kind aware) and `ddev test --lint` on each
 * integration, then the repository-wide ones where the repository is shaped like Datadog's. A validation
 * fails exactly when ddev exits non-zero, as Datadog's CI job does.
 */
export async function runValidations(options: ValidationsOptions): Promise<ValidationsResult> {
  const env = options.env ?? process.env;
  const context: RunContext = {
    options,
    ddev: findDdev(options.ddev, env),
    env,
    concurrency: options.concurrency ?? Math.min(4, os.availableParallelism()),
    set: checkoutValidationSet(options.repoPath, options.repo),
  };
  reportUnsupported(options.reporter, context.set);
  const scratch = scratchDir(options.temp, 'validate');
  const started = Date.now();
  try {
    const runs: ValidationRun[] = [];
    for (const integration of options.integrations)
      runs.push(...(await validateIntegration(context, integration, scratch)));
    if (options.repositoryWide !== false) runs.push(...(await validateRepository(context, scratch)));
    return { runs, durationMs: Date.now() - started };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** ci and codeowners alone, where the repository is shaped like Datadog's. */
export async function runRepositoryValidations(
  options: Pick<ValidationsOptions, 'repoPath' | 'repo' | 'temp' | 'reporter' | 'ddev' | 'env'>,
): Promise<ValidationRun[]> {
  const env = options.env ?? process.env;
  const scratch = scratchDir(options.temp, 'validate');
  try {
    const set = checkoutValidationSet(options.repoPath, options.repo);
    return await validateRepository({ options, ddev: findDdev(options.ddev, env), env, set }, scratch);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
