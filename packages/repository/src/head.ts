import { commitExists, resolveCommit } from '@aic/git';
import { UserError } from '@aic/runtime';

/** The full SHA of `headRef` (default HEAD), or a clear error naming the input. */
export async function resolveHead(repoPath: string, headRef: string | undefined): Promise<string> {
  const ref = headRef || 'HEAD';
  if (!(await commitExists(repoPath, ref))) {
    throw new UserError(`Input 'head-ref': ${JSON.stringify(ref)} is not a commit in ${repoPath}.`, {
      hint: 'Give a branch, tag or SHA that the checkout contains.',
    });
  }
  return resolveCommit(repoPath, ref);
}
