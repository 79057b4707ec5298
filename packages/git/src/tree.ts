import { git, splitNul } from './git.js';

export interface TreeEntry {
  /** Repository-relative path. */
  path: string;
  type: 'blob' | 'tree' | 'commit';
}

/**
 * The entries directly inside each of `folders` at `commit` ('' for the root), in one `git ls-tree`.
 * Reads only those trees: the cost follows the number of folders asked about, not the repository.
 */
export async function listFolders(repoPath: string, commit: string, folders: readonly string[]): Promise<TreeEntry[]> {
  if (folders.length === 0) return [];
  const roots = folders.filter((folder) => folder === '');
  const inner = folders.filter((folder) => folder !== '').map((folder) => `${folder}/`);
  const entries: TreeEntry[] = [];
  const read = async (pathspecs: string[]) => {
    const out = await git(repoPath, ['ls-tree', '-z', '--full-tree', commit, '--', ...pathspecs], 'git ls-tree');
    for (const line of splitNul(out.stdout)) {
      const tab = line.indexOf('\t');
      const type = line.split(' ')[1] as TreeEntry['type'];
      entries.push({ path: line.slice(tab + 1), type });
    }
  };
  if (roots.length > 0) await read([]);
  // Keep each command line short enough for any OS, whatever the number of folders.
  for (let start = 0; start < inner.length; start += 500) await read(inner.slice(start, start + 500));
  return entries;
}
