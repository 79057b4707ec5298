// Releases this repository (the self-release workflow calls it; so can a maintainer, or act):
//   tsx scripts/maintenance/release/main.ts check   [--tag v1.2.3] [--branch main] [--remote origin]
//   tsx scripts/maintenance/release/main.ts publish [--tag v1.2.3] [--branch main] [--remote origin]
// `check` changes nothing: the tag is a release tag on the release branch, and CHANGELOG.md's newest entry is its
// clean canonical entry. `publish` checks the same, moves the tag onto the release commit (our own `@v1`
// references pinned to the tagged commit: release-commit.ts), creates the GitHub release with that entry as its
// notes and moves the major tag there. The tag defaults to GITHUB_REF; the API is GITHUB_API_URL with GITHUB_TOKEN, the
// repository GITHUB_REPOSITORY; the remote is the checkout's `origin`.
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeError, UserError } from '@aic/runtime';
import { utcToday } from '@aic/release-notes';
import { majorTagDecision, parseReleaseTag, releaseNotes } from './plan.js';
import { checkOnBranch, publish, remoteReleaseTags, sourceCommit } from './publish.js';
import { releaseCommitOf } from './release-commit.js';

const USAGE = 'usage: main.ts check|publish [--tag vX.Y.Z] [--branch main] [--remote origin] [--repo-path .]';

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      tag: { type: 'string', default: process.env.GITHUB_REF ?? '' },
      branch: { type: 'string', default: process.env.AIC_RELEASE_BRANCH || 'main' },
      remote: { type: 'string', default: 'origin' },
      'repo-path': { type: 'string', default: process.cwd() },
      today: { type: 'string', default: utcToday() },
    },
  });
  const command = positionals[0];
  if ((command !== 'check' && command !== 'publish') || positionals.length !== 1) throw new UserError(USAGE);

  const release = parseReleaseTag(values.tag);
  if ('problem' in release) throw new UserError(`--tag: ${release.problem}`);
  const repoPath = path.resolve(values['repo-path']);
  const token = process.env.GITHUB_TOKEN ?? '';
  const remote = { name: values.remote, token: token || undefined };

  const changelog = path.join(repoPath, 'CHANGELOG.md');
  const notes = releaseNotes(readFileSync(changelog, 'utf8'), release, values.today);
  if ('problem' in notes)
    throw new UserError(notes.problem, { hint: 'Fix CHANGELOG.md on the release branch and tag again.' });
  const commit = await sourceCommit(repoPath, release);
  await checkOnBranch(repoPath, remote, values.branch, commit);
  const made = await releaseCommitOf(repoPath, commit, release.tag);
  const decision = majorTagDecision(release, await remoteReleaseTags(repoPath, remote));
  console.log(
    `${release.tag} (${commit.slice(0, 12)}, on ${values.branch}): CHANGELOG.md entry ${release.changelogVersion} is clean.`,
  );
  console.log(
    made.pinned.length > 0
      ? `Release commit: ${made.commit.slice(0, 12)}, ${commit.slice(0, 12)} with our own references in ${made.pinned.join(', ')} pinned to it.`
      : `Release commit: ${commit.slice(0, 12)} itself (no reference of ours to pin).`,
  );
  console.log(`${release.majorTag}: ${decision.move ? 'moves' : 'stays'} (${decision.reason}).`);
  output({
    version: release.version,
    'major-tag': release.majorTag,
    'moves-major-tag': String(decision.move),
    'release-commit': made.commit,
  });
  if (command === 'check') return;

  const repository = process.env.GITHUB_REPOSITORY ?? '';
  if (!/^[\w.-]+\/[\w.-]+$/.test(repository))
    throw new UserError(`GITHUB_REPOSITORY is ${JSON.stringify(repository)}, not owner/name.`);
  if (!token) {
    throw new UserError('GITHUB_TOKEN is empty: creating the release needs a token.', {
      hint: 'Pass GITHUB_TOKEN: ${{ github.token }} to the step, with `permissions: contents: write` on the job.',
    });
  }
  const result = await publish({
    repoPath,
    remote,
    github: { token, repository, apiUrl: process.env.GITHUB_API_URL || 'https://api.github.com' },
    release,
    notes,
    log: (line) => console.log(line),
  });
  output({ url: result.url });
  summary(
    `## Released ${release.tag}\n\n${result.url}\n\n${release.tag}: on ${result.commit.slice(0, 12)}${result.commit === result.source ? '' : `, ${result.source.slice(0, 12)} with our own references pinned to it`}\n\n${release.majorTag}: ${result.majorTag.move ? `on ${result.commit.slice(0, 12)}` : `not moved (${result.majorTag.reason})`}\n\n${notes.body}\n`,
  );
}

function output(values: Record<string, string>): void {
  const file = process.env.GITHUB_OUTPUT;
  if (!file) return;
  for (const [name, value] of Object.entries(values)) appendFileSync(file, `${name}=${value}\n`);
}

function summary(markdown: string): void {
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, markdown);
}

main().catch((error: unknown) => {
  const message = describeError(error);
  const escaped = message.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
  console.error(process.env.GITHUB_ACTIONS === 'true' ? `::error::${escaped}` : `error: ${message}`);
  if (!(error instanceof UserError)) console.error(error);
  process.exit(1);
});
