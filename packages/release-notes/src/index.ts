export * from './model.js';
export { parseChangelog, sectionName } from './parse.js';
export { lintChangelog, lintHistory, lintNewEntry } from './lint.js';
export { canonicalHeading, canonicalLabel, renderEntryBody } from './render.js';
export { bumpKind, bumpSectionWarnings, staleVersionReferences, type BumpKind } from './bump.js';
export { daysBetween, isCalendarDate, utcToday } from './dates.js';
export {
  bumpGate,
  entryFor,
  newestEntry,
  versionWentUp,
  type BumpGate,
  type BumpGateFacts,
  type LocatedFinding,
} from './gate.js';
export { checkTagFormat, checkTagName, DEFAULT_TAG_FORMAT, tagName } from './tag-name.js';
