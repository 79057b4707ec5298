import { planChanges, type ChangedPath, type ChangePlan, type ChangeStatus } from '@aic/changes';
import { commitView, ensureBase, git, mergeBase, splitNul } from '@aic/git';
import type { IntegrationFolder } from '@aic/integration';
import { resolveHead } from './head.js';
import { integrationsAmong, rootIntegration } from './discover.js';

export interface DetectOptions {
  repoPath: string;
  baseRef: string;
  headRef?: string;
  /** The folder that holds the integrations, relative to the repository ('' for the root). */
  within?: string;
}

export interface DetectedChanges extends ChangePlan {
  /** The commit compared from: the merge base of the base and the head. */
  mergeBase: string;
  head: string;
  changedFiles: number;
}

const STATUS: Record<string, ChangeStatus> = { A: 'added', M: 'modified', D: 'deleted', T: 'modified' };

/**
 * Which integrations changed between the merge base of `baseRef` and `headRef` (default HEAD).
 * Git only, and only what the diff touches: one `git diff` of the two trees, one `git ls-tree` over
 * the touched top-level folders — the cost follows the change, not the repository. A missing base in a
 * shallow clone is fetched from `origin`.
 */
export async function detectChanges(options: DetectOptions): Promise<DetectedChanges> {
  const head = await resolveHead(options.repoPath, options.headRef);
  await ensureBase(options.repoPath, options.baseRef);
  const base = await mergeBase(options.repoPath, options.baseRef, head);
  const diff = await git(options.repoPath, ['diff', '--name-status', '--no-renames', '-z', base, head], 'git diff');
  const fields = splitNul(diff.stdout);
  const changes: ChangedPath[] = [];
  for (let index = 0; index + 1 < fields.length; index += 2) {
    changes.push({ path: fields[index + 1]!, status: STATUS[fields[index]!.charAt(0)] ?? 'modified' });
  }
  const within = options.within ?? '';
  const view = commitView(options.repoPath, head);
  const root = within === '' ? await rootIntegration(view) : undefined;
  const known = root
    ? new Map<string, IntegrationFolder>()
    : await integrationsAmong(view, foldersWithin(changes, within), within);
  const plan = planChanges(changes, (name) => known.get(name), root, within);
  return { ...plan, mergeBase: base, head, changedFiles: changes.length };
}

/** The names of the folders directly inside `within` that the changes touch. */
function foldersWithin(changes: readonly ChangedPath[], within: string): Set<string> {
  const prefix = within === '' ? '' : `${within}/`;
  const folders = new Set<string>();
  for (const change of changes) {
    if (!change.path.startsWith(prefix)) continue;
    const slash = change.path.indexOf('/', prefix.length);
    if (slash > prefix.length) folders.add(change.path.slice(prefix.length, slash));
  }
  return folders;
}
