import { readdirSync } from 'node:fs';
import path from 'node:path';
import { kindWithin, realPath } from '@aic/runtime';
import type { FolderEntry, RepositoryView } from './view.js';

function entries(folder: string): string[] | undefined {
  try {
    return readdirSync(folder);
  } catch {
    return undefined;
  }
}

/** What an entry is once links are followed, but only links that stay inside the repository (never code elsewhere). */
const typeOf = (full: string, boundary: string): FolderEntry['type'] => {
  const kind = kindWithin(full, boundary);
  return kind === 'directory' ? 'folder' : kind;
};

/** The repository as its files are now in the checkout (what the steps read and build); git's own folder is not in it. */
export function workingTreeView(repoPath: string): RepositoryView {
  const boundary = realPath(repoPath) ?? repoPath;
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
            inRepository.map((name) => ({ name, type: typeOf(path.join(full, name), boundary) })),
          );
      }
      return byFolder;
    },
  };
}
