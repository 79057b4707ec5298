import type { RepoName } from './repo.js';

/**
 * Datadog's gate for integrations-extras: the validations its validate.yml asks of integrations-core's
 * run-validations.yml, plus `ddev test --lint` (the first step of test-target.yml).
 */
export const INTEGRATION_VALIDATIONS = [
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
/** Marketplace's gate adds the EULA check (integrations-core#7509, #23346). */
export type IntegrationValidation = (typeof INTEGRATION_VALIDATIONS)[number] | 'eula';

/** Run once on the whole repository (`ddev validate ci`, `ddev validate codeowners`). */
export const REPOSITORY_VALIDATIONS = ['ci', 'codeowners'] as const;
export type RepositoryValidation = (typeof REPOSITORY_VALIDATIONS)[number];

export type ValidationName = IntegrationValidation | RepositoryValidation | 'lint';

/** What decides which validations Datadog's CI gives an integration folder. */
export interface IntegrationShape {
  /** `datadog_checks/<package>/__about__.py`: ddev's "valid check". */
  hasVersionFile: boolean;
  hasManifest: boolean;
  /** `hatch.toml` and a `tests/` folder: ddev's "testable" integration (test-target.yml runs only these). */
  isTestable: boolean;
  /** Any Python code in `datadog_checks/`. */
  hasCode: boolean;
}

export type Applicability = { applies: true } | { applies: false; reason: string };

const APPLIES: Applicability = { applies: true };

/**
 * Whether Datadog's CI runs a validation on this folder. Its pull-request runs pass `changed`, which ddev
 * intersects with a per-validation selection: valid checks (config, models, package, legacy-signature),
 * manifests (imports, integration-style, readmes, metadata), changed code (jmx-metrics), testable checks (lint).
 */
export function validationApplies(validation: IntegrationValidation | 'lint', shape: IntegrationShape): Applicability {
  switch (validation) {
    case 'config':
    case 'models':
    case 'package':
    case 'legacy-signature':
      return shape.hasVersionFile
        ? APPLIES
        : {
            applies: false,
            reason:
              "no Python package (datadog_checks/<name>/__about__.py): ddev selects only checks for this validation, so Datadog's CI does not run it here",
          };
    case 'imports':
    case 'eula':
    case 'integration-style':
    case 'readmes':
    case 'metadata':
      return shape.hasManifest
        ? APPLIES
        : { applies: false, reason: 'no manifest.json: ddev selects only integrations with a manifest' };
    case 'jmx-metrics':
      return shape.hasCode
        ? APPLIES
        : { applies: false, reason: 'no code in datadog_checks/: ddev selects only integrations whose code changed' };
    case 'lint':
      return shape.isTestable
        ? APPLIES
        : {
            applies: false,
            reason:
              "not testable (hatch.toml and tests/): Datadog's CI runs test-target.yml (ddev test --lint) only for testable checks",
          };
  }
}

export interface ValidationSet {
  integration: IntegrationValidation[];
  repository: RepositoryValidation[];
  /** Names a repository's .ddev/config.toml lists that this set does not run (reported, not guessed at). */
  unsupported: string[];
  source: string;
}

const KNOWN_INTEGRATION: readonly string[] = [...INTEGRATION_VALIDATIONS, 'eula'];
const KNOWN_REPOSITORY: readonly string[] = REPOSITORY_VALIDATIONS;

/**
 * The validations Datadog's CI runs for a repository kind: the extras set, plus `eula` on marketplace. A
 * repository that lists its own in `.ddev/config.toml` (`validations = [...]`, what `ddev validate all`
 * reads) gets that list.
 */
export function validationSet(repo: RepoName, configured: readonly string[] | undefined): ValidationSet {
  if (configured !== undefined) {
    return {
      integration: configured.filter((name) => KNOWN_INTEGRATION.includes(name)) as IntegrationValidation[],
      repository: configured.filter((name) => KNOWN_REPOSITORY.includes(name)) as RepositoryValidation[],
      unsupported: configured.filter((name) => !KNOWN_INTEGRATION.includes(name) && !KNOWN_REPOSITORY.includes(name)),
      source: 'the validations list of .ddev/config.toml',
    };
  }
  return {
    integration: repo === 'marketplace' ? [...INTEGRATION_VALIDATIONS, 'eula'] : [...INTEGRATION_VALIDATIONS],
    repository: [...REPOSITORY_VALIDATIONS],
    unsupported: [],
    source:
      repo === 'marketplace'
        ? "integrations-extras' set plus eula (marketplace)"
        : "integrations-extras' validate.yml set",
  };
}

/** What a repository-wide validation needs: a repository shaped like Datadog's. */
export interface RepositoryFacts {
  repo: RepoName;
  hasCodeowners: boolean;
  hasTestAllWorkflow: boolean;
}

export function repositoryValidationApplies(validation: RepositoryValidation, facts: RepositoryFacts): Applicability {
  if (facts.repo === 'core')
    return { applies: false, reason: 'integrations-core runs its own validate workflow, not the extras set' };
  if (validation === 'ci') {
    return facts.hasTestAllWorkflow
      ? APPLIES
      : {
          applies: false,
          reason:
            'the repository is not shaped like integrations-extras/marketplace (no .github/workflows/test-all.yml, the file `ddev validate ci` checks)',
        };
  }
  return facts.hasCodeowners
    ? APPLIES
    : {
        applies: false,
        reason:
          'the repository is not shaped like integrations-extras/marketplace (no .github/CODEOWNERS, the file `ddev validate codeowners` checks)',
      };
}

/** The ddev command line (after `ddev`) of one validation on one target; `sync` = ddev's own fixing form. */
export function validationArgs(validation: ValidationName, target: string | undefined): string[] {
  if (validation === 'lint') return ['test', '--lint', target ?? ''];
  return target === undefined ? ['validate', validation] : ['validate', validation, target];
}

/** ddev's syncing forms, in the order `aic fix` runs them. */
export const FIX_COMMANDS = [
  { name: 'config', args: (target: string) => ['validate', 'config', '--sync', target] },
  { name: 'models', args: (target: string) => ['validate', 'models', '--sync', target] },
  { name: 'format', args: (target: string) => ['test', '--fmt', target] },
] as const;
export type FixName = (typeof FIX_COMMANDS)[number]['name'];
