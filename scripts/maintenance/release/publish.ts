// The writes of a release of this repository, each one skipped when a rerun finds it done: the version tag moved
// from the tagged commit (the source) onto its release commit (release-commit.ts: our own references pinned to
// the source), the GitHub release (notes from CHANGELOG.md), then the major tag moved onto the release commit and
// force-pushed. The remote and the API are whatever the runner gives (origin of the checkout, GITHUB_API_URL):
// nothing names github.com.
import { runProcess, UserError } from '@aic/runtime';
import {
  localTagCommit,
  publishRelease,
  pushTag,
  remoteEnv,
  remoteTagCommit,
  type GitHubTarget,
  type Remote,
} from '@aic/steps/release';
import { majorTagDecision, type MajorTagDecision, type ReleaseNotes, type ReleaseTag } from './plan.js';
import { releaseCommitOf, sourceOf, type ReleaseCommit } from './release-commit.js';

async function git(repoPath: string, args: string[], remote?: Remote) {
  return runProcess('git', ['-C', repoPath, ...args], {
    env: remote ? remoteEnv(remote) : { ...process.env, LC_ALL: 'C' },
    timeoutMs: 300_000,
  });
}

const lastLine = (text: string) => text.trim().split('\n').pop() ?? '';

/** The commit the release is made from (the source): the one the tag names in the checkout, before a release. */
export async function sourceCommit(repoPath: string, release: ReleaseTag): Promise<string> {
  const commit = await localTagCommit(repoPath, release.tag);
  if (!commit) {
    throw new UserError(`The tag ${release.tag} is not in the checkout at ${repoPath}.`, {
      hint:
        'Check out the tag (actions/checkout does it on a tag push) or fetch it: git fetch origin tag ' + release.tag,
    });
  }
  return sourceOf(repoPath, commit, release.tag);
}

/** The remote's release tags (`v*`), peeled names only. */
export async function remoteReleaseTags(repoPath: string, remote: Remote): Promise<string[]> {
  const result = await git(repoPath, ['ls-remote', '--tags', '--refs', remote.name, 'refs/tags/v*'], remote);
  if (result.exitCode !== 0) {
    throw new UserError(`Cannot list the tags of the remote '${remote.name}': ${lastLine(result.stderr)}`, {
      hint: 'Check the remote and that the token may read the repository.',
    });
  }
  return result.stdout
    .split('\n')
    .map((line) => line.split('\t')[1]?.replace(/^refs\/tags\//, ''))
    .filter((tag): tag is string => Boolean(tag));
}

/** Releases come from reviewed code only: the tagged commit must be on the remote's release branch. */
export async function checkOnBranch(repoPath: string, remote: Remote, branch: string, commit: string): Promise<void> {
  if (!/^[\w./-]+$/.test(branch) || branch.startsWith('-'))
    throw new UserError(`${JSON.stringify(branch)} is not a branch name.`);
  const fetched = await git(repoPath, ['fetch', '--quiet', '--no-tags', remote.name, `refs/heads/${branch}`], remote);
  if (fetched.exitCode !== 0) {
    throw new UserError(`Cannot fetch the branch ${branch} from '${remote.name}': ${lastLine(fetched.stderr)}`);
  }
  const ancestor = await git(repoPath, ['merge-base', '--is-ancestor', commit, 'FETCH_HEAD']);
  if (ancestor.exitCode !== 0) {
    throw new UserError(
      `The tagged commit ${commit.slice(0, 12)} is not on ${branch}: releases are cut from ${branch} only.`,
      {
        hint: `Merge the change into ${branch}, then tag the merge commit.`,
      },
    );
  }
}

export interface PublishOptions {
  repoPath: string;
  remote: Remote;
  github: GitHubTarget;
  release: ReleaseTag;
  notes: ReleaseNotes;
  log: (line: string) => void;
}

export interface PublishResult {
  url: string;
  created: boolean;
  /** The release commit the tags point at. */
  commit: string;
  source: string;
  majorTag: MajorTagDecision & { already?: boolean };
}

export async function publish(options: PublishOptions): Promise<PublishResult> {
  const { repoPath, remote, release, log } = options;
  const source = await sourceCommit(repoPath, release);
  const made = await releaseCommitOf(repoPath, source, release.tag);
  const commit = made.commit;
  await placeVersionTag(options, made);

  const published = await publishRelease(options.github, {
    tag: release.tag,
    title: options.notes.title,
    notes: options.notes.body,
    wheels: [],
    prerelease: release.prerelease,
  });
  log(`${published.created ? 'Created' : 'Kept'} the release ${published.url}.`);

  // The major tag moves last: `@v1` never points at a commit whose release is missing.
  const decision = majorTagDecision(release, await remoteReleaseTags(repoPath, remote));
  const result = { url: published.url, created: published.created, commit, source };
  if (!decision.move) {
    log(`${release.majorTag} not moved: ${decision.reason}.`);
    return { ...result, majorTag: decision };
  }
  if ((await remoteTagCommit(repoPath, remote, release.majorTag)) === commit) {
    log(`${release.majorTag} is already on ${commit.slice(0, 12)} (${release.tag}).`);
    return { ...result, majorTag: { ...decision, already: true } };
  }
  await moveTag(repoPath, remote, release.majorTag, commit);
  log(`Moved ${release.majorTag} to ${commit.slice(0, 12)} (${release.tag}): ${decision.reason}.`);
  return { ...result, majorTag: decision };
}

/**
 * The version tag onto the release commit. It moves only from the source (the tag the maintainer pushed) or from
 * nowhere; a tag already on the release commit is a rerun's; on any other commit, someone else moved it.
 */
async function placeVersionTag(options: PublishOptions, made: ReleaseCommit): Promise<void> {
  const { repoPath, remote, release, log } = options;
  const short = (commit: string) => commit.slice(0, 12);
  if (made.commit === made.source) {
    log(`${release.tag}: no reference of ours to pin; the release is ${short(made.source)} itself.`);
    return;
  }
  const onRemote = await remoteTagCommit(repoPath, remote, release.tag);
  if (onRemote === made.commit) {
    log(`${release.tag} is already on its release commit ${short(made.commit)}.`);
    return;
  }
  if (onRemote !== undefined && onRemote !== made.source) {
    throw new UserError(
      `The remote's ${release.tag} is on ${short(onRemote)}: neither the tagged commit ${short(made.source)} nor its release commit ${short(made.commit)}. Nothing was released.`,
      { hint: `Find out who moved ${release.tag}; tag the reviewed commit again to release it.` },
    );
  }
  await moveTag(repoPath, remote, release.tag, made.commit);
  log(
    `Moved ${release.tag} from ${short(made.source)} to its release commit ${short(made.commit)} (${made.pinned.join(', ')}: our own references pinned to ${short(made.source)}).`,
  );
}

/** A lightweight tag, written as a plain ref (no identity or signing config involved), force-pushed. */
async function moveTag(repoPath: string, remote: Remote, tag: string, commit: string): Promise<void> {
  const tagged = await git(repoPath, ['update-ref', `refs/tags/${tag}`, commit]);
  if (tagged.exitCode !== 0) throw new UserError(`Moving ${tag} failed: ${lastLine(tagged.stderr)}`);
  await pushTag(repoPath, remote, tag, { force: true });
}
