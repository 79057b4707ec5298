/** A CHANGELOG.md as data: entries with their line numbers (1-based). */

export const SECTION_NAMES = ['Added', 'Fixed', 'Changed', 'Removed', 'Deprecated', 'Security'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

export interface Bullet {
  text: string;
  line: number;
}

export interface Section {
  name: SectionName;
  /** The label as written (`***Added***:`, `_**Added**_:`, `### Added`…). */
  raw: string;
  line: number;
  bullets: Bullet[];
}

export interface Entry {
  version: string;
  /** The heading's date part as written (`YYYY-MM-DD` when well formed), or undefined when it has none. */
  date: string | undefined;
  heading: string;
  line: number;
  /** Last line of the entry (before the next heading or the end). */
  endLine: number;
  sections: Section[];
  /** Bullets under the heading before any section label. */
  looseBullets: Bullet[];
  /** Other non-blank lines inside the entry: text, link references, comments. */
  otherLines: { text: string; line: number }[];
}

export interface Changelog {
  title: { text: string; line: number } | undefined;
  /** In file order. */
  entries: Entry[];
  lineCount: number;
}

export type Level = 'error' | 'warning';

export interface Finding {
  rule: string;
  level: Level;
  line: number;
  message: string;
}
