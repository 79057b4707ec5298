import type { RepoName, ValidationFinding, ValidationName } from '@aic/ddev';
import type { LocatedIntegration } from '@aic/integration';
import type { Reporter } from '@aic/runtime';

/** A finding placed on the repository: `file` is relative to the checkout. */
export interface PlacedFinding extends Omit<ValidationFinding, 'file'> {
  file: string | undefined;
}

export interface ValidationRun {
  validation: ValidationName;
  /** Undefined for the repository-wide validations (ci, codeowners). */
  integration: string | undefined;
  status: 'passed' | 'failed' | 'not-applicable';
  /** Why it does not apply. */
  reason?: string;
  command?: string;
  exitCode?: number;
  durationMs: number;
  findings: PlacedFinding[];
}

export interface ValidationsOptions {
  repoPath: string;
  integrations: LocatedIntegration[];
  /** The ddev repository kind of the checkout (setup-ddev's choice). */
  repo: RepoName;
  /** Scratch space (RUNNER_TEMP or the CLI's per-run temp dir). */
  temp: string;
  reporter: Reporter;
  ddev?: string;
  env?: NodeJS.ProcessEnv;
  /** How many ddev processes at once (default: the CPUs, at most 4); each is mostly Python starting up. */
  concurrency?: number;
  /** Also run ci and codeowners (default true); the CLI runs them once in a stage of their own. */
  repositoryWide?: boolean;
}

export interface ValidationsResult {
  runs: ValidationRun[];
  durationMs: number;
}
