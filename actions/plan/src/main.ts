import { changeKind, matrixLegs, matrixOf, selectFromInputs } from '@aic/repository';
import { markdown, readRunnerEnvironment, warning, type Reporter } from '@aic/runtime';
import { actionInputs, runAction } from '@aic/runtime/actions';
import { readActionInputs } from './inputs.js';

/** GitHub refuses a matrix with more legs than this. */
const MAX_MATRIX_LEGS = 256;

async function main(reporter: Reporter): Promise<void> {
  const runner = readRunnerEnvironment();
  const inputs = readActionInputs(actionInputs);
  // At the head commit: what each matrix leg will check out, whatever else the working tree holds.
  const run = await selectFromInputs(inputs, runner, reporter, { source: 'head', headRef: inputs.headRef });
  if (run.mergeBase)
    reporter.log(
      `Compared ${run.mergeBase.slice(0, 12)}..${run.head!.slice(0, 12)}: ${run.changedFiles} changed files.`,
    );
  for (const integration of run.integrations) reporter.log(`${integration.name}: ${integration.reason}`);
  if (run.integrations.length > MAX_MATRIX_LEGS) {
    warning(
      reporter,
      `${run.integrations.length} integrations selected; a GitHub matrix runs at most ${MAX_MATRIX_LEGS} legs. Split the run with the 'integrations' input.`,
    );
  }

  const names = run.integrations.map((integration) => integration.name);
  reporter.setOutput('matrix', JSON.stringify(matrixOf(matrixLegs(run.integrations))));
  reporter.setOutput('integrations', JSON.stringify(names));
  reporter.setOutput('names', names.join(','));
  reporter.setOutput(
    'functional',
    JSON.stringify(
      run.integrations.filter((integration) => integration.functional).map((integration) => integration.name),
    ),
  );
  reporter.setOutput('count', String(names.length));
  reporter.setOutput('all', String(run.selection === 'all'));

  let summary = `## Plan\n\n`;
  summary +=
    run.integrations.length === 0
      ? 'No integration changed.\n'
      : markdown.table(
          ['integration', 'change', 'why'],
          run.integrations.map((integration) => [integration.name, changeKind(integration), integration.reason]),
        );
  await reporter.appendSummary(summary);
}

await runAction({ main });
