import path from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import semver from 'semver';
import { classifyIntegrationFile } from '@aic/changes';
import { paths, readAboutVersion } from '@aic/integration';
import {
  bumpKind,
  bumpSectionWarnings,
  canonicalHeading,
  daysBetween,
  entryFor,
  lintHistory,
  lintChangelog,
  lintNewEntry,
  parseChangelog,
  renderEntryBody,
  staleVersionReferences,
  type BumpKind,
  type Changelog,
  type Entry,
} from '@aic/release-notes';
import { UserError } from '@aic/runtime';
import { readUserTextFile, relativeTo } from '../files/index.js';
import { kindWithin } from '../files/walk.js';
import { changedFiles, ensureBase, mergeBase, showAt } from '../git/history.js';
import type { SelectedIntegration } from '../integrations/index.js';

export interface LocatedFinding {
  level: 'error' | 'warning';
  rule: string;
  /** Relative to the repository root. */
  file: string;
  line: number;
  message: string;
}

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

function newest(changelog: Changelog): Entry | undefined {
  const valid = changelog.entries.filter((entry) => semver.valid(entry.version));
  return valid.sort((a, b) => semver.rcompare(a.version, b.version))[0] ?? changelog.entries[0];
}

/** `lint` mode on one file: format only, no integration, no git. */
export function lintChangelogFile(repoPath: string, changelogPath: string, today: string): ReleaseNotesResult {
  const shown = relativeTo(repoPath, changelogPath);
  const changelog = parseChangelog(readUserTextFile(changelogPath, shown, 'changelog'));
  const entry = newest(changelog);
  return {
    integration: undefined,
    changelog: shown,
    version: entry?.version ?? '',
    previousVersion: '',
    bumpRequired: false,
    bumpKind: 'none',
    notes: entry ? renderEntryBody(entry) : '',
    entryMarkdown: entry ? `${entry.heading}\n\n${renderEntryBody(entry)}` : '',
    decision: 'Lint mode: the format only, no bump gate.',
    findings: lintChangelog(changelog, today).map((finding) => ({ ...finding, file: shown })),
  };
}

export interface PullRequestOptions {
  repoPath: string;
  integration: SelectedIntegration;
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

  const findings: LocatedFinding[] = [];
  const add = (level: LocatedFinding['level'], rule: string, file: string, line: number, message: string) =>
    findings.push({ level, rule, file, line, message });
  const kind = bumpKind(previous, about.version);
  const bumped = previous === undefined ? true : kind !== 'none';
  const bumpRequired = functional.length > 0;
  const entry = entryFor(changelog, about.version);
  const skip = new Set<Entry>();
  let decision: string;

  const wentDown =
    previous !== undefined &&
    semver.valid(previous) !== null &&
    semver.valid(about.version) !== null &&
    semver.lt(about.version, previous);

  if (wentDown) {
    add(
      'error',
      'version-went-down',
      aboutShown,
      about.line,
      `__version__ went down from ${previous} to ${about.version}: a release must raise it above ${previous}.`,
    );
    decision = `__version__ went down from ${previous} to ${about.version}.`;
  } else if (bumpRequired && !bumped) {
    const files =
      functional
        .slice(0, 5)
        .map((file) => file.file)
        .join(', ') + (functional.length > 5 ? ` and ${functional.length - 5} more` : '');
    add(
      'error',
      'bump-required',
      aboutShown,
      about.line,
      `Functional changes need a version bump: __version__ is still ${about.version} (as at the base), but these files changed: ${files}. Raise __version__ and add a '## <new version> / ${today}' entry to ${changelogShown}.`,
    );
    decision = `A version bump is required (functional changes: ${functional
      .map((f) => f.reason)
      .filter((r, i, all) => all.indexOf(r) === i)
      .join(', ')}) but __version__ is still ${about.version}.`;
  } else if (bumped) {
    decision =
      previous === undefined
        ? `New integration at version ${about.version}.`
        : `Version ${previous} → ${about.version} (${kind} bump)${bumpRequired ? ', required by functional changes' : ''}.`;
  } else {
    decision =
      changed.length === 0
        ? 'No change in this integration: no bump required.'
        : `No functional change (only ${[...new Set(changed.map((f) => classifyIntegrationFile(f).reason))].join(', ')}): no bump required.`;
  }

  if (bumped && semver.valid(about.version)) {
    if (!entry) {
      add(
        'error',
        'entry-missing',
        changelogShown,
        1,
        `No entry for version ${about.version}: add '${canonicalHeading(about.version, today)}' at the top, with '***Added***:', '***Fixed***:', '***Changed***:' or '***Removed***:' sections of '* ' bullets.`,
      );
    } else {
      skip.add(entry);
      for (const finding of lintNewEntry(changelog, entry, today))
        add(finding.level, finding.rule, changelogShown, finding.line, finding.message);
      if (entry.date && /^\d{4}-\d{2}-\d{2}$/.test(entry.date) && Math.abs(daysBetween(entry.date, today)) > 1) {
        add(
          'warning',
          'entry-date',
          changelogShown,
          entry.line,
          `The entry for ${about.version} is dated ${entry.date}, not today (${today}): update the date when you release.`,
        );
      }
      for (const warning of bumpSectionWarnings(kind, entry))
        add('warning', 'bump-kind', changelogShown, warning.line, warning.message);
    }
    if (previous !== undefined) findings.push(...staleReferences(repoPath, integration, previous));
  }
  for (const finding of lintHistory(changelog, today, skip))
    add(finding.level, finding.rule, changelogShown, finding.line, finding.message);

  const shownEntry = entry ?? newest(changelog);
  return {
    integration: integration.name,
    changelog: changelogShown,
    version: about.version,
    previousVersion: previous ?? '',
    bumpRequired,
    bumpKind: bumped ? kind : 'none',
    notes: shownEntry ? renderEntryBody(shownEntry) : '',
    entryMarkdown: shownEntry ? `${shownEntry.heading}\n\n${renderEntryBody(shownEntry)}` : '',
    decision,
    findings: findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line),
  };
}

/** README and docs that still pin the previous version. */
function staleReferences(repoPath: string, integration: SelectedIntegration, previous: string): LocatedFinding[] {
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
