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

const joined = (within: string, name: string): string => (within === '' ? name : `${within}/${name}`);

/**
 * Which of `names` (folders directly inside `within`, '' for the root) are integrations at `commit`,
 * by their marker files, in one `git ls-tree` over those folders only. A folder deleted at `commit`
 * is simply not one. The map is keyed by name.
 */
export async function integrationsAmong(
  repoPath: string,
  commit: string,
  names: Iterable<string>,
  within = '',
): Promise<Map<string, IntegrationFolder>> {
  const wanted = [...new Set(names)].filter((name) => name !== '' && !name.includes('/') && !skipped(name));
  const children = childrenByFolder(
    await listFolders(
      repoPath,
      commit,
      wanted.map((name) => joined(within, name)),
    ),
  );
  const found = new Map<string, IntegrationFolder>();
  for (const name of wanted) {
    const folder = joined(within, name);
    if (isIntegrationFolder(children.get(folder) ?? [])) found.set(name, { folder, name });
  }
  return found;
}

/** Every integration at `commit`: the root one, or each folder with a marker directly inside `within`. */
export async function allIntegrationsAt(repoPath: string, commit: string, within = ''): Promise<IntegrationFolder[]> {
  const root = within === '' ? await rootIntegrationAt(repoPath, commit) : undefined;
  if (root) return [root];
  const top = (await listFolders(repoPath, commit, [within])).filter((entry) => entry.type === 'tree');
  const found = await integrationsAmong(
    repoPath,
    commit,
    top.map((entry) => entry.path.slice(entry.path.lastIndexOf('/') + 1)),
    within,
  );
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}
