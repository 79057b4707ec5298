// Our pipeline on the same code: the bundled actions run through the runner harness, as a partner's runner
// would, after setup-ddev's effect (a ddev config with repo = extras at the checkout, DDEV_CONFIG exported).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readActionMetadata, runAction, type ActionRun, type PythonTools } from '../../test/harness/index.js';
import { restoreFolder, type Checkout } from './checkout.js';
import { excerptOf, machineCause, relevantLines } from './output-text.js';
import type { StepResult } from './types.js';

export interface OurSide {
  checkout: Checkout;
  env: NodeJS.ProcessEnv;
  tools: PythonTools;
  /** The folder holding the bundled actions (actions/<name>/dist). */
  actionsDir: string;
  /** Actions taken from elsewhere (another branch's worktree), by name. */
  overrides: Record<string, string>;
}

export const actionPath = (side: Pick<OurSide, 'actionsDir' | 'overrides'>, name: string): string =>
  side.overrides[name] ?? path.join(side.actionsDir, name);

export const VALIDATE_ACTION = 'validate-integration';

export const hasAction = (side: OurSide, name: string): boolean =>
  existsSync(path.join(actionPath(side, name), 'dist', 'index.js'));

/** Runs one bundled action with the inputs it declares (the actions change on other branches). */
export async function runOurAction(
  side: OurSide,
  action: string,
  name: string,
  inputs: Record<string, string>,
): Promise<ActionRun> {
  restoreFolder(side.checkout, name);
  const actionDir = actionPath(side, action);
  const declared = readActionMetadata(actionDir).inputs;
  const given = Object.fromEntries(Object.entries(inputs).filter(([input]) => input in declared));
  // A runner temp of our own, removed after the run: smoke-test venvs would otherwise pile up for 88 checks.
  const runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'aic-trial-runner-'));
  try {
    return await runAction({
      actionDir,
      workspace: side.checkout.root,
      inputs: given,
      env: side.env,
      runnerTemp,
      timeoutMs: 900_000,
    });
  } finally {
    rmSync(runnerTemp, { recursive: true, force: true });
  }
}

/** The verdict of an action run; the reason is its error annotations, else its output's relevant lines. */
export function verdictOfRun(run: ActionRun, extra: Partial<StepResult> = {}): StepResult {
  const failed = run.exitCode !== 0;
  const output = `${run.stdout}\n${run.stderr}`;
  const errors = run.annotations
    .filter((a) => a.level === 'error')
    .map((a) => `${a.file ? `${a.file}${a.line ? `:${a.line}` : ''} ` : ''}${a.message.split('\n')[0]}`);
  const reason = errors.length > 0 ? errors.slice(0, 3).join(' ⏎ ') : relevantLines(output);
  return {
    verdict: failed ? 'fail' : 'pass',
    ran: true,
    reason: failed ? reason : '',
    ...(failed && machineCause(output) ? { machine: machineCause(output)! } : {}),
    ...(failed ? { excerpt: excerptOf(output) } : {}),
    durationMs: run.durationMs,
    ...extra,
  };
}

const common = (side: OurSide, name: string) => ({
  integrations: name,
  repo: 'extras',
  python: side.tools.python,
});

export async function ourScaffold(side: OurSide, name: string): Promise<StepResult> {
  return verdictOfRun(await runOurAction(side, 'scaffold-check', name, { ...common(side, name), strict: 'false' }));
}

export async function ourTests(side: OurSide, name: string): Promise<StepResult> {
  const run = await runOurAction(side, 'run-integration-tests', name, { ...common(side, name), tests: 'all' });
  const count = (output: string) => Number(run.outputs[output] ?? 0);
  const [passed, failed, errors, skipped] = ['passed', 'failed', 'errors', 'skipped'].map(count) as [
    number,
    number,
    number,
    number,
  ];
  const tests = { total: passed + failed + errors + skipped, passed, failed, errors, skipped };
  const result = verdictOfRun(run, 'passed' in run.outputs ? { tests } : {});
  // What it ran, for a count that differs from Datadog's: the step's groups name each ddev command.
  const commands = [...run.stdout.matchAll(/^::group::(.*)$/gm)]
    .map((match) => match[1]!.replace(/ --junitxml=\S+/, ''))
    .filter((title) => /ddev/.test(title));
  return { ...result, reason: result.reason || commands.join(' ⏎ ') };
}

export async function ourWheel(side: OurSide, name: string): Promise<StepResult> {
  const outDir = path.join('.trial-dist', name);
  const run = await runOurAction(side, 'build-wheel', name, {
    ...common(side, name),
    upload: 'false',
    'out-dir': outDir,
  });
  rmSync(path.join(side.checkout.root, outDir), { recursive: true, force: true });
  const result = verdictOfRun(run);
  const wheels = (JSON.parse(run.outputs.wheels ?? '[]') as { filename?: string }[]).map((w) => w.filename);
  return { ...result, reason: result.reason || wheels.join(', ') };
}
