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

/**
 * When the repository root is itself one integration (a partner repo holding one check), its name
 * is the one package under `datadog_checks/`.
 */
export function rootIntegration(repoPath: string): IntegrationFolder | undefined {
  if (!existsSync(path.join(repoPath, 'datadog_checks'))) return undefined;
  const packages = entries(path.join(repoPath, 'datadog_checks')).filter(
    (name) =>
      !name.startsWith('_') &&
      !name.startsWith('.') &&
      statSync(path.join(repoPath, 'datadog_checks', name)).isDirectory(),
  );
  return packages.length === 1 ? { folder: '', name: packages[0]! } : undefined;
}

/** The integration in a top-level folder, when that folder is one. */
export function integrationAt(repoPath: string, folder: string): IntegrationFolder | undefined {
  if (folder.startsWith('.') || folder.startsWith('_')) return undefined;
  const full = path.join(repoPath, folder);
  try {
    if (!statSync(full).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  return isIntegrationFolder(entries(full)) ? { folder, name: folder } : undefined;
}

/** Every integration in the repository (extras/marketplace layout), or the root one. */
export function listIntegrations(repoPath: string): IntegrationFolder[] {
  const root = rootIntegration(repoPath);
  if (root) return [root];
  return entries(repoPath)
    .sort()
    .map((folder) => integrationAt(repoPath, folder))
    .filter((found): found is IntegrationFolder => found !== undefined);
}
