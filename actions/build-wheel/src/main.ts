import path from 'node:path';
import {
  markdown,
  missingServiceNotice,
  readRunnerEnvironment,
  resolveRepoPath,
  UserError,
  type Reporter,
} from '@aic/runtime';
import { actionInputs, runAction } from '@aic/runtime/actions';
import { buildWheel, resolveOutDir, type BuiltWheel } from '@aic/steps/build-wheel';
import { baseFromEvent, resolveIntegrationsPath, selectIntegrations, withPythonPackage } from '@aic/steps/integrations';
import { findPython } from '@aic/steps/setup-ddev';
import { readActionInputs } from './inputs.js';

const SAVE_KEY = 'agent-env-cache-key';
const SAVE_PATHS = 'agent-env-cache-paths';

async function main(reporter: Reporter): Promise<void> {
  const runner = readRunnerEnvironment();
  const inputs = readActionInputs(actionInputs, runner.eventName);
  const repoPath = resolveRepoPath(runner.workspace, inputs.repoPath);
  const outDir = resolveOutDir(runner.workspace, inputs.outDir);
  const python = await findPython(inputs.python);
  const baseRef = inputs.baseRef || baseFromEvent(runner.eventPath);
  const selected = await selectIntegrations(inputs.integrations, {
    repoPath,
    within: resolveIntegrationsPath(inputs.integrationsPath, repoPath),
    ...(baseRef ? { baseRef } : {}),
    reporter,
  });
  const integrations = withPythonPackage(selected, reporter, 'wheel');

  const wheels: BuiltWheel[] = [];
  for (const integration of integrations) {
    wheels.push(
      await buildWheel({
        repoPath,
        workspace: runner.workspace,
        integration,
        builder: inputs.builder,
        outDir,
        python: python.path,
        smokeTest: inputs.smokeTest,
        agentRequirements: inputs.agentRequirements,
        ...(runner.cacheService
          ? {
              restoreFromActionsCache: async (paths: string[], key: string) =>
                (await import('@aic/runtime/services/actions-cache')).restoreExact(paths, key),
            }
          : {}),
        temp: runner.temp,
        toolCache: runner.toolCache,
        reporter,
      }),
    );
  }
  let errors = 0;
  for (const wheel of wheels) {
    const file = path.relative(runner.workspace, wheel.path);
    for (const finding of wheel.findings) {
      if (finding.level === 'error') errors++;
      reporter.annotate({
        level: finding.level,
        message: finding.message,
        title: `wheel ${wheel.filename}: ${finding.rule}`,
        file,
      });
    }
    const sourceDir = path.relative(
      runner.workspace,
      integrations.find((i) => i.name === wheel.integration)?.path ?? runner.workspace,
    );
    for (const finding of wheel.smoke?.findings ?? []) {
      if (finding.level === 'error') errors++;
      reporter.annotate({
        level: finding.level,
        message: finding.message,
        title: `wheel ${wheel.filename}: smoke test ${finding.rule}`,
        // Python names the file inside the wheel (datadog_checks/<name>/…): the same path under the integration.
        ...(finding.file
          ? { file: path.join(sourceDir, finding.file), ...(finding.line ? { line: finding.line } : {}) }
          : {}),
      });
    }
  }
  const set = wheels.find((w) => w.smoke)?.smoke?.agentSet;
  if (set && !set.reused && runner.cacheService) {
    reporter.saveState(SAVE_KEY, set.cache.key);
    reporter.saveState(SAVE_PATHS, JSON.stringify(set.cache.paths));
  }
  await summarise(wheels, reporter);
  const listed = wheels.map(({ integration, path: wheelPath, filename, version, sha256 }) => ({
    integration,
    path: wheelPath,
    filename,
    version,
    sha256,
  }));
  reporter.setOutput('wheels', JSON.stringify(listed));
  reporter.setOutput('wheel-path', wheels.length === 1 ? wheels[0]!.path : '');

  if (inputs.upload && wheels.length > 0) {
    if (!runner.artifactService) {
      reporter.annotate({
        level: 'notice',
        message: missingServiceNotice('artifact', 'the wheels stay in ' + path.relative(runner.workspace, outDir)),
      });
    } else {
      const { uploadFiles } = await import('@aic/runtime/services/artifact');
      const outcome = await uploadFiles(
        inputs.artifactName,
        wheels.map((w) => w.path),
        outDir,
      );
      if (outcome.uploaded)
        reporter.log(`Uploaded ${wheels.length} wheel(s) as the artifact '${inputs.artifactName}'.`);
      else
        reporter.annotate({
          level: 'warning',
          message: `${outcome.reason}; the wheels stay in ${path.relative(runner.workspace, outDir)}.`,
        });
    }
  }
  if (errors > 0)
    throw new UserError(
      `Wheels: ${errors} problem${errors === 1 ? '' : 's'} (see the annotations and the job summary).`,
    );
}

async function summarise(wheels: readonly BuiltWheel[], reporter: Reporter): Promise<void> {
  let summary = '## Wheels\n\n';
  summary += markdown.table(
    ['', 'wheel', 'version', 'size', 'sha256', 'smoke test'],
    wheels.map((w) => [
      w.findings.some((f) => f.level === 'error') || w.smoke?.ok === false ? '✗' : '✓',
      w.filename,
      w.version,
      `${(w.size / 1024).toFixed(1)} KiB`,
      `\`${w.sha256}\``,
      w.smoke ? `${w.smoke.ok ? '✓' : '✗'} ${w.smoke.detail} (${(w.smoke.durationMs / 1000).toFixed(1)} s)` : 'off',
    ]),
  );
  const set = wheels.find((w) => w.smoke)?.smoke?.agentSet;
  if (set) {
    summary += `\nAgent package set: ${set.source}${set.complete ? '' : ' (PyPI only: not every package the Agent ships; imports it lacks are warnings)'}, ${set.reused ? 'reused from the cache' : 'built for this run'} (${(set.durationMs / 1000).toFixed(1)} s).`;
    if (set.notInstalled.length > 0)
      summary += ` Not installed here (no wheel for this platform, or its build failed): ${set.notInstalled.join(', ')}.`;
    summary += '\n';
  }
  for (const wheel of wheels)
    summary += markdown.details(
      `${wheel.filename}: ${wheel.files.length} files`,
      markdown.codeBlock(wheel.files.join('\n')),
    );
  await reporter.appendSummary(summary);
}

/** Saves the Agent package set's environment this job built, so that the next job restores it. */
async function post(reporter: Reporter): Promise<void> {
  const key = reporter.getState(SAVE_KEY);
  if (!key) return;
  const paths = JSON.parse(reporter.getState(SAVE_PATHS)) as string[];
  const { save } = await import('@aic/runtime/services/actions-cache');
  await save(paths, key);
  reporter.log(`Saved the Agent package set's environment to the actions cache under ${key}.`);
}

await runAction({ main, post });
