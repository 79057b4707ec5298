import { runChecked, runProcess, type ProcessResult } from '@aic/runtime';

export { listFolders, type TreeEntry } from './tree.js';

/** Runs git in a repository with an argument array; a failure quotes git's last lines. */
export function git(repoPath: string, args: readonly string[], what?: string): Promise<ProcessResult> {
  return runChecked('git', ['-C', repoPath, ...args], {
    what: what ?? `git ${args[0] ?? ''}`.trim(),
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
  });
}

/** True when `ref` names a commit in the repository. */
export async function commitExists(repoPath: string, ref: string): Promise<boolean> {
  if (ref.startsWith('-')) return false;
  const result = await runProcess('git', ['-C', repoPath, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
    env: { ...process.env, LC_ALL: 'C' },
  });
  return result.exitCode === 0;
}

/** The full SHA of a commit-ish. */
export async function resolveCommit(repoPath: string, ref: string): Promise<string> {
  return (await git(repoPath, ['rev-parse', '--verify', `${ref}^{commit}`], 'git rev-parse')).stdout.trim();
}

/** NUL-separated `git` output split into fields. */
export function splitNul(text: string): string[] {
  return text.split('\0').filter((field) => field !== '');
}
