// Issue 17's figure: `aic ci` (the whole pipeline: scaffold check, Datadog's validations, release notes, every test,
// the wheel built, inspected and smoke-installed) against what a partner runs by hand — `ddev test <name>` then
// `ddev release build <name>` — on the same integration, alternating, with the same number of tests run on both
// sides (asserted). On the example and on real integrations-extras checks at the pinned commit.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { ddevEnvironment, pythonTools } from '../test/harness/index.js';
import { ratioFigure, timePair, type Figure } from './measure.js';
import { prepareCheckout, resolveCommit } from './trial/checkout.js';
import { countPytestSummaries } from './trial/test-counts.js';

/** One integration to measure: the folder that holds it (ddev's repository) and its name. */
export interface PipelineTarget {
  label: string;
  root: string;
  name: string;
}

/**
 * Checks whose tests pass on this machine without a Docker engine (bench/extras-trial.md: these pass on both sides
 * with the same count), each with a different size of test suite.
 */
export const EXTRAS_CHECKS = ['cloudsmith', 'ns1', 'unifi_console'] as const;

/** The extras checkout of bench/extras-trial.ts (a stable path: hatch keys its environments by it), or why not. */
export function extrasTargets(): PipelineTarget[] | string {
  const mirror = process.env.AIC_EXTRAS_MIRROR ?? '/work/.mirror/DataDog+integrations-extras/repo';
  let commit: string;
  try {
    commit = resolveCommit(mirror, '57e9d599');
  } catch (error) {
    return (error as Error).message;
  }
  const checkout = prepareCheckout(mirror, commit, path.join(process.env.TMPDIR ?? '/tmp', 'aic-extras-trial'));
  return EXTRAS_CHECKS.map((name) => ({ label: `extras ${name}`, root: checkout.root, name }));
}

interface Side {
  tests: number;
  ok: boolean;
}

function spawn(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: result.status ?? 1, stdout: result.stdout, output: `${result.stdout}\n${result.stderr}` };
}

interface CiStage {
  step: string;
  status: string;
  detail: string;
}

/** `aic ci` on one integration; the tests it ran, from its tests stage. */
function ours(cli: string, target: PipelineTarget, env: NodeJS.ProcessEnv, outDir: string): Side {
  const run = spawn(
    process.execPath,
    [cli, 'ci', '--repo', target.root, '--integration', target.name, '--json', '--out-dir', outDir],
    target.root,
    env,
  );
  let stages: CiStage[];
  try {
    stages = (JSON.parse(run.stdout) as { stages: CiStage[] }).stages;
  } catch {
    throw new Error(`aic ci on ${target.label} printed no JSON report (exit ${run.code}):\n${run.output.slice(-1500)}`);
  }
  const tests = stages.find((stage) => stage.step === 'tests');
  const counted = /(\d+) passed, (\d+) failed, (\d+) errors?, (\d+) skipped/.exec(tests?.detail ?? '');
  if (!tests || tests.status !== 'passed' || !counted) {
    throw new Error(`aic ci on ${target.label}: the tests did not pass: ${tests?.detail ?? 'no tests stage'}`);
  }
  const total = counted.slice(1).reduce((sum, count) => sum + Number(count), 0);
  return { tests: total, ok: stages.every((stage) => stage.status !== 'failed') };
}

/** By hand: `ddev test <name>` (every test), then `ddev release build <name>`, from the repository's root. */
function theirs(ddev: string, target: PipelineTarget, env: NodeJS.ProcessEnv): Side {
  const test = spawn(ddev, ['test', target.name], target.root, env);
  if (test.code !== 0) throw new Error(`ddev test ${target.name} failed (${test.code}):\n${test.output.slice(-1500)}`);
  const build = spawn(ddev, ['release', 'build', target.name], target.root, env);
  if (build.code !== 0) throw new Error(`ddev release build ${target.name} failed:\n${build.output.slice(-1500)}`);
  return { tests: countPytestSummaries(test.output)?.total ?? 0, ok: true };
}

export async function pipelineFigure(target: PipelineTarget, runs: number, cli: string): Promise<Figure> {
  const tools = pythonTools();
  const env = { ...ddevEnvironment(target.root, tools), AIC_PYTHON: tools.python };
  // A dot-folder: ddev takes any other top-level folder for an integration (validate codeowners would fail on it).
  const outDir = '.bench-dist';
  const counts = { ours: new Set<number>(), theirs: new Set<number>(), oursOk: true };
  const [a, b] = await timePair(
    () => {
      const side = ours(cli, target, env, outDir);
      counts.ours.add(side.tests);
      counts.oursOk &&= side.ok;
    },
    () => void counts.theirs.add(theirs(tools.ddev, target, env).tests),
    runs,
  );
  rmSync(path.join(target.root, outDir), { recursive: true, force: true });
  rmSync(path.join(target.root, target.name, 'dist'), { recursive: true, force: true });
  const [oursTests, theirTests] = [[...counts.ours], [...counts.theirs]];
  if (oursTests.length !== 1 || theirTests.length !== 1 || oursTests[0] !== theirTests[0] || oursTests[0] === 0) {
    throw new Error(
      `${target.label}: not the same tests on both sides (aic ci ran ${oursTests.join('/')}, ddev test ${theirTests.join('/')})`,
    );
  }
  return ratioFigure(
    `aic ci vs ddev test + ddev release build: ${target.label}`,
    a,
    b,
    1,
    `${oursTests[0]} tests on both sides; aic ci also validates, checks notes, inspects and smoke-installs${counts.oursOk ? '' : ' (some of its checks failed)'}`,
  );
}
