import { planChanges, type ChangedPath, type ChangePlan, type ChangeStatus } from '@aic/changes';
import { UserError } from '@aic/runtime';
import { commitExists, git, splitNul } from '../git/index.js';
import { integrationAt, rootIntegration } from '../integrations/discover.js';

export interface DetectOptions {
  repoPath: string;
  baseRef: string;
  headRef?: string;
}

const STATUS: Record<string, ChangeStatus> = { A: 'added', M: 'modified', D: 'deleted', T: 'modified' };

/** Which integrations changed between the merge base of `baseRef` and `headRef` (git, no renames). */
export async function detectChanges(options: DetectOptions): Promise<ChangePlan> {
  const head = options.headRef ?? 'HEAD';
  for (const [ref, input] of [
    [options.baseRef, 'base-ref'],
    [head, 'head-ref'],
  ] as const) {
    if (!(await commitExists(options.repoPath, ref))) {
      throw new UserError(`Input '${input}': ${JSON.stringify(ref)} is not a commit in ${options.repoPath}.`, {
        hint: 'Check the ref, and check out with `fetch-depth: 0` (actions/checkout) so that the base commit is present.',
      });
    }
  }
  const mergeBase = (await git(options.repoPath, ['merge-base', options.baseRef, head])).stdout.trim();
  const diff = await git(options.repoPath, ['diff', '--name-status', '--no-renames', '-z', mergeBase, head]);
  const fields = splitNul(diff.stdout);
  const changes: ChangedPath[] = [];
  for (let index = 0; index + 1 < fields.length; index += 2) {
    changes.push({ path: fields[index + 1]!, status: STATUS[fields[index]!.charAt(0)] ?? 'modified' });
  }
  return planChanges(changes, (folder) => integrationAt(options.repoPath, folder), rootIntegration(options.repoPath));
}
