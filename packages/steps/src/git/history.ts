import { runProcess, UserError } from '@aic/runtime';
import { commitExists, git, splitNul } from './index.js';

/**
 * Makes sure `baseRef` is present: in a shallow clone, fetch it (and enough history for a merge base)
 * from `origin`; when that is impossible, say which `fetch-depth` to set.
 */
export async function ensureBase(repoPath: string, baseRef: string, input = 'base-ref'): Promise<void> {
  if (await commitExists(repoPath, baseRef)) return;
  const shallow = (await git(repoPath, ['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true';
  const hasOrigin = (await runProcess('git', ['-C', repoPath, 'remote', 'get-url', 'origin'])).exitCode === 0;
  if (hasOrigin && /^[0-9a-f]{7,40}$|^[\w./-]+$/.test(baseRef) && !baseRef.startsWith('-')) {
    await runProcess('git', ['-C', repoPath, 'fetch', '--no-tags', '--depth=50', 'origin', baseRef], {
      timeoutMs: 120_000,
    });
    if (await commitExists(repoPath, baseRef)) return;
  }
  throw new UserError(
    `Input '${input}': the commit ${JSON.stringify(baseRef)} is not in the checkout at ${repoPath}.`,
    {
      hint: shallow
        ? 'The clone is shallow: set `fetch-depth: 0` on actions/checkout so that the base commit is present.'
        : 'Check the ref; on pull requests it defaults to the base commit from the event payload.',
    },
  );
}

/** The merge base of `baseRef` and `head`, deepening a shallow clone when needed. */
export async function mergeBase(repoPath: string, baseRef: string, head = 'HEAD'): Promise<string> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const result = await runProcess('git', ['-C', repoPath, 'merge-base', baseRef, head]);
    if (result.exitCode === 0) return result.stdout.trim();
    const deepened = await runProcess('git', ['-C', repoPath, 'fetch', '--no-tags', '--deepen=100', 'origin'], {
      timeoutMs: 120_000,
    });
    if (deepened.exitCode !== 0) break;
  }
  throw new UserError(`No common ancestor of ${baseRef} and ${head} in ${repoPath}.`, {
    hint: 'Set `fetch-depth: 0` on actions/checkout so that the history between the base and the head is present.',
  });
}

/** A file's text at a commit, or undefined when it did not exist there. */
export async function showAt(repoPath: string, commit: string, file: string): Promise<string | undefined> {
  const result = await runProcess('git', ['-C', repoPath, 'show', `${commit}:${file}`]);
  return result.exitCode === 0 ? result.stdout : undefined;
}

/** Files changed between two commits under `folder` (repo-relative paths). */
export async function changedFiles(repoPath: string, from: string, to: string, folder: string): Promise<string[]> {
  const args = ['diff', '--name-only', '--no-renames', '-z', from, to];
  if (folder !== '') args.push('--', `${folder}/`);
  return splitNul((await git(repoPath, args)).stdout);
}
