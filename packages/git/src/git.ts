import { runChecked, runProcess, type ProcessResult } from '@aic/runtime';

/** git's environment for us: never a prompt for credentials, messages in English for the parsers. */
export function gitEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...base, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
}

/** Runs git in a repository with an argument array; a failure quotes git's last lines. */
export function git(repoPath: string, args: readonly string[], what?: string): Promise<ProcessResult> {
  return runChecked('git', ['-C', repoPath, ...args], {
    what: what ?? `git ${args[0] ?? ''}`.trim(),
    env: gitEnv(),
  });
}

/** True when `ref` names a commit in the repository. */
export async function commitExists(repoPath: string, ref: string): Promise<boolean> {
  if (ref.startsWith('-')) return false;
  const result = await runProcess('git', ['-C', repoPath, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
    env: gitEnv(),
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

/** `git remote get-url origin`, or undefined when there is no such remote (or no repository). */
export async function originUrl(repoPath: string): Promise<string | undefined> {
  const result = await runProcess('git', ['-C', repoPath, 'remote', 'get-url', 'origin']).catch(() => undefined);
  return result?.exitCode === 0 ? result.stdout.trim() : undefined;
}
