// Datadog's own gate on the same code, with the command lines of integrations-core's reusable workflows
// (run-validations.yml; test-target.yml and its run-unit-integration-tests.sh). Like those workflows, ddev
// is configured with `repo = extras` pointing at the checkout (no `--here`: validations such as `ci`
// depend on the repository kind) and runs from the checkout's root.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PythonTools } from '../../test/harness/index.js';
import { restoreFolder, type Checkout } from './checkout.js';
import { excerptOf, machineCause, plain, relevantLines, validationLines } from './output-text.js';
import { runCommand, type ProcessResult } from './process.js';
import { countJunitDir, countPytestSummaries } from './test-counts.js';
import type { StepResult, Validation } from './types.js';

export interface TheirSide {
  checkout: Checkout;
  env: NodeJS.ProcessEnv;
  tools: PythonTools;
}

const minutes = (count: number) => count * 60_000;

function ddev(side: TheirSide, args: readonly string[], timeoutMs: number): Promise<ProcessResult> {
  return runCommand(side.tools.ddev, args, { cwd: side.checkout.root, env: side.env, timeoutMs });
}

function verdictOf(run: ProcessResult, extra: Partial<StepResult> = {}): StepResult {
  const failed = run.exitCode !== 0;
  return {
    verdict: failed ? 'fail' : 'pass',
    ran: true,
    reason: failed ? `${run.timedOut ? 'timed out: ' : ''}${relevantLines(run.output)}` : '',
    ...(failed && machineCause(run.output) ? { machine: machineCause(run.output)! } : {}),
    ...(failed ? { excerpt: excerptOf(run.output) } : {}),
    durationMs: run.durationMs,
    ...extra,
  };
}

/** integrations-extras' test-all.yml has a job only for testable targets; ddev says this of the others. */
const notTestable = /No testable targets found/;
const noJob: StepResult = {
  verdict: 'pass',
  ran: false,
  reason: 'not a testable target: no job in test-all.yml (ddev: No testable targets found)',
  durationMs: 0,
};

/** `ddev -v test --cov --junit <name> -- -k "not fips"`: every test, no marker filter. */
export async function theirTests(side: TheirSide, name: string): Promise<StepResult> {
  restoreFolder(side.checkout, name);
  const run = await ddev(side, ['-v', 'test', '--cov', '--junit', name, '--', '-k', 'not fips'], minutes(10));
  if (run.exitCode !== 0 && notTestable.test(run.output)) return noJob;
  const tests = countJunitDir(path.join(side.checkout.root, name, 'junit')) ?? countPytestSummaries(run.output);
  const result = verdictOf(run, tests ? { tests } : {});
  const summaries = plain(run.output)
    .split('\n')
    .filter((line) => /^=+ .*\bin [\d.]+s\b.* =+$/.test(line.trim()));
  return { ...result, reason: result.reason || summaries.join(' ⏎ ') };
}

/** `ddev validate <validation> [<name>]` (ci and codeowners are for the whole repository). */
export async function theirValidation(side: TheirSide, validation: Validation, name?: string): Promise<StepResult> {
  if (name) restoreFolder(side.checkout, name);
  const run = await ddev(side, ['validate', validation, ...(name ? [name] : [])], minutes(5));
  const result = verdictOf(run);
  return result.verdict === 'fail' ? { ...result, reason: validationLines(run.output) } : result;
}

export async function theirLint(side: TheirSide, name: string): Promise<StepResult> {
  restoreFolder(side.checkout, name);
  const run = await ddev(side, ['test', '--lint', name], minutes(10));
  return run.exitCode !== 0 && notTestable.test(run.output) ? noJob : verdictOf(run);
}

/** `pip wheel <folder> --no-deps`, then the wheel installed (no deps) into a fresh Python 3.13 venv. */
export async function theirWheel(side: TheirSide, name: string): Promise<StepResult> {
  restoreFolder(side.checkout, name);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'aic-trial-wheel-'));
  try {
    const env = { ...side.env, PIP_DISABLE_PIP_VERSION_CHECK: '1' };
    const options = { cwd: side.checkout.root, env, timeoutMs: minutes(10) };
    const outDir = path.join(scratch, 'out');
    const build = await runCommand(
      side.tools.python,
      ['-m', 'pip', 'wheel', path.join(side.checkout.root, name), '--no-deps', '-w', outDir],
      options,
    );
    if (build.exitCode !== 0) return verdictOf(build);
    const wheels = readdirSync(outDir).filter((file) => file.endsWith('.whl'));
    const venv = path.join(scratch, 'venv');
    const created = await runCommand(side.tools.uv, ['venv', '--quiet', '--python', side.tools.python, venv], options);
    if (created.exitCode !== 0) return verdictOf(created);
    const install = await runCommand(
      side.tools.uv,
      [
        'pip',
        'install',
        '--quiet',
        '--no-deps',
        '--python',
        path.join(venv, 'bin', 'python'),
        ...wheels.map((w) => path.join(outDir, w)),
      ],
      options,
    );
    const result = verdictOf(install, { durationMs: build.durationMs + created.durationMs + install.durationMs });
    return { ...result, reason: result.reason || wheels.join(', ') };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
