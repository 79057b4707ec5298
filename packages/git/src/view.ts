import { listFolders } from './tree.js';

/** One entry directly inside a folder. `other` is what is neither (a submodule's commit). */
export interface FolderEntry {
  name: string;
  type: 'file' | 'folder' | 'other';
}

/**
 * A repository as folders and their entries, wherever they are read from: the working tree (the files the
 * steps will read) or a commit (what a plan or a diff is about). Discovery is written once, over this.
 */
export interface RepositoryView {
  /** The entries directly inside each of `folders` (repository-relative, `/` separators, '' for the root),
   *  keyed by folder. A folder that is missing, or not a folder, has no entry in the map. */
  list(folders: readonly string[]): Promise<Map<string, FolderEntry[]>>;
}

const TYPES = { blob: 'file', tree: 'folder', commit: 'other' } as const;

const nested = (folders: readonly string[]) =>
  folders.some((outer) => outer !== '' && folders.some((inner) => inner.startsWith(`${outer}/`)));

/**
 * The repository at `commit`, read with one `git ls-tree` per call (the cost follows the folders asked about,
 * not the repository). git lists a folder's contents instead of its entry when a pathspec reaches inside it, so
 * folders inside one another are read one by one.
 */
export function commitView(repoPath: string, commit: string): RepositoryView {
  return {
    async list(folders) {
      const unique = [...new Set(folders)];
      const reads = nested(unique) ? unique.map((folder) => [folder]) : [unique];
      const entries = (await Promise.all(reads.map((group) => listFolders(repoPath, commit, group)))).flat();
      const byFolder = new Map<string, FolderEntry[]>();
      for (const entry of entries) {
        const slash = entry.path.lastIndexOf('/');
        const folder = slash < 0 ? '' : entry.path.slice(0, slash);
        const entries = byFolder.get(folder) ?? [];
        entries.push({ name: entry.path.slice(slash + 1), type: TYPES[entry.type] });
        byFolder.set(folder, entries);
      }
      return byFolder;
    },
  };
}
