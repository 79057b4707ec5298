import { isIntegrationFolder } from '@aic/integration';
import type { IntegrationFolder } from '@aic/changes';
import { listFolders, type TreeEntry } from '../git/index.js';

/** Folder names never taken for integrations: hidden and private ones. */
const skipped = (folder: string): boolean => folder.startsWith('.') || folder.startsWith('_');

function childrenByFolder(entries: readonly TreeEntry[]): Map<string, string[]> {
  const byFolder = new Map<string, string[]>();
  for (const entry of entries) {
    const slash = entry.path.lastIndexOf('/');
    const folder = slash < 0 ? '' : entry.path.slice(0, slash);
    const names = byFolder.get(folder) ?? [];
    names.push(entry.path.slice(slash + 1));
    byFolder.set(folder, names);
  }
  return byFolder;
}

/**
 * The repository root as an integration at `commit` (a partner repository holding one check): its
 * name is the one package under `datadog_checks/`.
 */
export async function rootIntegrationAt(repoPath: string, commit: string): Promise<IntegrationFolder | undefined> {
  const packages = (await listFolders(repoPath, commit, ['datadog_checks'])).filter(
    (entry) => entry.type === 'tree' && !skipped(entry.path.slice('datadog_checks/'.length)),
  );
  return packages.length === 1 ? { folder: '', name: packages[0]!.path.slice('datadog_checks/'.length) } : undefined;
}

/**
 * Which of `folders` (top-level) are integrations at `commit`, by their marker files, in one
 * `git ls-tree` over those folders only. A folder deleted at `commit` is simply not one.
 */
export async function integrationsAmong(
  repoPath: string,
  commit: string,
  folders: Iterable<string>,
): Promise<Map<string, IntegrationFolder>> {
  const wanted = [...new Set(folders)].filter((folder) => folder !== '' && !folder.includes('/') && !skipped(folder));
  const children = childrenByFolder(await listFolders(repoPath, commit, wanted));
  const found = new Map<string, IntegrationFolder>();
  for (const folder of wanted) {
    if (isIntegrationFolder(children.get(folder) ?? [])) found.set(folder, { folder, name: folder });
  }
  return found;
}

/** Every integration at `commit`: the root one, or each top-level folder with a marker. */
export async function allIntegrationsAt(repoPath: string, commit: string): Promise<IntegrationFolder[]> {
  const root = await rootIntegrationAt(repoPath, commit);
  if (root) return [root];
  const top = (await listFolders(repoPath, commit, [''])).filter((entry) => entry.type === 'tree');
  const found = await integrationsAmong(
    repoPath,
    commit,
    top.map((entry) => entry.path),
  );
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}
