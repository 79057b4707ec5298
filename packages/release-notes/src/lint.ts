import { compare, gt, valid } from '@renovatebot/pep440';
import { isCalendarDate } from './dates.js';
import type { Changelog, Entry, Finding } from './model.js';
import { canonicalHeading, canonicalLabel } from './render.js';

const STRICT_VERSION = /^\d+\.\d+\.\d+$/;
const CANONICAL_HEADING = /^## (\d+\.\d+\.\d+) \/ (\d{4}-\d{2}-\d{2})$/;
/** The date variants history accepts (as warnings): `YYYY-MM-DD` after a `/` or `-`, e.g. `## 1.3.0/ 2025-07-10`. */
const ACCEPTED_HEADING = /^#{1,4}\s*v?\d[\w.+-]*\s*[/-]\s*\d{4}-\d{2}-\d{2}$/;
const CANONICAL_LABEL = /^\*\*\*(Added|Fixed|Changed|Removed|Deprecated|Security)\*\*\*:$/;

/**
 * History level: everything already merged (all of the file in `lint` mode). Errors only for what is
 * certainly wrong; every legacy quirk Datadog accepted is at most a warning.
 */
export function lintHistory(changelog: Changelog, today: string, skip: ReadonlySet<Entry> = new Set()): Finding[] {
  const findings: Finding[] = [];
  const add = (level: Finding['level'], rule: string, line: number, message: string) =>
    findings.push({ level, rule, line, message });
  const seen = new Map<string, number>();
  for (const entry of changelog.entries) {
    if (!STRICT_VERSION.test(entry.version)) {
      add('error', 'version-format', entry.line, `Version '${entry.version}' is not X.Y.Z (three numbers).`);
    }
    const first = seen.get(entry.version);
    if (first !== undefined)
      add('error', 'duplicate-version', entry.line, `Version ${entry.version} is already listed at line ${first}.`);
    else seen.set(entry.version, entry.line);
    if (skip.has(entry)) continue;
    checkDate(entry, today, add);
    for (const section of entry.sections) {
      if (!CANONICAL_LABEL.test(section.raw)) {
        add(
          'warning',
          'label-format',
          section.line,
          `Section label '${section.raw}' is not in the form '${canonicalLabel(section.name)}'.`,
        );
      }
      if (section.bullets.length === 0)
        add('warning', 'empty-section', section.line, `Section ${section.name} has no bullets.`);
    }
    if (entry.looseBullets.length > 0 && entry.sections.length > 0) {
      add(
        'warning',
        'bullet-without-section',
        entry.looseBullets[0]!.line,
        'Bullets before the first section label belong to no section.',
      );
    }
    for (const other of entry.otherLines) {
      add(
        'warning',
        'stray-line',
        other.line,
        `Line is neither a section label nor a '* ' bullet: ${JSON.stringify(other.text.trim().slice(0, 60))}.`,
      );
    }
  }
  findings.push(...checkOrder(changelog));
  return findings.sort((a, b) => a.line - b.line).map(bounded);
}

function checkDate(
  entry: Entry,
  today: string,
  add: (level: Finding['level'], rule: string, line: number, message: string) => void,
): void {
  if (entry.date === undefined) {
    add(
      'warning',
      'missing-date',
      entry.line,
      `Version ${entry.version} has no date; write '${canonicalHeading(entry.version, 'YYYY-MM-DD')}'.`,
    );
    return;
  }
  if (!ACCEPTED_HEADING.test(entry.heading)) {
    add(
      'error',
      'date-format',
      entry.line,
      `Heading '${entry.heading}' has a date in another format; write '${canonicalHeading(entry.version, isoDate(entry.date))}'.`,
    );
  } else if (!isCalendarDate(entry.date)) {
    add('error', 'impossible-date', entry.line, `Date ${entry.date} is not a calendar date.`);
  } else if (entry.date > today) {
    add('error', 'future-date', entry.line, `Date ${entry.date} is after today (${today}).`);
  } else if (!CANONICAL_HEADING.test(entry.heading)) {
    add(
      'warning',
      'heading-format',
      entry.line,
      `Heading '${entry.heading}' is not in the form '${canonicalHeading(entry.version, entry.date)}'.`,
    );
  }
}

/** `2024/01/31`, `(2024-1-31)` → `2024-01-31`; `YYYY-MM-DD` when no unambiguous calendar date is there. */
function isoDate(text: string): string {
  const match = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(text);
  const date = match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : '';
  return isCalendarDate(date) ? date : 'YYYY-MM-DD';
}

/** Newest first, or consistently oldest first (a warning); anything else is an error. */
function checkOrder(changelog: Changelog): Finding[] {
  const versioned = changelog.entries.filter((entry) => valid(entry.version) !== null);
  let descending = 0;
  let ascending = 0;
  for (let index = 1; index < versioned.length; index++) {
    const order = compare(versioned[index - 1]!.version, versioned[index]!.version);
    if (order > 0) descending++;
    if (order < 0) ascending++;
  }
  if (ascending === 0) return [];
  if (descending === 0) {
    return [
      {
        level: 'warning',
        rule: 'oldest-first',
        line: versioned[0]!.line,
        message: 'Entries are oldest first; newest first is the convention.',
      },
    ];
  }
  const wrong = versioned.find((entry, index) => index > 0 && gt(entry.version, versioned[index - 1]!.version))!;
  return [
    {
      level: 'error',
      rule: 'mixed-order',
      line: wrong.line,
      message: `Version ${wrong.version} is listed below an older one: entries must be newest first.`,
    },
  ];
}

/**
 * The entry a pull request adds must be canonical: exactly `## X.Y.Z / YYYY-MM-DD`, placed first,
 * labels exactly `***Added***:` (…), each with at least one `* ` bullet and nothing else.
 */
export function lintNewEntry(changelog: Changelog, entry: Entry, today: string): Finding[] {
  const findings: Finding[] = [];
  const error = (rule: string, line: number, message: string) => findings.push({ level: 'error', rule, line, message });
  const canonical = canonicalHeading(entry.version, entry.date && isCalendarDate(entry.date) ? entry.date : today);
  if (!CANONICAL_HEADING.test(entry.heading)) {
    error(
      'entry-heading',
      entry.line,
      `The new entry's heading must be exactly '${canonical}', not '${entry.heading}'.`,
    );
  } else if (!isCalendarDate(entry.date!)) {
    error(
      'impossible-date',
      entry.line,
      `Date ${entry.date} is not a calendar date; write '${canonicalHeading(entry.version, today)}'.`,
    );
  } else if (entry.date! > today) {
    error('future-date', entry.line, `Date ${entry.date} is after today (${today}).`);
  }
  if (changelog.entries[0] !== entry) {
    error(
      'entry-not-first',
      entry.line,
      `The entry for ${entry.version} must be the first one (newest first), above '${changelog.entries[0]!.heading}'.`,
    );
  }
  if (entry.sections.length === 0) {
    error(
      'entry-no-section',
      entry.line,
      `The entry for ${entry.version} needs at least one section, e.g. '***Added***:' followed by '* ' bullets.`,
    );
  }
  for (const bullet of entry.looseBullets) {
    error(
      'entry-bullet-without-section',
      bullet.line,
      `Bullet outside a section: put it under '***Added***:', '***Fixed***:', '***Changed***:' or '***Removed***:'.`,
    );
  }
  for (const section of entry.sections) {
    if (section.raw !== canonicalLabel(section.name)) {
      error(
        'entry-label',
        section.line,
        `Section label must be exactly '${canonicalLabel(section.name)}', not '${section.raw}'.`,
      );
    }
    if (section.bullets.length === 0)
      error(
        'entry-empty-section',
        section.line,
        `Section ${canonicalLabel(section.name)} needs at least one '* ' bullet.`,
      );
  }
  for (const other of entry.otherLines) {
    error(
      'entry-stray-line',
      other.line,
      `Only section labels and '* ' bullets belong in the entry: ${JSON.stringify(other.text.trim().slice(0, 60))}.`,
    );
  }
  return findings.map(bounded);
}

/** Lint mode: the whole file at the history level. */
export function lintChangelog(changelog: Changelog, today: string): Finding[] {
  if (changelog.entries.length === 0) {
    return [
      {
        level: 'warning',
        rule: 'no-entries',
        line: 1,
        message: "No release entries yet: the first release adds '## 1.0.0 / YYYY-MM-DD'.",
      },
    ];
  }
  return lintHistory(changelog, today);
}

/** A finding quotes the file (a heading, a label, a version): never more than 300 characters of it. */
function bounded(finding: Finding): Finding {
  return finding.message.length > 300 ? { ...finding, message: `${finding.message.slice(0, 297)}...` } : finding;
}
