import {
  planChanges,
  type ChangedPath,
  type ChangePlan,
  type ChangeStatus,
  type IntegrationFolder,
} from '@aic/changes';
import { UserError } from '@aic/runtime';
import { commitExists, git, resolveCommit, splitNul } from '../git/index.js';
import { ensureBase, mergeBase } from '../git/history.js';
import { allIntegrationsAt, integrationsAmong, rootIntegrationAt } from '../integrations/at-commit.js';

export { matrixOf, type MatrixLeg, type PlannedRun, planRun, type PlanRunOptions } from './run.js';

export interface DetectOptions {
  repoPath: string;
  baseRef: string;
  headRef?: string;
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
  const headRef = options.headRef ?? 'HEAD';
  if (!(await commitExists(options.repoPath, headRef))) {
    throw new UserError(`Input 'head-ref': ${JSON.stringify(headRef)} is not a commit in ${options.repoPath}.`, {
      hint: 'Give a branch, tag or SHA that the checkout contains.',
    });
  }
  await ensureBase(options.repoPath, options.baseRef);
  const head = await resolveCommit(options.repoPath, headRef);
  const base = await mergeBase(options.repoPath, options.baseRef, head);
  const diff = await git(options.repoPath, ['diff', '--name-status', '--no-renames', '-z', base, head], 'git diff');
  const fields = splitNul(diff.stdout);
  const changes: ChangedPath[] = [];
  for (let index = 0; index + 1 < fields.length; index += 2) {
    changes.push({ path: fields[index + 1]!, status: STATUS[fields[index]!.charAt(0)] ?? 'modified' });
  }
  const root = await rootIntegrationAt(options.repoPath, head);
  const known = root
    ? new Map<string, IntegrationFolder>()
    : await integrationsAmong(options.repoPath, head, topFolders(changes));
  const plan = planChanges(changes, (folder) => known.get(folder), root);
  return { ...plan, mergeBase: base, head, changedFiles: changes.length };
}

function topFolders(changes: readonly ChangedPath[]): Set<string> {
  const folders = new Set<string>();
  for (const change of changes) {
    const slash = change.path.indexOf('/');
    if (slash > 0) folders.add(change.path.slice(0, slash));
  }
  return folders;
}

/** Every integration at a commit (for `all`, and when a root file selects all). */
export function integrationsAtCommit(repoPath: string, commit = 'HEAD'): Promise<IntegrationFolder[]> {
  return allIntegrationsAt(repoPath, commit);
}
