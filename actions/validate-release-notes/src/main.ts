import path from 'node:path';
import { baseFromEvent, selectFromInputs } from '@aic/repository';
import { countFindings, readRunnerEnvironment, resolveRepoPath, UserError, type Reporter } from '@aic/runtime';
import { actionInputs, runAction } from '@aic/runtime/actions';
import { checkPullRequest, lintChangelogFile, type ReleaseNotesResult } from '@aic/steps/release-notes';
import { readActionInputs } from './inputs.js';
import { report } from './report.js';

async function main(reporter: Reporter): Promise<void> {
  const runner = readRunnerEnvironment();
  const inputs = readActionInputs(actionInputs);
  const repoPath = resolveRepoPath(runner.workspace, inputs.repoPath);
  const baseRef = inputs.baseRef || baseFromEvent(runner.eventPath);
  const mode = inputs.mode === 'auto' ? (baseRef ? 'pr' : 'lint') : inputs.mode;

  const results: ReleaseNotesResult[] = [];
  if (inputs.changelog !== '') {
    if (mode !== 'lint') throw new UserError("Input 'changelog' lints one file: use it with `mode: lint`.");
    results.push(lintChangelogFile(repoPath, path.resolve(repoPath, inputs.changelog), inputs.today));
  } else {
    if (mode === 'pr' && !baseRef) {
      throw new UserError("Input 'base-ref': `mode: pr` needs a base commit.", {
        hint: 'Run on pull_request events (the base comes from the event) or set base-ref.',
      });
    }
    const { integrations } = await selectFromInputs(inputs, runner, reporter);
    for (const integration of integrations) {
      const result = await reporter.group(`Release notes: ${integration.name}`, async () => {
        const found =
          mode === 'pr'
            ? await checkPullRequest({ repoPath, integration, baseRef: baseRef!, today: inputs.today })
            : lintChangelogFile(repoPath, path.join(integration.path, 'CHANGELOG.md'), inputs.today);
        reporter.log(found.decision);
        return found;
      });
      results.push(result);
    }
  }

  await report(results, reporter);
  const first = results[0];
  const { errors, warnings } = countFindings(results.flatMap((r) => r.findings));
  reporter.setOutput('version', first?.version ?? '');
  reporter.setOutput('previous-version', first?.previousVersion ?? '');
  reporter.setOutput('bump-required', String(results.some((r) => r.bumpRequired)));
  reporter.setOutput('bump-kind', first?.bumpKind ?? 'none');
  reporter.setOutput('notes', first?.notes ?? '');
  reporter.setOutput('errors', String(errors));
  reporter.setOutput('warnings', String(warnings));
  if (errors > 0) {
    throw new UserError(
      `Release notes: ${errors} error${errors === 1 ? '' : 's'} (see the annotations and the job summary).`,
    );
  }
}

await runAction({ main });
