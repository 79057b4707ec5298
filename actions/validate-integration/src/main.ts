import { repoKind, resolveIntegrationsPath, selectFromInputs } from '@aic/repository';
import { markdown, readRunnerEnvironment, resolveRepoPath, UserError, type Reporter } from '@aic/runtime';
import { actionInputs, runAction } from '@aic/runtime/actions';
import { annotateValidations, fixIntegrations, runValidations, validationsSummary } from '@aic/steps/validations';
import { readActionInputs } from './inputs.js';

async function main(reporter: Reporter): Promise<void> {
  const runner = readRunnerEnvironment();
  const inputs = readActionInputs(actionInputs);
  const repoPath = resolveRepoPath(runner.workspace, inputs.repoPath);
  const { repo, reason } = await repoKind(
    inputs.repo,
    repoPath,
    resolveIntegrationsPath(inputs.integrationsPath, repoPath),
  );
  reporter.log(`ddev repository kind: ${repo} (${reason}).`);
  const { integrations } = await selectFromInputs(inputs, runner, reporter);
  reporter.setOutput('validated', JSON.stringify(integrations.map((i) => i.name)));

  const fixed: string[] = [];
  if (inputs.fix) {
    const results = await fixIntegrations({ repoPath, integrations, repo, temp: runner.temp, reporter });
    for (const result of results) {
      fixed.push(...result.changed);
      for (const command of result.ran.filter((c) => c.exitCode !== 0))
        reporter.annotate({
          level: 'warning',
          message: `${command.command} exited ${command.exitCode}: ${command.problem ?? ''}`,
        });
      for (const skipped of result.skipped)
        reporter.log(`${result.integration}: fix ${skipped.name} skipped: ${skipped.reason}.`);
      await reporter.group(`${result.integration}: what the fix changed`, async () => {
        reporter.log(result.diff === '' ? 'Nothing to change.' : result.diff);
      });
    }
    const diffs = results.filter((r) => r.diff !== '');
    await reporter.appendSummary(
      `## Fix (ddev's syncing forms)\n\n${
        diffs.length === 0
          ? 'Nothing to change.\n'
          : diffs
              .map((r) =>
                markdown.details(
                  `${r.integration}: ${r.changed.length} file(s) changed`,
                  markdown.codeBlock(r.diff, 'diff'),
                ),
              )
              .join('\n')
      }`,
    );
  }
  reporter.setOutput('fixed', JSON.stringify(fixed));
  // The committed code is what Datadog's CI judges: a file the fix had to change fails it there.
  for (const file of fixed)
    reporter.annotate({
      level: 'error',
      file,
      title: 'fix',
      message: "ddev's syncing forms changed this file: commit the change (the diff is in the job summary).",
    });

  const { runs, durationMs } = await runValidations({ repoPath, integrations, repo, temp: runner.temp, reporter });
  annotateValidations(reporter, runs);
  for (const run of runs.filter((r) => r.status === 'not-applicable'))
    reporter.log(`${run.integration ?? 'repository'}: ${run.validation} not applicable: ${run.reason ?? ''}.`);
  await reporter.appendSummary(validationsSummary(runs, durationMs));
  const failed = runs.filter((r) => r.status === 'failed');
  const errors = runs.flatMap((r) => r.findings).filter((f) => f.level === 'error').length;
  reporter.setOutput('failed', String(failed.length));
  reporter.setOutput('errors', String(errors));
  if (fixed.length > 0 && failed.length === 0) {
    throw new UserError(
      `The fix changed ${fixed.length} file(s) that Datadog's CI would reject as committed: ${fixed.join(', ')}.`,
      { hint: 'Commit the changes shown in the job summary (or run `aic fix` locally and commit).' },
    );
  }
  if (failed.length > 0) {
    throw new UserError(
      `Datadog validations: ${failed.map((r) => `${r.integration ? `${r.integration} ` : ''}${r.validation}`).join(', ')} failed (see the annotations on the files).`,
      { hint: 'Run `aic fix` (or this action with fix: true) for what ddev can sync and format itself.' },
    );
  }
}

await runAction({ main });
