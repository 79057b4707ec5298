// What releasing THIS repository means, as data: which tags are releases, which major tag (`v1`) a release
// moves, and the notes it gets from our own CHANGELOG.md. No I/O here (publish.ts does it).
import { entryFor, lintChangelog, parseChangelog, renderEntryBody, versionWentUp } from '@aic/release-notes';

export interface ReleaseTag {
  /** `v1.2.3` or `v1.2.3-rc.1`. */
  tag: string;
  /** `1.2.3` / `1.2.3-rc.1`. */
  version: string;
  /** The CHANGELOG.md entry that describes it: `1.2.3` (a pre-release is described by its coming version). */
  changelogVersion: string;
  major: number;
  prerelease: boolean;
  /** The tag partners follow: `v1`. */
  majorTag: string;
}

const RELEASE_TAG = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

/** `refs/tags/v1.2.3` or `v1.2.3` → the release it is; anything else is not a release of ours. */
export function parseReleaseTag(ref: string): ReleaseTag | { problem: string } {
  const tag = ref.replace(/^refs\/tags\//, '');
  const match = RELEASE_TAG.exec(tag);
  if (!match || tag.length > 64) {
    return {
      problem: `${JSON.stringify(tag.slice(0, 64))} is not a release tag: releases are tagged vMAJOR.MINOR.PATCH (v1.2.3), or v1.2.3-rc.1 for a pre-release.`,
    };
  }
  const [, major, minor, patch, pre] = match;
  return {
    tag,
    version: tag.slice(1),
    changelogVersion: `${major}.${minor}.${patch}`,
    major: Number(major),
    prerelease: pre !== undefined,
    majorTag: `v${major}`,
  };
}

export type MajorTagDecision = { move: true; reason: string } | { move: false; reason: string };

/**
 * Whether the release moves its major tag: a stable release that is the newest of its major does; a
 * pre-release, or a patch of an older minor (v1.3.1 after v1.4.0), leaves `v1` where it is.
 */
export function majorTagDecision(release: ReleaseTag, existingTags: readonly string[]): MajorTagDecision {
  if (release.prerelease) {
    return {
      move: false,
      reason: `${release.tag} is a pre-release: ${release.majorTag} stays on the last stable release`,
    };
  }
  const newer = existingTags
    .map((tag) => parseReleaseTag(tag))
    .filter((other): other is ReleaseTag => !('problem' in other))
    .filter(
      (other) => !other.prerelease && other.major === release.major && versionWentUp(release.version, other.version),
    )
    // Newest first (PEP 440 order, the project's one version model; final X.Y.Z here).
    .sort((a, b) => (versionWentUp(a.version, b.version) ? 1 : -1));
  if (newer[0]) {
    return { move: false, reason: `${newer[0].tag} is newer than ${release.tag}: ${release.majorTag} stays on it` };
  }
  return { move: true, reason: `${release.tag} is the newest ${release.majorTag} release` };
}

export interface ReleaseNotes {
  title: string;
  body: string;
}

/**
 * The GitHub release's title and notes: our CHANGELOG.md's entry for the version, which must be its newest
 * entry and free of any finding (we hold our own file to the canonical format we enforce on partners).
 */
export function releaseNotes(
  changelogText: string,
  release: ReleaseTag,
  today: string,
  file = 'CHANGELOG.md',
): ReleaseNotes | { problem: string } {
  const changelog = parseChangelog(changelogText);
  const findings = lintChangelog(changelog, today);
  if (findings.length > 0) {
    const first = findings[0]!;
    return {
      problem: `${file}:${first.line}: ${first.level}: ${first.message}${findings.length > 1 ? ` (and ${findings.length - 1} more finding(s))` : ''}`,
    };
  }
  const entry = entryFor(changelog, release.changelogVersion);
  const newest = changelog.entries[0];
  if (!entry || entry !== newest) {
    return {
      problem: `${file}: ${release.tag} needs '## ${release.changelogVersion} / YYYY-MM-DD' as the newest entry (the newest is ${newest ? `${newest.version}, line ${newest.line}` : 'missing'}).`,
    };
  }
  return { title: `agent-integration-ci ${release.tag}`, body: renderEntryBody(entry) };
}
