import {
  markdown,
  notice,
  readRunnerEnvironment,
  resolveRepoPath,
  UserError,
  warning,
  type Reporter,
} from '@aic/runtime';
import { actionInputs, runAction } from '@aic/runtime/actions';
import { baseFromEvent, resolveIntegrationsPath } from '@aic/steps/integrations';
import { matrixOf, planRun } from '@aic/steps/plan';
import { readActionInputs } from './inputs.js';

/** GitHub refuses a matrix with more legs than this. */
const MAX_MATRIX_LEGS = 256;

async function main(reporter: Reporter): Promise<void> {
  const runner = readRunnerEnvironment();
  const inputs = readActionInputs(actionInputs);
  const repoPath = resolveRepoPath(runner.workspace, inputs.repoPath);
  const baseRef = inputs.baseRef || baseFromEvent(runner.eventPath);
  const within = resolveIntegrationsPath(inputs.integrationsPath, repoPath);
  const spec = inputs.integrations ?? (baseRef ? { kind: 'changed' as const } : { kind: 'all' as const });

  let run;
  try {
    run = await planRun({ repoPath, spec, baseRef, headRef: inputs.headRef, within });
  } catch (error) {
    // A force-push's previous commit may be gone from the remote: check everything rather than fail.
    const fromPushEvent = Boolean(baseRef) && !inputs.baseRef && runner.eventName === 'push' && !inputs.integrations;
    const aboutBase =
      error instanceof UserError &&
      (error.message.includes("'base-ref'") || error.message.startsWith('No common ancestor'));
    if (!fromPushEvent || !aboutBase) throw error;
    notice(
      reporter,
      `The push's previous commit cannot be compared with (${error.message}); checking all integrations.`,
    );
    run = await planRun({ repoPath, spec: { kind: 'all' }, headRef: inputs.headRef, within });
  }
  if (run.allBecause) reporter.log(`All integrations selected: ${run.allBecause}.`);
  if (run.mergeBase)
    reporter.log(
      `Compared ${run.mergeBase.slice(0, 12)}..${run.head.slice(0, 12)}: ${run.changedFiles} changed files.`,
    );
  for (const leg of run.legs) reporter.log(`${leg.integration}: ${leg.reason}`);
  if (run.legs.length > MAX_MATRIX_LEGS) {
    warning(
      reporter,
      `${run.legs.length} integrations selected; a GitHub matrix runs at most ${MAX_MATRIX_LEGS} legs. Split the run with the 'integrations' input.`,
    );
  }

  reporter.setOutput('matrix', JSON.stringify(matrixOf(run.legs)));
  reporter.setOutput('integrations', JSON.stringify(run.legs.map((leg) => leg.integration)));
  reporter.setOutput('names', run.legs.map((leg) => leg.integration).join(','));
  reporter.setOutput(
    'functional',
    JSON.stringify(run.legs.filter((leg) => leg.functional).map((leg) => leg.integration)),
  );
  reporter.setOutput('count', String(run.legs.length));
  reporter.setOutput('all', String(run.selection === 'all'));

  let summary = `## Plan\n\n`;
  summary +=
    run.legs.length === 0
      ? 'No integration changed.\n'
      : markdown.table(
          ['integration', 'change', 'why'],
          run.legs.map((leg) => [
            leg.integration,
            leg.functional ? 'functional' : leg['docs-only'] ? 'docs only' : 'tests only',
            leg.reason,
          ]),
        );
  await reporter.appendSummary(summary);
}

await runAction({ main });
