import { git, gitEnv } from '@aic/git';
import { runProcess, UserError } from '@aic/runtime';

/** Where the remote is and how to reach it: a token goes in through git's environment, never argv. */
export interface Remote {
  name: string;
  /** For https remotes on GitHub: sent as an HTTP header through GIT_CONFIG_* variables. */
  token?: string | undefined;
}

function remoteEnv(remote: Remote): NodeJS.ProcessEnv {
  const env = gitEnv();
  if (remote.token) {
    const basic = Buffer.from(`x-access-token:${remote.token}`).toString('base64');
    const count = Number(env.GIT_CONFIG_COUNT ?? '0');
    env.GIT_CONFIG_COUNT = String(count + 1);
    env[`GIT_CONFIG_KEY_${count}`] = 'http.extraheader';
    env[`GIT_CONFIG_VALUE_${count}`] = `AUTHORIZATION: basic ${basic}`;
  }
  return env;
}

/** The commit a local tag points to, or undefined. */
export async function localTagCommit(repoPath: string, tag: string): Promise<string | undefined> {
  const result = await runProcess('git', [
    '-C',
    repoPath,
    'rev-parse',
    '--verify',
    '--quiet',
    `refs/tags/${tag}^{commit}`,
  ]);
  return result.exitCode === 0 ? result.stdout.trim() : undefined;
}

/** The commit a tag points to on the remote (peeled), or undefined when the remote has no such tag. */
export async function remoteTagCommit(repoPath: string, remote: Remote, tag: string): Promise<string | undefined> {
  const result = await runProcess(
    'git',
    ['-C', repoPath, 'ls-remote', '--tags', remote.name, `refs/tags/${tag}`, `refs/tags/${tag}^{}`],
    { env: remoteEnv(remote), timeoutMs: 120_000 },
  );
  if (result.exitCode !== 0) {
    throw new UserError(
      `Cannot read the tags of the remote '${remote.name}': ${result.stderr.trim().split('\n').pop()}`,
      {
        hint: 'Check the remote and that the token may read the repository (permissions: contents: write).',
      },
    );
  }
  const lines = result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'));
  const peeled = lines.find(([, ref]) => ref === `refs/tags/${tag}^{}`);
  const direct = lines.find(([, ref]) => ref === `refs/tags/${tag}`);
  return (peeled ?? direct)?.[0];
}

/** An annotated tag on `commit`, with a bot identity when the checkout has none configured. */
export async function createAnnotatedTag(
  repoPath: string,
  tag: string,
  commit: string,
  message: string,
): Promise<void> {
  const email = await runProcess('git', ['-C', repoPath, 'config', 'user.email']);
  const identity =
    email.exitCode === 0 && email.stdout.trim() !== ''
      ? []
      : [
          '-c',
          'user.name=github-actions[bot]',
          '-c',
          'user.email=41898282+github-actions[bot]@users.noreply.github.com',
        ];
  await git(repoPath, [...identity, 'tag', '--annotate', '--message', message, '--', tag, commit], 'git tag');
}

export async function pushTag(repoPath: string, remote: Remote, tag: string): Promise<void> {
  const result = await runProcess(
    'git',
    ['-C', repoPath, 'push', '--quiet', remote.name, `refs/tags/${tag}:refs/tags/${tag}`],
    {
      env: remoteEnv(remote),
      timeoutMs: 300_000,
    },
  );
  if (result.exitCode !== 0) {
    throw new UserError(
      `Pushing the tag ${tag} to '${remote.name}' failed: ${result.stderr.trim().split('\n').pop()}`,
      {
        hint: 'The job needs `permissions: contents: write` and a token that may push tags.',
      },
    );
  }
}
