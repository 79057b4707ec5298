export { commitExists, git, gitEnv, originUrl, resolveCommit, splitNul } from './git.js';
export { changedFiles, ensureBase, mergeBase, showAt } from './history.js';
export { listFolders, type TreeEntry } from './tree.js';
export { commitView, type FolderEntry, type RepositoryView } from './view.js';
export { workingTreeView } from './working-tree.js';
