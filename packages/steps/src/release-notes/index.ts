import path from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import { classifyIntegrationFile } from '@aic/changes';
import { changedFiles, ensureBase, mergeBase, showAt } from '@aic/git';
import { paths, readAboutVersion, type LocatedIntegration } from '@aic/integration';
import {
  bumpGate,
  lintChangelog,
  newestEntry,
  parseChangelog,
  renderEntryBody,
  staleVersionReferences,
  type BumpKind,
  type Entry,
  type LocatedFinding,
} from '@aic/release-notes';
import { kindWithin, readUserTextFile, relativeTo, UserError } from '@aic/runtime';

export type { LocatedFinding } from '@aic/release-notes';

export interface ReleaseNotesResult {
  integration: string | undefined;
  changelog: string;
  version: string;
  previousVersion: string;
  bumpRequired: boolean;
  bumpKind: BumpKind;
  /** The newest entry's body, canonical markdown (the release step uses it). */
  notes: string;
  /** The newest entry rendered, for the summary. */
  entryMarkdown: string;
  /** The bump decision in one sentence. */
  decision: string;
  findings: LocatedFinding[];
}

const rendered = (entry: Entry | undefined) => ({
  notes: entry ? renderEntryBody(entry) : '',
  entryMarkdown: entry ? `${entry.heading}\n\n${renderEntryBody(entry)}` : '',
});

/** `lint` mode on one file: format only, no integration, no git. */
export function lintChangelogFile(repoPath: string, changelogPath: string, today: string): ReleaseNotesResult {
  const shown = relativeTo(repoPath, changelogPath);
  const changelog = parseChangelog(readUserTextFile(changelogPath, shown, 'changelog'));
  const entry = newestEntry(changelog);
  return {
    integration: undefined,
    changelog: shown,
    version: entry?.version ?? '',
    previousVersion: '',
    bumpRequired: false,
    bumpKind: 'none',
    ...rendered(entry),
    decision: 'Lint mode: the format only, no bump gate.',
    findings: lintChangelog(changelog, today).map((finding) => ({ ...finding, file: shown })),
  };
}

export interface PullRequestOptions {
  repoPath: string;
  integration: LocatedIntegration;
  baseRef: string;
  today: string;
}

/** `pr` mode for one integration: the changelog's format and the version bump gate against the base. */
export async function checkPullRequest(options: PullRequestOptions): Promise<ReleaseNotesResult> {
  const { repoPath, integration, today } = options;
  const inFolder = (file: string) => (integration.folder === '' ? file : `${integration.folder}/${file}`);
  const changelogShown = inFolder(paths.changelog);
  const aboutShown = inFolder(paths.about(integration.name));
  const changelog = parseChangelog(readUserTextFile(path.join(repoPath, changelogShown), changelogShown, 'changelog'));
  const aboutText = readUserTextFile(path.join(repoPath, aboutShown), aboutShown, '__about__.py');
  const about = readAboutVersion(aboutText);
  if (!about) {
    throw new UserError(`No __version__ = "X.Y.Z" line in ${aboutShown}.`, {
      location: { file: aboutShown },
      hint: 'Add one, e.g. __version__ = "1.0.0".',
    });
  }

  await ensureBase(repoPath, options.baseRef);
  const base = await mergeBase(repoPath, options.baseRef);
  const previousAbout = await showAt(repoPath, base, aboutShown);
  const previous = previousAbout === undefined ? undefined : readAboutVersion(previousAbout)?.version;
  const changed = await changedFiles(repoPath, base, 'HEAD', integration.folder);
  const functional = changed
    .map((file) => ({
      file,
      ...classifyIntegrationFile(integration.folder === '' ? file : file.slice(integration.folder.length + 1)),
    }))
    .filter((file) => file.kind === 'functional');

  const gate = bumpGate({
    version: about.version,
    versionLine: about.line,
    aboutFile: aboutShown,
    previous,
    changelog,
    changelogFile: changelogShown,
    functional,
    changedReasons: changed.map((file) => classifyIntegrationFile(file).reason),
    today,
  });
  const findings = [
    ...gate.findings,
    ...(gate.previousIsStale && previous !== undefined ? staleReferences(repoPath, integration, previous) : []),
  ];
  return {
    integration: integration.name,
    changelog: changelogShown,
    version: about.version,
    previousVersion: previous ?? '',
    bumpRequired: gate.bumpRequired,
    bumpKind: gate.bumpKind,
    ...rendered(gate.entry ?? newestEntry(changelog)),
    decision: gate.decision,
    findings: findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line),
  };
}

/** README and docs that still pin the previous version. */
function staleReferences(repoPath: string, integration: LocatedIntegration, previous: string): LocatedFinding[] {
  const docs: string[] = [];
  const readme = path.join(integration.path, 'README.md');
  if (existsSync(readme)) docs.push(readme);
  for (const folder of ['docs', 'images']) {
    const dir = path.join(integration.path, folder);
    // `docs` may be a file, a dangling link or a link out of the integration: then there is nothing to read.
    if (kindWithin(dir, integration.path) !== 'directory') continue;
    for (const name of readdirSync(dir))
      if (name.endsWith('.md') && kindWithin(path.join(dir, name), integration.path) === 'file')
        docs.push(path.join(dir, name));
  }
  return docs.flatMap((file) => {
    const shown = relativeTo(repoPath, file);
    return staleVersionReferences(readUserTextFile(file, shown, 'document'), integration.name, previous).map(
      (reference) => ({
        level: 'error' as const,
        rule: 'stale-version-reference',
        file: shown,
        line: reference.line,
        message: `Still names the previous version ${previous}: ${JSON.stringify(reference.text.slice(0, 100))}. Update it to the new version.`,
      }),
    );
  });
}
