import path from 'node:path';
import { markdown, missingServiceNotice, readRunnerEnvironment, UserError, type Reporter } from '@aic/runtime';
import { actionInputs, runAction } from '@aic/runtime/actions';
import { buildWheel, resolveOutDir, type BuiltWheel } from '@aic/steps/build-wheel';
import { baseFromEvent, selectIntegrations } from '@aic/steps/integrations';
import { findPython } from '@aic/steps/setup-ddev';
import { readActionInputs } from './inputs.js';

async function main(reporter: Reporter): Promise<void> {
  const runner = readRunnerEnvironment();
  const inputs = readActionInputs(actionInputs, runner.eventName);
  const repoPath = path.resolve(runner.workspace, inputs.repoPath);
  const outDir = resolveOutDir(runner.workspace, inputs.outDir);
  const python = await findPython(inputs.python);
  const baseRef = inputs.baseRef || baseFromEvent(runner.eventPath);
  const integrations = await selectIntegrations(inputs.integrations, {
    repoPath,
    ...(baseRef ? { baseRef } : {}),
    reporter,
  });

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
    if (wheel.smoke && !wheel.smoke.ok) {
      errors++;
      reporter.annotate({
        level: 'error',
        message: `Smoke test of ${wheel.filename} failed: ${wheel.smoke.detail}`,
        title: `wheel ${wheel.filename}: smoke-test`,
      });
    }
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
      await uploadFiles(
        inputs.artifactName,
        wheels.map((w) => w.path),
        outDir,
      );
      reporter.log(`Uploaded ${wheels.length} wheel(s) as the artifact '${inputs.artifactName}'.`);
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
  for (const wheel of wheels)
    summary += markdown.details(
      `${wheel.filename}: ${wheel.files.length} files`,
      markdown.codeBlock(wheel.files.join('\n')),
    );
  await reporter.appendSummary(summary);
}

await runAction({ main });
