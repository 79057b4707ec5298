import path from 'node:path';
import { selectFromInputs, withPythonPackage } from '@aic/repository';
import { readRunnerEnvironment, stopSignal, UserError, type Reporter } from '@aic/runtime';
import { actionInputs, runAction } from '@aic/runtime/actions';
import {
  datadogProjectName,
  dockerEngineAnswers,
  findComposeFiles,
  namedComposeFiles,
  runIntegrationTests,
  tearDown,
} from '@aic/steps/integration-tests';
import { readActionInputs } from './inputs.js';
import { report } from './report.js';

const COMPOSE_STATE = 'compose-files';
const PROJECTS_STATE = 'compose-projects';

async function main(reporter: Reporter): Promise<void> {
  const runner = readRunnerEnvironment();
  const inputs = readActionInputs(actionInputs);
  const { repoPath, integrations: selected } = await selectFromInputs(inputs, runner, reporter);
  const integrations = withPythonPackage(selected, reporter, 'tests');
  const composeFiles =
    inputs.composeFiles.length > 0
      ? namedComposeFiles(repoPath, inputs.composeFiles)
      : integrations.flatMap((integration) => findComposeFiles(integration.path));
  // Saved first, so that the post step tears down even when the tests crash or the job is cancelled (it also finds
  // every project our compose files made by their labels).
  reporter.saveState(COMPOSE_STATE, JSON.stringify(composeFiles));
  reporter.saveState(
    PROJECTS_STATE,
    JSON.stringify(integrations.map((integration) => datadogProjectName(integration.path, process.env))),
  );

  const run = await runIntegrationTests({
    repoPath,
    integrations,
    markers: inputs.markers,
    pytestArgs: inputs.pytestArgs,
    ddevArgs: inputs.ddevArgs,
    composeFiles,
    pull: inputs.pull,
    pullRetries: inputs.pullRetries,
    pullBaseDelayMs: 5_000,
    junit: inputs.junit,
    reportDir: path.join(runner.temp, 'agent-integration-ci', 'junit'),
    reporter,
  });
  // Stopped (a cancelled job): the stop handler said so and tears down; a half-run session has nothing to report.
  if (stopSignal()) return;

  await report(run, reporter);
  reporter.setOutput('passed', String(run.totals.passed));
  reporter.setOutput('failed', String(run.totals.failed));
  reporter.setOutput('skipped', String(run.totals.skipped));
  reporter.setOutput('errors', String(run.totals.errors));
  reporter.setOutput('junit-files', JSON.stringify(run.results.flatMap((r) => r.junitFiles)));
  reporter.setOutput('duration-seconds', (run.durationMs / 1000).toFixed(1));
  const failed = run.results.filter((r) => r.outcome === 'failed');
  const problems = [
    ...(run.pullProblem ? [`the pre-pull failed (${run.pullProblem})`] : []),
    ...(failed.length > 0
      ? [`tests failed: ${failed.map((r) => (r.reason ? `${r.integration} (${r.reason})` : r.integration)).join(', ')}`]
      : []),
  ];
  if (problems.length > 0) {
    const said = problems.join('; and ');
    throw new UserError(`${said[0]!.toUpperCase()}${said.slice(1)} — see the annotations and the job summary.`);
  }
}

/** Always runs (post-if: always()): tears down every compose project the tests may have left. */
async function post(reporter: Reporter): Promise<void> {
  const files = JSON.parse(reporter.getState(COMPOSE_STATE) || '[]') as string[];
  const projects = JSON.parse(reporter.getState(PROJECTS_STATE) || '[]') as string[];
  if (files.length === 0 || !(await dockerEngineAnswers())) return;
  await tearDown(files, reporter, { projects });
}

await runAction({ main, post, background: true });
