import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FolderEntry, RepositoryView } from './view.js';

function entries(folder: string): string[] | undefined {
  try {
    return readdirSync(folder);
  } catch {
    return undefined;
  }
}

const typeOf = (full: string): FolderEntry['type'] => {
  try {
    return statSync(full).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'other';
  }
};

/** The repository as its files are now in the checkout (what the steps read and build); git's own folder is not in it. */
export function workingTreeView(repoPath: string): RepositoryView {
  return {
    async list(folders) {
      const byFolder = new Map<string, FolderEntry[]>();
      for (const folder of new Set(folders)) {
        const full = path.join(repoPath, folder);
        const names = entries(full);
        const inRepository = names?.filter((name) => name !== '.git').sort();
        if (inRepository)
          byFolder.set(
            folder,
            inRepository.map((name) => ({ name, type: typeOf(path.join(full, name)) })),
          );
      }
      return byFolder;
    },
  };
}
