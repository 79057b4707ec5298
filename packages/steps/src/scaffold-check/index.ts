import { existsSync } from 'node:fs';
import path from 'node:path';
import { mergeBase, showAt } from '@aic/git';
import { evaluateRules, type LocatedIntegration, type PythonFileFacts, type RuleFinding } from '@aic/integration';
import { lastLines, relativeTo, runProcess, UserError, type Reporter } from '@aic/runtime';
import { materializePythonScript } from '../python-script.js';
import { gatherFacts } from './gather.js';

export { createIntegration, TEMPLATES, type Template } from './create.js';

export interface ScaffoldFinding extends RuleFinding {
  /** Relative to the repository root. */
  file: string;
}

export interface ScaffoldResult {
  integration: string;
  skipped: string | undefined;
  strict: boolean;
  findings: ScaffoldFinding[];
}

export interface ScaffoldOptions {
  repoPath: string;
  integrations: LocatedIntegration[];
  strict: 'auto' | boolean;
  baseRef: string | undefined;
  python: string;
  temp: string;
  reporter: Reporter;
}

/** Runs the ast helper once over every integration (one Python process, whatever their number). */
async function pythonFacts(
  options: ScaffoldOptions,
  folders: string[],
): Promise<Record<string, { files: Record<string, PythonFileFacts> }>> {
  if (folders.length === 0) return {};
  const script = materializePythonScript(
    'inspect_integration.py',
    path.join(options.temp, 'agent-integration-ci', 'python'),
  );
  const result = await runProcess(options.python, [script, ...folders], {
    timeoutMs: 600_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.exitCode !== 0) {
    throw new UserError(
      `The Python ast helper failed with ${options.python}: ${lastLines(result.stderr, 3).join(' ')}`,
      { hint: 'Check the python input: it must be a Python 3 interpreter.' },
    );
  }
  return JSON.parse(result.stdout) as Record<string, { files: Record<string, PythonFileFacts> }>;
}

/** `strict: auto` → strict for an integration that does not exist at the merge base. */
async function isNew(
  options: ScaffoldOptions,
  integration: LocatedIntegration,
  base: string | undefined,
): Promise<boolean> {
  if (!base) return false;
  const marker = integration.folder === '' ? 'pyproject.toml' : `${integration.folder}/pyproject.toml`;
  const folderMarker =
    integration.folder === ''
      ? `datadog_checks/${integration.name}/__init__.py`
      : `${integration.folder}/datadog_checks/${integration.name}/__init__.py`;
  return (
    (await showAt(options.repoPath, base, marker)) === undefined &&
    (await showAt(options.repoPath, base, folderMarker)) === undefined
  );
}

export async function scaffoldCheck(options: ScaffoldOptions): Promise<ScaffoldResult[]> {
  const withCheck = options.integrations.filter((integration) =>
    existsSync(path.join(integration.path, 'datadog_checks')),
  );
  const facts = await pythonFacts(
    options,
    withCheck.map((integration) => integration.path),
  );
  const base =
    options.strict === 'auto' && options.baseRef ? await mergeBase(options.repoPath, options.baseRef) : undefined;
  const results: ScaffoldResult[] = [];
  for (const integration of options.integrations) {
    if (!withCheck.includes(integration)) {
      results.push({
        integration: integration.name,
        skipped: 'no datadog_checks/ folder: a tile-only or logs-only integration, no Agent check to inspect',
        strict: false,
        findings: [],
      });
      continue;
    }
    const strict = options.strict === 'auto' ? await isNew(options, integration, base) : options.strict;
    const shown = (file: string) => relativeTo(options.repoPath, path.join(integration.path, file));
    const gathered = gatherFacts(integration, facts[integration.path]?.files ?? {}, shown);
    const findings = evaluateRules(gathered, strict).map((finding) => ({ ...finding, file: shown(finding.file) }));
    results.push({ integration: integration.name, skipped: undefined, strict, findings });
  }
  return results;
}
