/** What the trial compares: one verdict per step, per check, per side. */

export type Side = 'ours' | 'theirs';
export type Verdict = 'pass' | 'fail';

/**
 * The validations integrations-extras' validate.yml turns on, run per integration. Written out here, not
 * imported from @aic/ddev: this is the reference side, so a mistake in our own list cannot hide in it.
 */
export const CHECK_VALIDATIONS = [
  'config',
  'imports',
  'integration-style',
  'jmx-metrics',
  'legacy-signature',
  'metadata',
  'models',
  'package',
  'readmes',
] as const;
/** The ones run once for the whole repository. */
export const REPO_VALIDATIONS = ['ci', 'codeowners'] as const;

export type CheckValidation = (typeof CHECK_VALIDATIONS)[number];
export type RepoValidation = (typeof REPO_VALIDATIONS)[number];
export type Validation = CheckValidation | RepoValidation;

/** A row of the table. `scaffold` is ours only: Datadog's side is "merged into extras", i.e. accepted. */
export type StepName = 'scaffold' | 'tests' | `validate ${Validation}` | 'lint' | 'wheel';

export const validationStep = (validation: Validation): StepName => `validate ${validation}`;

/** Everything the trial can compare on one check, in table order. */
export const CHECK_STEPS: readonly StepName[] = [
  'scaffold',
  'tests',
  ...CHECK_VALIDATIONS.map(validationStep),
  'lint',
  'wheel',
];
export const REPO_STEPS: readonly StepName[] = REPO_VALIDATIONS.map(validationStep);

/** Failures that come from this machine, not from the code: named in the table, counted apart. */
export type MachineCause = 'no-docker' | 'hatch-interpreter' | 'no-system-tool';

export interface TestCounts {
  total: number;
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
}

export interface StepResult {
  verdict: Verdict;
  /** False when no step of that side runs this (ours before a step exists): its verdict is then `pass`, green. */
  ran: boolean;
  /** The first relevant lines of the output. */
  reason: string;
  machine?: MachineCause;
  /** The output's telling lines (errors, pytest's E lines and summary, the end), kept to re-classify later. */
  excerpt?: string;
  tests?: TestCounts;
  durationMs: number;
}

/** The repository-level key for REPO_STEPS in the cache and the table. */
export const REPOSITORY = '(repository)';
