import type { LocatedIntegration } from '@aic/integration';
import type { SetupDdevResult } from '@aic/steps/setup-ddev';
import {
  annotateValidations,
  fixIntegrations,
  runRepositoryValidations,
  runValidations,
  type ValidationRun,
} from '@aic/steps/validations';
import type { Stage, StageOutcome } from './stages.js';

/** What these stages need from the ones before them (plan, setup ddev). */
export interface ValidationContext {
  repo: string;
  ddev: SetupDdevResult | undefined;
  /** This run's own temp folder. */
  temp: string;
}

const NO_DDEV: StageOutcome = { status: 'skipped', detail: 'ddev is not set up' };

/** One line for the table: what failed, what passed, what does not apply here and why. */
function outcomeOf(runs: readonly ValidationRun[]): StageOutcome {
  const failed = runs.filter((run) => run.status === 'failed').map((run) => run.validation);
  const passed = runs.filter((run) => run.status === 'passed').length;
  const notApplicable = runs.filter((run) => run.status === 'not-applicable');
  const reasons = [...new Set(notApplicable.map((run) => run.reason))];
  const parts = [
    failed.length > 0 ? `failed: ${failed.join(', ')}` : '',
    `${passed} passed`,
    notApplicable.length > 0
      ? `not applicable: ${notApplicable.map((run) => run.validation).join(', ')} (${reasons.join('; ')})`
      : '',
  ].filter(Boolean);
  if (passed === 0 && failed.length === 0) return { status: 'skipped', detail: parts.slice(1).join('; ') };
  return { status: failed.length > 0 ? 'failed' : 'passed', detail: parts.join('; ') };
}

/** `aic validate`: Datadog's validations and `ddev test --lint` on one integration. */
export function validationStage(context: ValidationContext, integration: LocatedIntegration): Stage {
  return {
    step: 'validations',
    integration: integration.name,
    async run(reporter) {
      if (!context.ddev) return NO_DDEV;
      const { runs } = await runValidations({
        repoPath: context.repo,
        integrations: [integration],
        repo: context.ddev.repo,
        temp: context.temp,
        reporter,
        repositoryWide: false,
      });
      annotateValidations(reporter, runs);
      return outcomeOf(runs);
    },
  };
}

/** `aic validate`: ci and codeowners, once, where the repository is shaped like Datadog's. */
export function repositoryValidationStage(context: ValidationContext): Stage {
  return {
    step: 'repository validations',
    async run(reporter) {
      if (!context.ddev) return NO_DDEV;
      const runs = await runRepositoryValidations({
        repoPath: context.repo,
        repo: context.ddev.repo,
        temp: context.temp,
        reporter,
      });
      annotateValidations(reporter, runs);
      return outcomeOf(runs);
    },
  };
}

/** `aic fix`: ddev's syncing forms on one integration; the diff goes to the stage's log. */
export function fixStage(context: ValidationContext, integration: LocatedIntegration): Stage {
  return {
    step: 'fix',
    integration: integration.name,
    async run(reporter) {
      if (!context.ddev) return NO_DDEV;
      const [result] = await fixIntegrations({
        repoPath: context.repo,
        integrations: [integration],
        repo: context.ddev.repo,
        temp: context.temp,
        reporter,
      });
      if (!result) return { status: 'skipped', detail: 'nothing to fix' };
      reporter.log(result.diff === '' ? 'The fix changed nothing.' : `What the fix changed:\n${result.diff}`);
      const failed = result.ran.filter((command) => command.exitCode !== 0);
      for (const command of failed)
        reporter.annotate({
          level: 'error',
          message: `${command.command} exited ${command.exitCode}: ${command.problem ?? ''}`,
        });
      const skipped = result.skipped.map((step) => `${step.name} skipped: ${step.reason}`);
      const changed =
        result.changed.length === 0
          ? 'nothing to change'
          : `changed ${result.changed.join(', ')} (the diff: ${reporter.logFile}; or git diff)`;
      return { status: failed.length > 0 ? 'failed' : 'passed', detail: [changed, ...skipped].join('; ') };
    },
  };
}
