// The release commit: what a release's tags (`v1.2.3`, and `v1` when it moves) point at. It is the tagged commit
// of the release branch (the source) with our own `@v1` references in the root action.yml rewritten to the
// source's SHA by scripts/pin-own-refs.mjs — so a partner who pins the one-line action to the release (`@v1.2.3`,
// or its SHA as Dependabot writes it) runs the source's code in every nested step, not whatever `v1` points at
// later. The source has the same dist/, so nothing but those references differs.
// The reusable workflows keep `@v1` inside: GitHub refuses a push by the job's GITHUB_TOKEN of any commit that
// changes a file under .github/workflows ("refusing to allow a GitHub App to create or update workflow … without
// `workflows` permission"), and no `permissions:` grants that; the token that could (a PAT or an app with
// `workflows`) is a standing secret this job should not hold. The README's "Versions" section says what it means.
// Made with git plumbing (the checkout's work tree and index are not touched), by a fixed identity, on the
// source's own dates and with a message that names only the tag and the source: one source and tag always give
// the same commit, so a rerun finds the tags it pushed in place.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProcess, UserError } from '@aic/runtime';

const PIN_SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'pin-own-refs.mjs');
const BOT = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };

/** What a release commit pins: the root action (see above for why not .github/workflows). */
const PINNED = ['action.yml'];

async function git(repoPath: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = await runProcess('git', ['-C', repoPath, '-c', 'core.hooksPath=/dev/null', ...args], {
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C', ...env },
    timeoutMs: 120_000,
  });
  if (result.exitCode !== 0) {
    throw new UserError(`git ${args[0]} failed in ${repoPath}: ${result.stderr.trim().split('\n').pop() ?? ''}`);
  }
  return result.stdout;
}

export interface ReleaseCommit {
  /** The commit the release's tags point at (the source itself when nothing needed pinning). */
  commit: string;
  source: string;
  /** The shipped files whose references were pinned. */
  pinned: string[];
}

/** The release commit of `source` for `tag` (written to the checkout's object store, referenced by nothing yet). */
export async function releaseCommitOf(repoPath: string, source: string, tag: string): Promise<ReleaseCommit> {
  const entries = (await git(repoPath, ['ls-tree', '-r', '-z', source, '--', ...PINNED]))
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, file] = line.split('\t') as [string, string];
      const [mode, type, blob] = meta.split(' ') as [string, string, string];
      return { mode, type, blob, file };
    })
    .filter((entry) => entry.type === 'blob' && PINNED.includes(entry.file));
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'aic-release-commit-'));
  try {
    const texts = new Map<string, string>();
    for (const entry of entries) {
      const text = await git(repoPath, ['cat-file', 'blob', entry.blob]);
      texts.set(entry.file, text);
      mkdirSync(path.dirname(path.join(scratch, entry.file)), { recursive: true });
      writeFileSync(path.join(scratch, entry.file), text);
    }
    const pin = await runProcess(process.execPath, [PIN_SCRIPT, '--root', scratch, source], { timeoutMs: 60_000 });
    if (pin.exitCode !== 0) throw new UserError(`scripts/pin-own-refs.mjs failed: ${pin.stderr.trim()}`);

    const index = path.join(scratch, '.index');
    const indexEnv = { GIT_INDEX_FILE: index };
    await git(repoPath, ['read-tree', source], indexEnv);
    const pinned: string[] = [];
    for (const entry of entries) {
      const file = path.join(scratch, entry.file);
      if (readFileSync(file, 'utf8') === texts.get(entry.file)) continue;
      const blob = (await git(repoPath, ['hash-object', '-w', '--no-filters', '--', file])).trim();
      await git(repoPath, ['update-index', '--cacheinfo', `${entry.mode},${blob},${entry.file}`], indexEnv);
      pinned.push(entry.file);
    }
    if (pinned.length === 0) return { commit: source, source, pinned };
    const tree = (await git(repoPath, ['write-tree'], indexEnv)).trim();
    const date = `${(await git(repoPath, ['show', '-s', '--format=%ct', source])).trim()} +0000`;
    const identity = {
      GIT_AUTHOR_NAME: BOT.name,
      GIT_AUTHOR_EMAIL: BOT.email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: BOT.name,
      GIT_COMMITTER_EMAIL: BOT.email,
      GIT_COMMITTER_DATE: date,
    };
    const message = `Release ${tag}: our own references pinned to ${source}\n\nThe tree of ${source} with each \`uses: org/agent-integration-ci/...@v1\` of ${pinned.join(', ')} rewritten by scripts/pin-own-refs.mjs.\n`;
    const commit = (
      await git(repoPath, ['commit-tree', '--no-gpg-sign', '-p', source, '-m', message, tree], identity)
    ).trim();
    return { commit, source, pinned };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The source of a tagged commit: the commit itself, or its parent when the tag already names the parent's
 * release commit (a checkout that fetched the tags after a release).
 */
export async function sourceOf(repoPath: string, tagged: string, tag: string): Promise<string> {
  const [email = '', ...parents] = (await git(repoPath, ['show', '-s', '--format=%ae%n%P', tagged]))
    .trim()
    .split(/\s+/);
  if (email !== BOT.email || parents.length !== 1) return tagged;
  const { commit } = await releaseCommitOf(repoPath, parents[0]!, tag);
  return commit === tagged ? parents[0]! : tagged;
}
