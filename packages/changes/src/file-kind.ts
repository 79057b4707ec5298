/**
 * What a changed file inside an integration means for a release: `functional` ships to users and
 * needs a version bump; `tests` needs CI but no bump; `docs` (written content, images, the changelog)
 * needs neither.
 */
export type FileKind = 'functional' | 'tests' | 'docs';

export interface FileClassification {
  kind: FileKind;
  reason: string;
}

const IMAGE = /\.(png|jpe?g|gif|svg|webp|ico)$/i;

/** `path` is relative to the integration folder, with `/` separators. */
export function classifyIntegrationFile(path: string): FileClassification {
  const lower = path.toLowerCase();
  const name = lower.split('/').pop() ?? lower;
  if (name === 'changelog.md') return { kind: 'docs', reason: 'the changelog' };
  if (IMAGE.test(name)) return { kind: 'docs', reason: 'an image or logo' };
  if (lower.startsWith('tests/') || name === 'tox.ini' || name === '.coveragerc' || name === 'conftest.py') {
    return { kind: 'tests', reason: 'tests' };
  }
  if (lower.startsWith('datadog_checks/')) {
    if (name.endsWith('.py')) return { kind: 'functional', reason: 'Python code' };
    if (name === 'conf.yaml.example' || name.endsWith('.yaml.example'))
      return { kind: 'functional', reason: 'the example configuration' };
    return { kind: 'functional', reason: 'a file shipped in the package' };
  }
  if (lower === 'assets/configuration/spec.yaml') return { kind: 'functional', reason: 'the configuration spec' };
  if (lower.startsWith('assets/')) {
    if (lower.endsWith('.md')) return { kind: 'docs', reason: 'documentation' };
    return { kind: 'functional', reason: 'an asset (dashboard, monitor, log pipeline, service check…)' };
  }
  if (name === 'metadata.csv') return { kind: 'functional', reason: 'metric metadata' };
  if (
    name === 'pyproject.toml' ||
    name === 'hatch.toml' ||
    name === 'setup.py' ||
    name === 'setup.cfg' ||
    /^requirements.*\.(in|txt)$/.test(name)
  ) {
    return { kind: 'functional', reason: 'packaging' };
  }
  if (name === 'manifest.json') return { kind: 'functional', reason: 'the manifest' };
  if (
    name.endsWith('.md') ||
    name.endsWith('.rst') ||
    name.endsWith('.txt') ||
    lower.startsWith('images/') ||
    lower.startsWith('docs/')
  ) {
    return { kind: 'docs', reason: 'documentation' };
  }
  if (name.endsWith('.py')) return { kind: 'functional', reason: 'Python code' };
  return { kind: 'functional', reason: 'a file of the integration' };
}

/** Files at the repository root that change how every integration is built or tested. */
export function affectsAllIntegrations(path: string): boolean {
  return path === 'pyproject.toml' || path === '.coveragerc' || path === '.ddev' || path.startsWith('.ddev/');
}
