import { resolveIntegrationsPath } from '@aic/repository';
import { markdown, missingServiceNotice, readRunnerEnvironment, resolveRepoPath, type Reporter } from '@aic/runtime';
import { actionInputs, runAction, saveCacheInPost } from '@aic/runtime/actions';
import { setupDdev, stopDdevServer } from '@aic/steps/setup-ddev';
import { readActionInputs } from './inputs.js';

const DDEV_CACHE = saveCacheInPost('ddev', 'ddev');
const SERVER_STATE = 'ddev-server';

async function main(reporter: Reporter): Promise<void> {
  const inputs = readActionInputs(actionInputs);
  const runner = readRunnerEnvironment();
  const repoPath = resolveRepoPath(runner.workspace, inputs.repoPath);
  const useActionsCache = inputs.cache && runner.cacheService;
  if (inputs.cache && !runner.cacheService) {
    reporter.annotate({ level: 'notice', message: missingServiceNotice('cache', 'using the tool cache only') });
  }
  const result = await setupDdev({
    version: inputs.ddevVersion,
    python: inputs.python,
    installer: inputs.installer,
    repo: inputs.repo,
    repoPath,
    within: resolveIntegrationsPath(inputs.integrationsPath, repoPath),
    toolCache: runner.toolCache,
    temp: runner.temp,
    os: runner.os,
    arch: runner.arch,
    ...(useActionsCache
      ? {
          restoreFromActionsCache: async (paths, key) =>
            (await import('@aic/runtime/services/actions-cache')).restoreExact(paths, key),
        }
      : {}),
    server: true,
    reporter,
  });

  reporter.addPath(result.binDir);
  if (result.server) {
    // Added last, so first on PATH: the later steps' `ddev` goes to the warm ddev (the real one when it cannot).
    reporter.addPath(result.server.binDir);
    reporter.saveState(SERVER_STATE, result.server.dir);
    reporter.log(`A warm ddev for the later steps is importing in the background (${result.server.dir}).`);
  }
  for (const [name, value] of Object.entries(result.env)) reporter.exportVariable(name, value);
  if (useActionsCache && result.cacheHit === 'false') DDEV_CACHE.saveLater(reporter, result.cache);
  reporter.setOutput('ddev-version', result.ddevVersion);
  reporter.setOutput('ddev-path', result.ddevPath);
  reporter.setOutput('python-path', result.pythonPath);
  reporter.setOutput('cache-hit', result.cacheHit);
  reporter.setOutput('repo', result.repo);
  reporter.setOutput('config-path', result.configPath);
  reporter.log(
    `ddev ${result.ddevVersion} ready (${result.cacheHit === 'false' ? 'installed' : `from the ${result.cacheHit}`}); repo ${result.repo}: ${result.repoReason}.`,
  );
  await reporter.appendSummary(
    `## ddev\n\n${markdown.table(
      ['ddev', 'python', 'installer', 'cache', 'repo'],
      [
        [
          result.versionReport,
          `${result.pythonVersion} (${result.pythonPath})`,
          inputs.installer,
          result.cacheHit,
          `${result.repo}: ${result.repoReason}`,
        ],
      ],
    )}`,
  );
}

/** After the job's steps: the warm ddev stops (left running, it would stop on its own once idle). */
async function post(reporter: Reporter): Promise<void> {
  const server = reporter.getState(SERVER_STATE);
  if (server) stopDdevServer(server);
  await DDEV_CACHE.post(reporter);
}

await runAction({ main, post });
