export * from './model.js';
export { parseChangelog, sectionName } from './parse.js';
export { lintChangelog, lintHistory, lintNewEntry } from './lint.js';
export { canonicalHeading, canonicalLabel, renderChangelog, renderEntry, renderEntryBody } from './render.js';
export { bumpKind, bumpSectionWarnings, staleVersionReferences, type BumpKind } from './bump.js';
export { daysBetween, isCalendarDate, utcToday } from './dates.js';

import type { Changelog, Entry } from './model.js';

/** The entry for exactly `version`, if the changelog has one. */
export function entryFor(changelog: Changelog, version: string): Entry | undefined {
  return changelog.entries.find((entry) => entry.version === version);
}
