// Where each side's result of one step comes from: the cache, or a fixed answer when a side has no such step.
import type { ResultCache } from './cache.js';
import { machineCause, relevantLines, validationLines } from './output-text.js';
import { REPOSITORY, type Side, type StepName, type StepResult } from './types.js';

/** Which bundled action produces our result of a step. */
export function ourActionFor(step: StepName): string {
  if (step === 'scaffold') return 'scaffold-check';
  if (step === 'tests') return 'run-integration-tests';
  if (step === 'wheel') return 'build-wheel';
  return 'validate-integration';
}

export interface Versions {
  /** Bundle hash per action name (`absent` when not bundled). */
  ours: Record<string, string>;
  theirs: string;
}

export interface Pair {
  ours?: StepResult;
  theirs?: StepResult;
}

const notRun = (why: string): StepResult => ({ verdict: 'pass', ran: false, reason: why, durationMs: 0 });

/** Datadog merged every check of integrations-extras: its review accepted the layout scaffold-check looks at. */
const accepted: StepResult = { verdict: 'pass', ran: false, reason: 'merged into integrations-extras', durationMs: 0 };

/** A cached failure classified again from its excerpt, so better patterns need no re-run. */
function reclassified(result: StepResult | undefined, side: Side, step: StepName): StepResult | undefined {
  if (!result || result.verdict === 'pass' || !result.excerpt) return result;
  const machine = machineCause(result.excerpt);
  // Our reason comes from the action's annotations when it has any; theirs from the output only.
  const fromOutput = step.startsWith('validate ') ? validationLines : relevantLines;
  // Ours points at its log when a command failed without a finding: add what the log said.
  const vague = /see the log group/.test(result.reason);
  const reason =
    side === 'theirs'
      ? fromOutput(result.excerpt)
      : vague
        ? `${result.reason} ⏎ log: ${relevantLines(result.excerpt, 2)}`
        : result.reason;
  const { machine: _old, ...rest } = result;
  return { ...rest, reason, ...(machine ? { machine } : {}) };
}

export function lookup(
  cache: ResultCache,
  versions: Versions,
  side: Side,
  check: string,
  step: StepName,
): StepResult | undefined {
  if (side === 'theirs') {
    if (step === 'scaffold') return accepted;
    return reclassified(cache.get('theirs', versions.theirs, check, step), side, step);
  }
  const version = versions.ours[ourActionFor(step)] ?? 'absent';
  if (version === 'absent') return notRun(`no step of ours runs it (no ${ourActionFor(step)} action)`);
  return reclassified(cache.get('ours', version, check, step), side, step);
}

export function pairOf(cache: ResultCache, versions: Versions, check: string, step: StepName): Pair {
  const ours = lookup(cache, versions, 'ours', check, step);
  const theirs = lookup(cache, versions, 'theirs', check, step);
  return { ...(ours ? { ours } : {}), ...(theirs ? { theirs } : {}) };
}

/**
 * The repository-level validations: Datadog runs them once; ours may report them with each check, and the
 * repository fails them if any check's run did.
 */
export function repositoryPair(
  cache: ResultCache,
  versions: Versions,
  checks: readonly string[],
  step: StepName,
): Pair {
  const theirs = lookup(cache, versions, 'theirs', REPOSITORY, step);
  const ourRuns = checks.map((check) => lookup(cache, versions, 'ours', check, step)).filter((r) => r !== undefined);
  const ours = ourRuns.find((r) => r.verdict === 'fail') ?? ourRuns.find((r) => r.ran) ?? ourRuns[0];
  return { ...(ours ? { ours } : {}), ...(theirs ? { theirs } : {}) };
}
