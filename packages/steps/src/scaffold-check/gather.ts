import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import {
  paths,
  readUntrustedYaml,
  tomlKeyLine,
  type IntegrationFacts,
  type LocatedIntegration,
  type Problem,
  type PythonFileFacts,
} from '@aic/integration';
import { kindWithin, readUserTextFile, UserError, walkFiles } from '@aic/runtime';

function readToml(file: string, shown: string): { value?: Record<string, unknown>; text?: string; error?: Problem } {
  try {
    const text = readUserTextFile(file, shown, 'TOML file');
    return { value: parseToml(text) as Record<string, unknown>, text };
  } catch (error) {
    if (error instanceof UserError) return { error: { message: error.message } };
    const line = (error as { line?: number }).line;
    return { error: { message: (error as Error).message.split('\n')[0]!, ...(line ? { line } : {}) } };
  }
}

const get = (value: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>(
    (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
    value,
  );

function readConfExample(file: string, shown: string): IntegrationFacts['confExample'] {
  if (!existsSync(file)) return { exists: false, hasInitConfig: false, isJmx: false };
  let text: string;
  try {
    text = readUserTextFile(file, shown, 'example configuration');
  } catch (error) {
    return { exists: true, error: { message: (error as Error).message }, hasInitConfig: false, isJmx: false };
  }
  const read = readUntrustedYaml(text);
  if (!read.ok)
    return {
      exists: true,
      error: { message: read.problem, ...(read.line === undefined ? {} : { line: read.line }) },
      hasInitConfig: false,
      isJmx: false,
    };
  const { document, lines: counter } = read;
  const data = read.data as Record<string, unknown> | null;
  const node =
    document.contents && 'items' in document.contents
      ? (document.contents.items as { key: { value?: unknown; range?: number[] } }[]).find(
          (item) => item.key?.value === 'instances',
        )
      : undefined;
  return {
    exists: true,
    instances: data?.instances,
    ...(node?.key.range ? { instancesLine: counter.linePos(node.key.range[0]!).line } : {}),
    hasInitConfig: data !== null && typeof data === 'object' && 'init_config' in data,
    isJmx: (data?.init_config as { is_jmx?: unknown } | null | undefined)?.is_jmx === true,
  };
}

/** Reads what the rules need from one integration folder; Python facts come from the ast helper. */
export function gatherFacts(
  integration: LocatedIntegration,
  python: Record<string, PythonFileFacts>,
  repoShown: (file: string) => string,
): IntegrationFacts {
  const folder = integration.path;
  const name = integration.name;
  const datadogChecks = path.join(folder, 'datadog_checks');
  // A dangling link, a loop or a link out of the integration is no package folder.
  const entries = existsSync(datadogChecks)
    ? readdirSync(datadogChecks).filter(
        (entry) => !entry.startsWith('_') && kindWithin(path.join(datadogChecks, entry), folder) === 'directory',
      )
    : [];
  const pyproject = readToml(path.join(folder, paths.pyproject), repoShown(paths.pyproject));
  const hatch = existsSync(path.join(folder, paths.hatch))
    ? readToml(path.join(folder, paths.hatch), repoShown(paths.hatch))
    : undefined;
  const testsDir = path.join(folder, paths.tests);
  const testFiles = walkFiles(testsDir, { boundary: folder })
    .map((file) => path.relative(testsDir, file).split(path.sep).join('/'))
    .filter((file) => /(^|\/)test_[^/]*\.py$|_test\.py$/.test(file));
  return {
    name,
    python,
    entries,
    packageExists: existsSync(path.join(folder, paths.package(name))),
    pyproject: existsSync(path.join(folder, paths.pyproject))
      ? {
          exists: true,
          ...(pyproject.error
            ? { error: pyproject.error }
            : {
                projectName: get(pyproject.value, 'project', 'name'),
                projectNameLine: tomlKeyLine(pyproject.text ?? '', 'project.name'),
                versionPath: get(pyproject.value, 'tool', 'hatch', 'version', 'path'),
                versionPathLine: tomlKeyLine(pyproject.text ?? '', 'tool.hatch.version.path'),
              }),
        }
      : { exists: false },
    hatch: hatch
      ? {
          exists: true,
          ...(hatch.error ? { error: hatch.error } : {}),
          hasCollector: get(hatch.value, 'env', 'collectors', 'datadog-checks') !== undefined,
        }
      : { exists: false, hasCollector: false },
    confExample: readConfExample(path.join(folder, paths.confExample(name)), repoShown(paths.confExample(name))),
    changelogExists: existsSync(path.join(folder, paths.changelog)),
    hasJmxMetrics: existsSync(path.join(folder, paths.package(name), 'data', 'metrics.yaml')),
    testFiles,
  };
}
