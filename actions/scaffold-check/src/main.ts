import { existsSync } from 'node:fs';
import path from 'node:path';
import { resolveIntegrationsPath, selectFromInputs } from '@aic/repository';
import {
  annotateFindings,
  countFindings,
  findPython,
  markdown,
  readRunnerEnvironment,
  resolveRepoPath,
  UserError,
  type Reporter,
} from '@aic/runtime';
import { actionInputs, runAction } from '@aic/runtime/actions';
import { createIntegration, scaffoldCheck } from '@aic/steps/scaffold-check';
import { readActionInputs } from './inputs.js';

async function main(reporter: Reporter): Promise<void> {
  const runner = readRunnerEnvironment();
  const inputs = readActionInputs(actionInputs);
  const repoPath = resolveRepoPath(runner.workspace, inputs.repoPath);
  const within = resolveIntegrationsPath(inputs.integrationsPath, repoPath);
  const python = await findPython(inputs.python);
  const created: string[] = [];
  if (inputs.create) {
    if (inputs.integrations?.kind !== 'names')
      throw new UserError("Input 'create': name the integrations to create in 'integrations'.");
    for (const name of inputs.integrations.names) {
      if (existsSync(path.join(repoPath, within, name))) continue;
      await createIntegration({ repoPath: path.join(repoPath, within), name, template: inputs.template, reporter });
      created.push(name);
    }
  }
  reporter.setOutput('created', JSON.stringify(created));
  const { integrations, baseRef } = await selectFromInputs(inputs, runner, reporter);
  const results = await scaffoldCheck({
    repoPath,
    integrations,
    strict: inputs.strict === 'auto' ? 'auto' : inputs.strict === 'true',
    baseRef,
    python: python.path,
    temp: runner.temp,
    reporter,
  });

  const skipped = results.filter((r) => r.skipped);
  if (skipped.length > 0) {
    reporter.annotate({
      level: 'notice',
      message: `Skipped ${skipped.length} integration(s) without an Agent check (tile-only or logs-only: no datadog_checks/ folder): ${skipped.map((r) => r.integration).join(', ')}.`,
    });
  }
  const rows: string[][] = [];
  for (const result of results) {
    if (result.skipped) continue;
    const { errors, warnings } = await reporter.group(`Scaffold check: ${result.integration}`, async () => {
      const counts = annotateFindings(reporter, result.findings, 'scaffold check');
      reporter.log(
        `${result.integration}: ${result.findings.length === 0 ? 'no finding' : `${result.findings.length} finding(s)`}${result.strict ? ' (strict: new integration)' : ''}.`,
      );
      return counts;
    });
    rows.push([
      errors > 0 ? '✗' : '✓',
      result.integration,
      String(errors),
      String(warnings),
      result.strict ? 'yes' : 'no',
    ]);
  }
  await reporter.appendSummary(
    `## Scaffold check\n\n${markdown.table(['', 'integration', 'errors', 'warnings', 'strict'], rows)}`,
  );

  const { errors, warnings } = countFindings(results.flatMap((r) => r.findings));
  reporter.setOutput('checked', JSON.stringify(results.filter((r) => !r.skipped).map((r) => r.integration)));
  reporter.setOutput('errors', String(errors));
  reporter.setOutput('warnings', String(warnings));
  if (errors > 0 || (inputs.failOn === 'warning' && warnings > 0)) {
    throw new UserError(
      `Scaffold check: ${errors} error(s), ${warnings} warning(s) (see the annotations on the files).`,
    );
  }
}

await runAction({ main });
