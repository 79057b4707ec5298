import { runProcess, UserError } from '@aic/runtime';
import { commitExists, git, gitEnv, originUrl, splitNul } from './git.js';

const FETCH_TIMEOUT_MS = 300_000;
const SHA = /^[0-9a-f]{40}$/;

async function isShallow(repoPath: string): Promise<boolean> {
  return (await git(repoPath, ['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true';
}

async function hasOrigin(repoPath: string): Promise<boolean> {
  return (await originUrl(repoPath)) !== undefined;
}

/** A ref git may fetch by name: a SHA or a plain branch/tag name (never an option). */
function fetchable(ref: string): boolean {
  return /^[0-9a-f]{7,40}$/.test(ref) || (/^[\w./-]+$/.test(ref) && !ref.startsWith('-') && !ref.includes('..'));
}

function fetch(repoPath: string, args: readonly string[]) {
  return runProcess('git', ['-C', repoPath, 'fetch', '--no-tags', '--quiet', ...args], {
    timeoutMs: FETCH_TIMEOUT_MS,
    env: gitEnv(),
  });
}

/**
 * Makes sure `baseRef` is present: when it is missing (a shallow clone, or a single-branch checkout),
 * fetch it from `origin` with a little history; when that is impossible, say which `fetch-depth` to set.
 */
export async function ensureBase(repoPath: string, baseRef: string, input = 'base-ref'): Promise<void> {
  if (await commitExists(repoPath, baseRef)) return;
  if (fetchable(baseRef) && (await hasOrigin(repoPath))) {
    await fetch(repoPath, ['--depth=50', 'origin', baseRef]);
    if (await commitExists(repoPath, baseRef)) return;
    if (!SHA.test(baseRef)) {
      // A branch name: fetch it into its remote-tracking ref, so that `origin/<name>` resolves too.
      await fetch(repoPath, ['--depth=50', 'origin', `+refs/heads/${baseRef}:refs/remotes/origin/${baseRef}`]);
      if (await commitExists(repoPath, baseRef)) return;
    }
  }
  const shallow = await isShallow(repoPath);
  throw new UserError(
    `Input '${input}': the commit ${JSON.stringify(baseRef)} is not in the checkout at ${repoPath}.`,
    {
      hint: shallow
        ? 'The clone is shallow and the commit could not be fetched: set `fetch-depth: 0` on actions/checkout.'
        : 'Check the ref; on pull requests it defaults to the base commit from the event payload.',
    },
  );
}

/**
 * The merge base of `baseRef` and `head`. In a shallow clone whose history stops short of it, deepen
 * both sides step by step (50, 200, 1000 commits, then the whole history) — a pull request a few
 * commits ahead of its base costs one small fetch, not a full clone.
 */
export async function mergeBase(repoPath: string, baseRef: string, head = 'HEAD'): Promise<string> {
  const steps = ['--deepen=50', '--deepen=200', '--deepen=1000', '--unshallow'];
  for (let attempt = 0; ; attempt++) {
    const result = await runProcess('git', ['-C', repoPath, 'merge-base', baseRef, head]);
    if (result.exitCode === 0) return result.stdout.trim();
    if (attempt >= steps.length || !(await isShallow(repoPath)) || !(await hasOrigin(repoPath))) break;
    const tips = await Promise.all(
      [baseRef, head].map(async (ref) => (await git(repoPath, ['rev-parse', `${ref}^{commit}`])).stdout.trim()),
    );
    const deepened = await fetch(repoPath, [steps[attempt]!, 'origin', ...tips]);
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
