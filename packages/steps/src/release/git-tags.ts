import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runChecked, runProcess, UserError } from '@aic/runtime';

/** Where the remote is and how to reach it: a token goes in through git's environment, never argv. */
export interface Remote {
  name: string;
  /** For https remotes on GitHub: sent as an HTTP header through GIT_CONFIG_* variables. */
  token?: string | undefined;
  /** The only server the token is sent to (GITHUB_SERVER_URL). Default https://github.com. */
  serverUrl?: string | undefined;
}

/*
 * The release's git calls assume the checkout was written by code we do not trust: in the one-job setup the
 * partner's tests ran in it, and they can edit .git/config and .git/hooks. What git lets us override for real:
 * - system and global config: GIT_CONFIG_NOSYSTEM, GIT_CONFIG_GLOBAL=/dev/null;
 * - single-valued keys of the repository's config: `-c key=value` wins over it (hooks, signing, fsmonitor);
 * - NOT the repository's multi-valued or per-URL keys: `url.<x>.insteadOf`, `url.<x>.pushInsteadOf`,
 *   `remote.<name>.pushurl`, `http.<url>.*` cannot be unset from the command line. So every call that talks to
 *   the remote runs in a scratch bare repository of ours, whose config is empty, that borrows the checkout's
 *   objects (objects/info/alternates) and pushes the tag by object id to the remote's URL.
 * The token is scoped to the server (`http.<server>/.extraheader`): rewritten to any other host, it is not sent.
 */
const HARDENED = [
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'core.fsmonitor=false',
  '-c',
  'tag.gpgSign=false',
  '-c',
  'tag.forceSignAnnotated=false',
];

function baseEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    LC_ALL: 'C',
  };
}

const serverOf = (remote: Remote): string => (remote.serverUrl || 'https://github.com').replace(/(?<!\/)\/+$/, '');

/** The environment of a call that talks to the remote: the token as a header, for its server only. */
export function remoteEnv(remote: Remote): NodeJS.ProcessEnv {
  const env = baseEnv();
  if (remote.token) {
    const basic = Buffer.from(`x-access-token:${remote.token}`).toString('base64');
    const count = Number(env.GIT_CONFIG_COUNT ?? '0');
    env.GIT_CONFIG_COUNT = String(count + 1);
    env[`GIT_CONFIG_KEY_${count}`] = `http.${serverOf(remote)}/.extraheader`;
    env[`GIT_CONFIG_VALUE_${count}`] = `AUTHORIZATION: basic ${basic}`;
  }
  return env;
}

/** git in the checkout, with its hooks, signing and the machine's config switched off. */
function checkoutGit(repoPath: string, args: readonly string[]) {
  return runProcess('git', ['-C', repoPath, ...HARDENED, ...args], { env: baseEnv() });
}

/**
 * The remote's URL, read as a plain value (no insteadOf rewriting: that is applied by no call of ours). An
 * https URL on another server than the token's is refused rather than pushed to.
 */
export async function remoteUrl(repoPath: string, remote: Remote): Promise<string> {
  const result = await checkoutGit(repoPath, ['config', '--local', '--get', `remote.${remote.name}.url`]);
  const url = result.stdout.trim();
  if (result.exitCode !== 0 || url === '') {
    throw new UserError(`The checkout has no remote '${remote.name}' (no remote.${remote.name}.url in .git/config).`, {
      hint: "Check out the repository with actions/checkout, or set the 'remote' input.",
    });
  }
  const server = serverOf(remote);
  if (remote.token && /^https?:\/\//i.test(url) && !url.toLowerCase().startsWith(`${server.toLowerCase()}/`)) {
    throw new UserError(
      `The remote '${remote.name}' points to ${url.slice(0, 200)}, not to ${server}: the release pushes only to the server its token is for.`,
      {
        hint: "Something changed the checkout's .git/config: run the release in a job of its own (the reusable workflow does).",
      },
    );
  }
  return url;
}

/** Runs `work` with a scratch bare repository that sees the checkout's objects and none of its config. */
async function isolated<T>(repoPath: string, work: (gitDir: string) => Promise<T>): Promise<T> {
  const objects = await checkoutGit(repoPath, ['rev-parse', '--path-format=absolute', '--git-path', 'objects']);
  if (objects.exitCode !== 0) throw new UserError(`${repoPath} is not a git checkout.`);
  const gitDir = mkdtempSync(path.join(os.tmpdir(), 'aic-release-git-'));
  try {
    await runChecked('git', [...HARDENED, 'init', '--quiet', '--bare', gitDir], { env: baseEnv(), what: 'git init' });
    writeFileSync(path.join(gitDir, 'objects', 'info', 'alternates'), `${objects.stdout.trim()}\n`);
    return await work(gitDir);
  } finally {
    rmSync(gitDir, { recursive: true, force: true });
  }
}

const lastLine = (text: string): string => (text.trim().split('\n').pop() ?? '').slice(0, 300);

/** The commit a local tag points to, or undefined. */
export async function localTagCommit(repoPath: string, tag: string): Promise<string | undefined> {
  const result = await checkoutGit(repoPath, ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`]);
  return result.exitCode === 0 ? result.stdout.trim() : undefined;
}

/** The commit a tag points to on the remote (peeled), or undefined when the remote has no such tag. */
export async function remoteTagCommit(repoPath: string, remote: Remote, tag: string): Promise<string | undefined> {
  const url = await remoteUrl(repoPath, remote);
  const result = await isolated(repoPath, (gitDir) =>
    runProcess(
      'git',
      [`--git-dir=${gitDir}`, ...HARDENED, 'ls-remote', '--tags', url, `refs/tags/${tag}`, `refs/tags/${tag}^{}`],
      { env: remoteEnv(remote), timeoutMs: 120_000 },
    ),
  );
  if (result.exitCode !== 0) {
    throw new UserError(`Cannot read the tags of the remote '${remote.name}': ${lastLine(result.stderr)}`, {
      hint: 'Check the remote and that the token may read the repository (permissions: contents: write).',
    });
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
  const email = await checkoutGit(repoPath, ['config', 'user.email']);
  const identity =
    email.exitCode === 0 && email.stdout.trim() !== ''
      ? []
      : [
          '-c',
          'user.name=github-actions[bot]',
          '-c',
          'user.email=41898282+github-actions[bot]@users.noreply.github.com',
        ];
  const result = await checkoutGit(repoPath, [
    ...identity,
    'tag',
    '--no-sign',
    '--annotate',
    '--message',
    message,
    '--',
    tag,
    commit,
  ]);
  if (result.exitCode !== 0) {
    throw new UserError(`git tag ${tag} failed: ${lastLine(result.stderr)}`, {
      hint: 'Nothing was pushed for this tag; a rerun resumes here.',
    });
  }
}

/**
 * Pushes the checkout's tag, by object id, from a repository of ours: no hook, no rewritten URL. `force`
 * replaces the remote's (a moving tag such as `v1`).
 */
export async function pushTag(
  repoPath: string,
  remote: Remote,
  tag: string,
  options: { force?: boolean } = {},
): Promise<void> {
  const object = await checkoutGit(repoPath, ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}`]);
  if (object.exitCode !== 0) throw new UserError(`The tag ${tag} is not in the checkout: nothing to push.`);
  const url = await remoteUrl(repoPath, remote);
  const result = await isolated(repoPath, (gitDir) =>
    runProcess(
      'git',
      [
        `--git-dir=${gitDir}`,
        ...HARDENED,
        'push',
        '--quiet',
        '--no-verify',
        url,
        `${options.force ? '+' : ''}${object.stdout.trim()}:refs/tags/${tag}`,
      ],
      { env: remoteEnv(remote), timeoutMs: 300_000 },
    ),
  );
  if (result.exitCode !== 0) {
    throw new UserError(`Pushing the tag ${tag} to '${remote.name}' failed: ${lastLine(result.stderr)}`, {
      hint: 'The job needs `permissions: contents: write` and a token that may push tags.',
    });
  }
}
