import { existsSync } from 'node:fs';
import path from 'node:path';
import type { LocatedIntegration } from '@aic/integration';
import { kindWithin, realPath, type Reporter } from '@aic/runtime';

/** A folder of the integration: a link is followed only when it stays inside it (never to code elsewhere). */
const isDirectory = (full: string, boundary: string): boolean =>
  kindWithin(full, realPath(boundary) ?? boundary) === 'directory';

/**
 * Whether an integration ships Python (a check package, or a project to build). Tile-only folders
 * (a manifest, assets and docs) do not: tests, wheels and Python validations do not apply to them.
 */
export function hasPythonPackage(integrationPath: string): boolean {
  return (
    isDirectory(path.join(integrationPath, 'datadog_checks'), integrationPath) ||
    existsSync(path.join(integrationPath, 'pyproject.toml')) ||
    existsSync(path.join(integrationPath, 'setup.py'))
  );
}

/**
 * The integrations that ship Python. Tile-only ones (a manifest, assets and docs) are named in the log
 * and left out: tests and wheels do not apply to them, as Datadog's CI runs none for them.
 */
export function withPythonPackage<T extends LocatedIntegration>(
  integrations: readonly T[],
  reporter: Reporter,
  step: string,
): T[] {
  const tiles = integrations.filter((integration) => !hasPythonPackage(integration.path));
  for (const tile of tiles) reporter.log(`${tile.name}: tile-only (no Python package): no ${step}.`);
  return integrations.filter((integration) => !tiles.includes(integration));
}
