// Fills the cache for one check: each selected step on our side, then on Datadog's side right after it, in
// the same checkout path, so the hatch environment the first side created is warm for the second.
import type { ResultCache } from './cache.js';
import { ourScaffold, ourTests, ourWheel, runOurAction, VALIDATE_ACTION, type OurSide } from './ours.js';
import { mapValidateRun } from './ours-validations.js';
import { ourActionFor, pairOf, type Versions } from './results.js';
import { formatCounts } from './test-counts.js';
import { theirLint, theirTests, theirValidation, theirWheel, type TheirSide } from './theirs.js';
import {
  CHECK_VALIDATIONS,
  REPO_VALIDATIONS,
  REPOSITORY,
  validationStep,
  type CheckValidation,
  type StepName,
  type StepResult,
} from './types.js';

export interface Trial {
  ours: OurSide;
  theirs: TheirSide;
  cache: ResultCache;
  versions: Versions;
  steps: ReadonlySet<StepName>;
  log: (line: string) => void;
}

/** Steps in the order they run: the slow tests first, so their hatch env is there for lint and the rest. */
const RUN_ORDER: readonly StepName[] = ['tests', 'lint', ...CHECK_VALIDATIONS.map(validationStep), 'wheel', 'scaffold'];

const mark = (result: StepResult | undefined): string =>
  !result
    ? '·'
    : !result.ran
      ? '–'
      : `${result.verdict === 'pass' ? '✓' : '✗'}${result.machine ? `(${result.machine})` : ''}`;

function describe(step: StepName, ours: StepResult | undefined, theirs: StepResult | undefined): string {
  const counts = step === 'tests' ? [` ${formatCounts(ours?.tests)}`, ` ${formatCounts(theirs?.tests)}`] : ['', ''];
  const seconds = Math.round(((ours?.ran ? ours.durationMs : 0) + (theirs?.ran ? theirs.durationMs : 0)) / 1000);
  return `${step}: ours ${mark(ours)}${counts[0]} · theirs ${mark(theirs)}${counts[1]} (${seconds}s)`;
}

async function ensureOurs(trial: Trial, check: string, step: StepName): Promise<void> {
  const version = trial.versions.ours[ourActionFor(step)]!;
  if (version === 'absent' || trial.cache.get('ours', version, check, step)) return;
  if (step === 'tests') trial.cache.set('ours', version, check, step, await ourTests(trial.ours, check));
  else if (step === 'wheel') trial.cache.set('ours', version, check, step, await ourWheel(trial.ours, check));
  else if (step === 'scaffold') trial.cache.set('ours', version, check, step, await ourScaffold(trial.ours, check));
  else {
    // One run of the validate action answers every validation and lint at once.
    const inputs = { integrations: check, repo: 'extras', python: trial.ours.tools.python };
    const mapped = mapValidateRun(await runOurAction(trial.ours, VALIDATE_ACTION, check, inputs));
    for (const [mappedStep, result] of mapped) trial.cache.set('ours', version, check, mappedStep, result);
  }
}

async function ensureTheirs(trial: Trial, check: string, step: StepName): Promise<void> {
  const version = trial.versions.theirs;
  if (step === 'scaffold' || trial.cache.get('theirs', version, check, step)) return;
  let result: StepResult;
  if (step === 'tests') result = await theirTests(trial.theirs, check);
  else if (step === 'lint') result = await theirLint(trial.theirs, check);
  else if (step === 'wheel') result = await theirWheel(trial.theirs, check);
  else result = await theirValidation(trial.theirs, step.replace('validate ', '') as CheckValidation, check);
  trial.cache.set('theirs', version, check, step, result);
}

export async function runCheck(trial: Trial, check: string, prefix: string): Promise<void> {
  for (const step of RUN_ORDER) {
    if (!trial.steps.has(step)) continue;
    await ensureOurs(trial, check, step);
    await ensureTheirs(trial, check, step);
    const pair = pairOf(trial.cache, trial.versions, check, step);
    trial.log(`${prefix} ${check} ${describe(step, pair.ours, pair.theirs)}`);
  }
}

/** `ddev validate ci` and `ddev validate codeowners`, once for the repository. */
export async function runRepository(trial: Trial): Promise<void> {
  for (const validation of REPO_VALIDATIONS) {
    const step = validationStep(validation);
    if (!trial.steps.has(step) || trial.cache.get('theirs', trial.versions.theirs, REPOSITORY, step)) continue;
    const result = await theirValidation(trial.theirs, validation);
    trial.cache.set('theirs', trial.versions.theirs, REPOSITORY, step, result);
    trial.log(`[repository] ${describe(step, undefined, result)}`);
  }
}
