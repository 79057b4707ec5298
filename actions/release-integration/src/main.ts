import path from 'node:path';
import { markdown, readRunnerEnvironment, resolveRepoPath, UserError, type Reporter } from '@aic/runtime';
import { actionInputs, runAction } from '@aic/runtime/actions';
import { baseFromEvent, resolveIntegrationsPath, selectIntegrations } from '@aic/steps/integrations';
import { runRelease, type GitHubTarget } from '@aic/steps/release';
import { readActionInputs } from './inputs.js';

async function main(reporter: Reporter): Promise<void> {
  const runner = readRunnerEnvironment();
  const inputs = readActionInputs(actionInputs);
  const repoPath = resolveRepoPath(runner.workspace, inputs.repoPath);
  const baseRef = inputs.baseRef || baseFromEvent(runner.eventPath);
  const spec = inputs.integrations ?? (baseRef ? { kind: 'changed' as const } : { kind: 'all' as const });
  const within = resolveIntegrationsPath(inputs.integrationsPath, repoPath);
  const integrations = await selectIntegrations(spec, { repoPath, within, ...(baseRef ? { baseRef } : {}), reporter });

  const repository = inputs.repository || process.env.GITHUB_REPOSITORY || '';
  let github: GitHubTarget | undefined;
  if (inputs.githubToken !== '') {
    if (repository === '')
      throw new UserError("Input 'repository' is empty and GITHUB_REPOSITORY is not set.", {
        hint: 'Set repository: owner/name.',
      });
    github = { token: inputs.githubToken, repository, apiUrl: process.env.GITHUB_API_URL || 'https://api.github.com' };
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
