import path from 'node:path';
import { selectFromInputs, withPythonPackage } from '@aic/repository';
import {
  annotateFindings,
  findPython,
  markdown,
  missingServiceNotice,
  readRunnerEnvironment,
  UserError,
  type Reporter,
} from '@aic/runtime';
import { actionInputs, deferToCollect, isWorker, runAction, saveCacheInPost } from '@aic/runtime/actions';
import { buildWheel, resolveOutDir, type BuiltWheel } from '@aic/steps/build-wheel';
import { readActionInputs } from './inputs.js';

const AGENT_ENV_CACHE = saveCacheInPost('agent-env', "the Agent package set's environment");

async function main(reporter: Reporter): Promise<void> {
  const runner = readRunnerEnvironment();
  const inputs = readActionInputs(actionInputs);
  const outDir = resolveOutDir(runner.workspace, inputs.outDir);
  const python = await findPython(inputs.python);
  const { repoPath, integrations: selected } = await selectFromInputs(inputs, runner, reporter);
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
    errors += annotateFindings(reporter, wheel.findings, `wheel ${wheel.filename}`).errors;
    errors += annotateFindings(reporter, wheel.smoke?.findings ?? [], `wheel ${wheel.filename}: smoke test`).errors;
  }
  const set = wheels.find((w) => w.smoke)?.smoke?.agentSet;
  if (set && !set.reused && runner.cacheService) AGENT_ENV_CACHE.saveLater(reporter, set.cache);
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
    const upload: Upload = { name: inputs.artifactName, files: wheels.map((w) => w.path), outDir };
    // Started in the background (background: start), the wheels are uploaded by the step that reports them.
    if (isWorker()) deferToCollect(upload);
    else await uploadWheels(upload, reporter);
  }
  if (errors > 0)
    throw new UserError(
      `Wheels: ${errors} problem${errors === 1 ? '' : 's'} (see the annotations and the job summary).`,
    );
}

interface Upload {
  name: string;
  files: string[];
  outDir: string;
}

async function uploadWheels(upload: Upload, reporter: Reporter): Promise<void> {
  const runner = readRunnerEnvironment();
  const kept = path.relative(runner.workspace, upload.outDir);
  if (!runner.artifactService) {
    reporter.annotate({ level: 'notice', message: missingServiceNotice('artifact', `the wheels stay in ${kept}`) });
    return;
  }
  const { uploadFiles } = await import('@aic/runtime/services/artifact');
  const outcome = await uploadFiles(upload.name, upload.files, upload.outDir);
  if (outcome.uploaded) reporter.log(`Uploaded ${upload.files.length} wheel(s) as the artifact '${upload.name}'.`);
  else reporter.annotate({ level: 'warning', message: `${outcome.reason}; the wheels stay in ${kept}.` });
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

await runAction({
  main,
  post: AGENT_ENV_CACHE.post,
  background: true,
  collected: (reporter, deferred) => uploadWheels(deferred as Upload, reporter),
});
