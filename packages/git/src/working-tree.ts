import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isIntegrationFolder } from '@aic/integration';
import type { IntegrationFolder } from '@aic/changes';

function entries(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

const isDirectory = (full: string): boolean => {
  try {
    return statSync(full).isDirectory();
  } catch {
    return false;
  }
};

/**
 * When the repository root is itself one integration (a partner repo holding one check), its name
 * is the one package under `datadog_checks/`.
 */
export function rootIntegration(repoPath: string): IntegrationFolder | undefined {
  if (!existsSync(path.join(repoPath, 'datadog_checks'))) return undefined;
  const packages = entries(path.join(repoPath, 'datadog_checks')).filter(
    (name) =>
      !name.startsWith('_') && !name.startsWith('.') && isDirectory(path.join(repoPath, 'datadog_checks', name)),
  );
  return packages.length === 1 ? { folder: '', name: packages[0]! } : undefined;
}

/** The folder (relative, `/` separators) that holds the integrations: '' is the repository root. */
const joined = (within: string, name: string): string => (within === '' ? name : `${within}/${name}`);

/** The integration in the folder `name` directly inside `within`, when that folder is one. */
export function integrationAt(repoPath: string, name: string, within = ''): IntegrationFolder | undefined {
  if (name.startsWith('.') || name.startsWith('_')) return undefined;
  const folder = joined(within, name);
  const full = path.join(repoPath, folder);
  if (!isDirectory(full)) return undefined;
  return isIntegrationFolder(entries(full)) ? { folder, name } : undefined;
}

/** Every integration in the repository (the folders directly inside `within`), or the root one. */
export function listIntegrations(repoPath: string, within = ''): IntegrationFolder[] {
  const root = within === '' ? rootIntegration(repoPath) : undefined;
  if (root) return [root];
  return entries(path.join(repoPath, within))
    .sort()
    .map((name) => integrationAt(repoPath, name, within))
    .filter((found): found is IntegrationFolder => found !== undefined);
}

/**
 * Whether an integration ships Python (a check package, or a project to build). Tile-only folders
 * (a manifest, assets and docs) do not: tests, wheels and Python validations do not apply to them.
 */
export function hasPythonPackage(integrationPath: string): boolean {
  return (
    isDirectory(path.join(integrationPath, 'datadog_checks')) ||
    existsSync(path.join(integrationPath, 'pyproject.toml')) ||
    existsSync(path.join(integrationPath, 'setup.py'))
  );
}
