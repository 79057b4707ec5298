import { lt, rcompare, valid } from '@renovatebot/pep440';
import { bumpKind, bumpSectionWarnings, type BumpKind } from './bump.js';
import { daysBetween } from './dates.js';
import { lintHistory, lintNewEntry } from './lint.js';
import type { Changelog, Entry, Level } from './model.js';
import { canonicalHeading } from './render.js';

/** A finding on a file of the repository (`file` relative to its root). */
export interface LocatedFinding {
  level: Level;
  rule: string;
  file: string;
  line: number;
  message: string;
}

/** The entry for exactly `version`, if the changelog has one. */
export function entryFor(changelog: Changelog, version: string): Entry | undefined {
  return changelog.entries.find((entry) => entry.version === version);
}

/** The entry with the highest PEP 440 version (the first one when none has a version). */
export function newestEntry(changelog: Changelog): Entry | undefined {
  const versioned = changelog.entries.filter((entry) => valid(entry.version) !== null);
  return versioned.sort((a, b) => rcompare(a.version, b.version))[0] ?? changelog.entries[0];
}

/** Whether a release is due: `version` above `previous` in PEP 440's order (`1.1.0 → 1.1.0rc1` went down). */
export function versionWentUp(previous: string, version: string): boolean {
  if (valid(previous) === null || valid(version) === null) return version !== previous;
  return bumpKind(previous, version) !== 'none';
}

/** What a pull request did to one integration, as the step read it from git and the files. */
export interface BumpGateFacts {
  /** `__version__` at the head, and its line in `aboutFile`. */
  version: string;
  versionLine: number;
  aboutFile: string;
  /** `__version__` at the merge base; undefined for a new integration. */
  previous: string | undefined;
  changelog: Changelog;
  changelogFile: string;
  /** The integration's changed files that ship (with why), and the reasons of all its changed files. */
  functional: readonly { file: string; reason: string }[];
  changedReasons: readonly string[];
  today: string;
}

export interface BumpGate {
  bumpRequired: boolean;
  bumpKind: BumpKind;
  /** The version went up from a previous one: docs that still name the previous version are stale. */
  previousIsStale: boolean;
  /** The entry for the version, if any. */
  entry: Entry | undefined;
  /** The decision in one sentence. */
  decision: string;
  findings: LocatedFinding[];
}

const list = (items: readonly string[]) => [...new Set(items)].join(', ');

/**
 * The version bump gate of one integration on a pull request, as Datadog's review applies it: functional
 * changes need a higher `__version__` (PEP 440 order) and a canonical changelog entry for it; the version
 * never goes down; the rest of the changelog keeps its format.
 */
export function bumpGate(facts: BumpGateFacts): BumpGate {
  const { version, previous, changelog, today } = facts;
  const findings: LocatedFinding[] = [];
  const add = (level: Level, rule: string, file: string, line: number, message: string) =>
    findings.push({ level, rule, file, line, message });
  const kind = bumpKind(previous, version);
  const bumped = previous === undefined ? true : kind !== 'none';
  const bumpRequired = facts.functional.length > 0;
  const entry = entryFor(changelog, version);
  const skip = new Set<Entry>();
  let decision: string;

  if (previous !== undefined && valid(previous) !== null && valid(version) !== null && lt(version, previous)) {
    add(
      'error',
      'version-went-down',
      facts.aboutFile,
      facts.versionLine,
      `__version__ went down from ${previous} to ${version}: a release must raise it above ${previous}.`,
    );
    decision = `__version__ went down from ${previous} to ${version}.`;
  } else if (bumpRequired && !bumped) {
    const files =
      facts.functional
        .slice(0, 5)
        .map((file) => file.file)
        .join(', ') + (facts.functional.length > 5 ? ` and ${facts.functional.length - 5} more` : '');
    add(
      'error',
      'bump-required',
      facts.aboutFile,
      facts.versionLine,
      `Functional changes need a version bump: __version__ is still ${version} (as at the base), but these files changed: ${files}. Raise __version__ and add a '## <new version> / ${today}' entry to ${facts.changelogFile}.`,
    );
    decision = `A version bump is required (functional changes: ${list(facts.functional.map((f) => f.reason))}) but __version__ is still ${version}.`;
  } else if (bumped) {
    decision =
      previous === undefined
        ? `New integration at version ${version}.`
        : `Version ${previous} → ${version} (${kind} bump)${bumpRequired ? ', required by functional changes' : ''}.`;
  } else {
    decision =
      facts.changedReasons.length === 0
        ? 'No change in this integration: no bump required.'
        : `No functional change (only ${list(facts.changedReasons)}): no bump required.`;
  }

  if (bumped && valid(version) !== null) {
    if (!entry) {
      add(
        'error',
        'entry-missing',
        facts.changelogFile,
        1,
        `No entry for version ${version}: add '${canonicalHeading(version, today)}' at the top, with '***Added***:', '***Fixed***:', '***Changed***:' or '***Removed***:' sections of '* ' bullets.`,
      );
    } else {
      skip.add(entry);
      for (const finding of lintNewEntry(changelog, entry, today))
        add(finding.level, finding.rule, facts.changelogFile, finding.line, finding.message);
      if (entry.date && /^\d{4}-\d{2}-\d{2}$/.test(entry.date) && Math.abs(daysBetween(entry.date, today)) > 1) {
        add(
          'warning',
          'entry-date',
          facts.changelogFile,
          entry.line,
          `The entry for ${version} is dated ${entry.date}, not today (${today}): update the date when you release.`,
        );
      }
      for (const warning of bumpSectionWarnings(kind, entry))
        add('warning', 'bump-kind', facts.changelogFile, warning.line, warning.message);
    }
  }
  for (const finding of lintHistory(changelog, today, skip))
    add(finding.level, finding.rule, facts.changelogFile, finding.line, finding.message);
  return {
    bumpRequired,
    bumpKind: bumped ? kind : 'none',
    previousIsStale: bumped && previous !== undefined && valid(version) !== null,
    entry,
    decision,
    findings,
  };
}
