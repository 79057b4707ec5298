import path from 'node:path';
import { selectFromInputs } from '@aic/repository';
import { markdown, readRunnerEnvironment, UserError, type Reporter } from '@aic/runtime';
import { actionInputs, runAction } from '@aic/runtime/actions';
import { runRelease, type GitHubTarget } from '@aic/steps/release';
import { readActionInputs } from './inputs.js';

async function main(reporter: Reporter): Promise<void> {
  const runner = readRunnerEnvironment();
  const inputs = readActionInputs(actionInputs);
  const { repoPath, baseRef, integrations } = await selectFromInputs(inputs, runner, reporter);

  const repository = inputs.repository || runner.repository;
  let github: GitHubTarget | undefined;
  if (inputs.githubToken !== '') {
    if (repository === '')
      throw new UserError("Input 'repository' is empty and GITHUB_REPOSITORY is not set.", {
        hint: 'Set repository: owner/name.',
      });
    github = { token: inputs.githubToken, repository, apiUrl: runner.apiUrl };
  }

  const result = await runRelease({
    repoPath,
    integrations,
    baseRef,
    tagFormat: inputs.tagFormat,
    wheelsDir: inputs.wheels === '' ? undefined : path.resolve(runner.workspace, inputs.wheels),
    builtWheels: inputs.wheelHashes,
    remote: {
      name: inputs.remote,
      token: inputs.githubToken || undefined,
      serverUrl: process.env.GITHUB_SERVER_URL || 'https://github.com',
    },
    dryRun: inputs.dryRun,
    github,
    reporter,
  });

  reporter.setOutput('tags', JSON.stringify(result.released.map((release) => release.tag)));
  reporter.setOutput('releases', JSON.stringify(result.released));
  reporter.setOutput('skipped', JSON.stringify(result.skipped));

  let summary = `## Release${inputs.dryRun ? ' (dry run)' : ''}\n\n`;
  const rows = [
    ...(inputs.dryRun
      ? result.planned.map((release) => [release.integration, release.version, release.tag, 'would be released'])
      : result.released.map((release) => [
          release.integration,
          release.version,
          release.tag,
          `[released](${release.url})`,
        ])),
    ...result.skipped.map((skipped) => [skipped.integration, '', '', skipped.reason]),
  ];
  summary += rows.length === 0 ? 'Nothing to release.\n' : markdown.table(['integration', 'version', 'tag', ''], rows);
  await reporter.appendSummary(summary);
}

await runAction({ main });
