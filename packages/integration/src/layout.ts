/** How an integration folder is recognised, from the names it contains (no I/O here). */

/** An integration in a repository: its folder and its name (the package under `datadog_checks/`). */
export interface IntegrationFolder {
  /** Relative to the repository root, `/` separators; '' when the repository root is the integration. */
  folder: string;
  name: string;
}

/** An integration found in a checkout: where it is on disk too. */
export interface LocatedIntegration extends IntegrationFolder {
  /** Absolute path of the integration folder. */
  path: string;
}

/** Marker entries: a folder is an integration when it holds one of these. */
export const INTEGRATION_MARKERS = ['hatch.toml', 'datadog_checks', 'manifest.json'] as const;

export function isIntegrationFolder(entries: readonly string[]): boolean {
  return INTEGRATION_MARKERS.some((marker) => entries.includes(marker));
}

/** Where an integration's files are, relative to the integration folder. */
export const paths = {
  package: (name: string) => `datadog_checks/${name}`,
  about: (name: string) => `datadog_checks/${name}/__about__.py`,
  init: (name: string) => `datadog_checks/${name}/__init__.py`,
  confExample: (name: string) => `datadog_checks/${name}/data/conf.yaml.example`,
  pyproject: 'pyproject.toml',
  hatch: 'hatch.toml',
  changelog: 'CHANGELOG.md',
  manifest: 'manifest.json',
  tests: 'tests',
} as const;

/** Reads `__version__ = "1.2.3"` from an `__about__.py` text; the line is 1-based. */
export function readAboutVersion(text: string): { version: string; line: number } | undefined {
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const match = /^__version__\s*(?::\s*str\s*)?=\s*(['"])([^'"]*)\1/.exec(lines[index]!);
    if (match) return { version: match[2]!, line: index + 1 };
  }
  return undefined;
}
