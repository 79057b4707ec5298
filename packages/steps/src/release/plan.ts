import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureBase, git, mergeBase, resolveCommit, showAt } from '@aic/git';
import { paths, projectName, readAboutVersion, type IntegrationFolder } from '@aic/integration';
import { checkTagName, entryFor, parseChangelog, renderEntryBody, tagName, versionWentUp } from '@aic/release-notes';
import { UserError } from '@aic/runtime';
import { checkBuiltWheels, sha256Hex, wheelPrefix, type BuiltWheels } from '@aic/wheel';
import { localTagCommit, remoteTagCommit, type Remote } from './git-tags.js';

export interface ReleaseOptions {
  repoPath: string;
  integrations: readonly IntegrationFolder[];
  /** When set, an integration is released only if its version went up since this commit's merge base. */
  baseRef?: string | undefined;
  headRef?: string | undefined;
  tagFormat: string;
  /** Folder holding the built wheels ('' or undefined: attach none). */
  wheelsDir?: string | undefined;
  /**
   * The wheels the build job reported (file name → sha256, its `wheels` output): only these, byte for
   * byte, are attached. Undefined: not checked (a dry run may plan without them; a release may not).
   */
  builtWheels?: BuiltWheels | undefined;
  remote: Remote;
}

/** Where the tag is already, so that a rerun does only what is left. */
export type TagState = 'new' | 'local' | 'pushed';

export interface PlannedRelease {
  integration: string;
  version: string;
  previousVersion: string | undefined;
  tag: string;
  commit: string;
  tagState: TagState;
  /** The changelog entry's body: the GitHub release text. */
  notes: string;
  /** The wheels to attach: absolute paths, and the sha256 of the bytes checked (uploaded only if unchanged). */
  wheels: { path: string; sha256: string }[];
}

export interface ReleasePlan {
  head: string;
  releases: PlannedRelease[];
  skipped: { integration: string; reason: string }[];
}

const inFolder = (folder: string, file: string): string => (folder === '' ? file : `${folder}/${file}`);

function findWheels(
  dir: string,
  integration: string,
  version: string,
  built: BuiltWheels | undefined,
): { path: string; sha256: string }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new UserError(`Input 'wheels': the folder ${dir} does not exist.`, {
      hint: 'Build the wheels first (the build-wheel action writes them to `dist`), or set wheels to the folder holding them.',
    });
  }
  const prefix = wheelPrefix(projectName(integration), version);
  const found = names.filter((name) => name.startsWith(prefix) && name.endsWith('.whl')).sort();
  if (found.length === 0) {
    throw new UserError(`Input 'wheels': no wheel ${prefix}*.whl for ${integration} ${version} in ${dir}.`, {
      hint: 'Build it first with the build-wheel action (same commit), or set wheels to an empty string to release without one.',
    });
  }
  const wheels = found.flatMap((name) => {
    const file = path.join(dir, name);
    // lstat: a symlink planted in the folder is not followed to whatever it points at.
    return lstatSync(file).isFile() ? [{ path: file, sha256: sha256Hex(readFileSync(file)) }] : [];
  });
  if (built) {
    const problem = checkBuiltWheels(new Map(wheels.map((w) => [path.basename(w.path), w.sha256])), built, prefix);
    if (problem) {
      throw new UserError(`Input 'wheels': ${problem} Nothing was tagged or pushed.`, {
        hint: "Release only the wheels of this run's build job: pass its `wheels` output as wheel-hashes, and download only its artifact.",
      });
    }
  }
  return wheels;
}

/**
 * What releasing means for each integration, decided and checked before anything is written: the version
 * at the head (and whether it went up), the changelog entry for it, the tag (free, or already on this
 * very commit) and the wheels. Any problem is a UserError here, so nothing is half-released.
 */
export async function planRelease(options: ReleaseOptions): Promise<ReleasePlan> {
  const { repoPath } = options;
  const head = await resolveCommit(repoPath, options.headRef || 'HEAD');
  let base: string | undefined;
  if (options.baseRef) {
    await ensureBase(repoPath, options.baseRef);
    base = await mergeBase(repoPath, options.baseRef, head);
  }
  const plan: ReleasePlan = { head, releases: [], skipped: [] };
  for (const integration of options.integrations) {
    const about = inFolder(integration.folder, paths.about(integration.name));
    const version = readAboutVersion((await showAt(repoPath, head, about)) ?? '')?.version;
    if (!version) {
      throw new UserError(`${about}: no __version__ found at ${head.slice(0, 12)}.`, {
        location: { file: about },
        hint: "Declare the version as __version__ = 'X.Y.Z'.",
      });
    }
    const previousText = base ? await showAt(repoPath, base, about) : undefined;
    const previousVersion = previousText === undefined ? undefined : readAboutVersion(previousText)?.version;
    if (previousVersion !== undefined) {
      if (!versionWentUp(previousVersion, version)) {
        plan.skipped.push({
          integration: integration.name,
          reason: `version ${version} did not go up (was ${previousVersion})`,
        });
        continue;
      }
    }

    const changelogFile = inFolder(integration.folder, paths.changelog);
    const changelogText = await showAt(repoPath, head, changelogFile);
    if (changelogText === undefined) {
      throw new UserError(`${changelogFile} does not exist, so ${integration.name} ${version} has no release notes.`, {
        location: { file: changelogFile },
        hint: `Add ${changelogFile} with an entry '## ${version} / YYYY-MM-DD'.`,
      });
    }
    const entry = entryFor(parseChangelog(changelogText), version);
    if (!entry) {
      throw new UserError(`${changelogFile} has no entry for version ${version}; nothing was tagged or pushed.`, {
        location: { file: changelogFile, line: 1 },
        hint: `Add an entry '## ${version} / YYYY-MM-DD' describing the release (the validate-release-notes action checks it on the pull request).`,
      });
    }

    const tag = tagName(options.tagFormat, integration.name, version);
    const invalid = checkTagName(tag) ?? (await refusedByGit(repoPath, tag));
    if (invalid)
      throw new UserError(`Input 'tag-format': ${invalid} Nothing was tagged or pushed.`, {
        hint: 'Use a format such as <integration>-<version>.',
      });
    const twin = plan.releases.find((release) => release.tag === tag);
    if (twin) {
      throw new UserError(
        `Input 'tag-format': ${integration.name} ${version} and ${twin.integration} ${twin.version} would both be tagged ${tag}. Nothing was tagged or pushed.`,
        { hint: 'Put <integration> in the tag format, e.g. <integration>-<version>.' },
      );
    }
    const local = await localTagCommit(repoPath, tag);
    const remote = await remoteTagCommit(repoPath, options.remote, tag);
    for (const [where, commit] of [
      ['in the checkout', local],
      [`on the remote '${options.remote.name}'`, remote],
    ] as const) {
      if (commit !== undefined && commit !== head) {
        throw new UserError(
          `The tag ${tag} already exists ${where} on commit ${commit.slice(0, 12)}, not on ${head.slice(0, 12)}; nothing was tagged or pushed.`,
          {
            hint: `Bump the version of ${integration.name} for a new release, or delete the stale tag ${tag} if it was a mistake.`,
          },
        );
      }
    }
    plan.releases.push({
      integration: integration.name,
      version,
      previousVersion,
      tag,
      commit: head,
      tagState: remote ? 'pushed' : local ? 'local' : 'new',
      notes: renderEntryBody(entry),
      wheels: options.wheelsDir ? findWheels(options.wheelsDir, integration.name, version, options.builtWheels) : [],
    });
  }
  return plan;
}

/** git's own verdict on `refs/tags/<tag>` (what `git tag` checks), as a problem, or undefined when valid. */
async function refusedByGit(repoPath: string, tag: string): Promise<string | undefined> {
  try {
    await git(repoPath, ['check-ref-format', `refs/tags/${tag}`], 'git check-ref-format');
    return undefined;
  } catch {
    return `${JSON.stringify(tag.slice(0, 80))} is not a valid git tag name (git check-ref-format refuses it).`;
  }
}

/** The plan in lines people read (the dry run prints these). */
export function describePlan(plan: ReleasePlan, remote: string): string[] {
  const lines: string[] = [];
  for (const release of plan.releases) {
    const tagStep =
      release.tagState === 'pushed'
        ? `tag ${release.tag} already on ${remote}`
        : release.tagState === 'local'
          ? `push the existing tag ${release.tag} to ${remote}`
          : `create the annotated tag ${release.tag} on ${release.commit.slice(0, 12)} and push it to ${remote}`;
    const wheels =
      release.wheels.length === 0 ? 'no wheel' : release.wheels.map((wheel) => path.basename(wheel.path)).join(', ');
    lines.push(
      `${release.integration} ${release.version}: ${tagStep}; GitHub release ${release.tag} with the changelog entry; attach ${wheels}.`,
    );
  }
  for (const skipped of plan.skipped) lines.push(`${skipped.integration}: not released, ${skipped.reason}.`);
  if (lines.length === 0) lines.push('Nothing to release.');
  return lines;
}
