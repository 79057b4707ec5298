import { SECTION_NAMES, type Changelog, type Entry, type SectionName } from './model.js';

// Every line is read by the small scanners below, not by regular expressions with several `\s*` and
// `.*?` next to each other: those backtrack polynomially on a long hostile line (`***Added` + 2,000
// spaces outlasted a CI job). Each scanner reads a line once, left to right.

const isSpace = (char: string | undefined): boolean => char !== undefined && char.trim() === '' && char !== '';
const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9';
const isWordChar = (char: string | undefined): boolean =>
  char !== undefined && (isDigit(char) || (char >= 'A' && char <= 'Z') || (char >= 'a' && char <= 'z') || char === '_');
const isVersionChar = (char: string | undefined): boolean =>
  isWordChar(char) || char === '.' || char === '+' || char === '-';
const isLetter = (char: string | undefined): boolean =>
  char !== undefined && ((char >= 'A' && char <= 'Z') || (char >= 'a' && char <= 'z'));
const isMark = (char: string | undefined): boolean => char === '*' || char === '_';

function skip(text: string, from: number, test: (char: string | undefined) => boolean, max = Infinity): number {
  let index = from;
  while (index < text.length && index - from < max && test(text[index])) index++;
  return index;
}

/**
 * `## 1.2.3 / 2024-01-31`, also `# 1.2.3`, `### 1.2.3/ 2024-01-31`, `## v1.2.3 - 2024-01-31`, and, for a dotted
 * version, `## 1.2.3 <anything>` (`## 1.2.3 (2024-01-31)`). The date part is whatever follows the version and its
 * `/` or `-`; lint judges its form. (`#123 Fix` is no entry: no separator, no dot.) `line` is trimmed.
 */
export function versionHeading(line: string): { version: string; separator: string; rest: string } | undefined {
  const hashes = skip(line, 0, (char) => char === '#');
  if (hashes < 1 || hashes > 4) return undefined;
  let index = skip(line, hashes, isSpace);
  if (line[index] === 'v') index++;
  if (!isDigit(line[index])) return undefined;
  const versionEnd = skip(line, index, isVersionChar);
  const version = line.slice(index, versionEnd);
  index = skip(line, versionEnd, isSpace);
  let separator = '';
  if (line[index] === '/' || line[index] === '-') separator = line[index++]!;
  index = skip(line, index, isSpace);
  return { version, separator, rest: line.slice(index).trimEnd() };
}

/**
 * `***Added***:`, `***Added:***`, `_**Added**_:`, `**_Added_**`, `**Added**`, `### Added`: the marks before the
 * word (up to three `*`/`_`), the word, and whether the line started with `#`. `line` is trimmed.
 */
export function sectionLabel(line: string): { marks: string; word: string } | undefined {
  let index = 0;
  const hashes = skip(line, 0, (char) => char === '#');
  if (hashes === 1 || hashes > 4) return undefined;
  if (hashes > 0) index = skip(line, hashes, isSpace);
  const marksEnd = skip(line, index, isMark, 3);
  const marks = line.slice(index, marksEnd);
  index = skip(line, marksEnd, isSpace);
  const wordEnd = skip(line, index, isLetter);
  if (wordEnd === index) return undefined;
  const word = line.slice(index, wordEnd);
  // The rest: spaces, an optional `:`, up to three closing marks, an optional `:`, in that order.
  index = skip(line, wordEnd, isSpace);
  if (line[index] === ':') index = skip(line, index + 1, isSpace);
  index = skip(line, skip(line, index, isMark, 3), isSpace);
  if (line[index] === ':') index = skip(line, index + 1, isSpace);
  return index === line.length ? { marks, word } : undefined;
}

/** `* text` or `- text`, indented or not: the indentation and the text. */
export function bulletLine(raw: string): { indent: number; text: string } | undefined {
  const indent = skip(raw, 0, isSpace);
  if (raw[indent] !== '*' && raw[indent] !== '-') return undefined;
  const textStart = skip(raw, indent + 1, isSpace);
  if (textStart === indent + 1) return undefined;
  return { indent, text: raw.slice(textStart) };
}

/** `1.0.0` alone on a line (a setext heading's text when the next line is `===` or `---`). */
function isSetextVersion(trimmed: string): boolean {
  let index = trimmed[0] === 'v' ? 1 : 0;
  const digits = skip(trimmed, index, isDigit);
  if (digits === index || trimmed[digits] !== '.' || !isDigit(trimmed[digits + 1])) return false;
  index = skip(trimmed, digits + 1, isVersionChar);
  return index === trimmed.length;
}

function isSetextUnderline(line: string | undefined): boolean {
  if (line === undefined || (line[0] !== '=' && line[0] !== '-')) return false;
  const end = skip(line, 0, (char) => char === line[0]);
  return skip(line, end, isSpace) === line.length;
}

export function sectionName(word: string): SectionName | undefined {
  const lower = word.toLowerCase();
  return SECTION_NAMES.find((name) => name.toLowerCase() === lower);
}

/** Reads a changelog into entries. Never throws: whatever it cannot place is kept in `otherLines`. */
export function parseChangelog(text: string): Changelog {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const changelog: Changelog = { title: undefined, entries: [], lineCount: lines.length };
  let entry: Entry | undefined;
  let inComment = false;
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    const line = index + 1;
    const trimmed = raw.trim();
    if (inComment) {
      if (trimmed.includes('-->')) inComment = false;
      if (entry) entry.otherLines.push({ text: raw, line });
      continue;
    }
    if (trimmed.startsWith('<!--') && !trimmed.includes('-->')) inComment = true;
    if (trimmed === '') continue;

    // A setext heading (`1.0.0` underlined with `===`) counts as a version heading too.
    const setext = isSetextVersion(trimmed) && isSetextUnderline(lines[index + 1]);
    const heading = versionHeading(setext ? `# ${trimmed}` : trimmed);
    if (heading && (heading.separator || !heading.rest || heading.version.includes('.'))) {
      if (setext) index++;
      if (entry) entry.endLine = previousContentLine(lines, index);
      entry = {
        version: heading.version,
        date: heading.rest || undefined,
        heading: trimmed,
        line,
        endLine: line,
        sections: [],
        looseBullets: [],
        otherLines: [],
      };
      changelog.entries.push(entry);
      continue;
    }
    if (!entry) {
      if (trimmed.startsWith('#') && changelog.title === undefined) changelog.title = { text: trimmed, line };
      continue;
    }
    const label = sectionLabel(trimmed);
    const name = label ? sectionName(label.word) : undefined;
    if (label && name && (label.marks !== '' || trimmed.startsWith('#'))) {
      entry.sections.push({ name, raw: trimmed, line, bullets: [] });
      continue;
    }
    const bullet = bulletLine(raw);
    if (bullet && bullet.indent < 2) {
      const target = entry.sections.at(-1)?.bullets ?? entry.looseBullets;
      target.push({ text: bullet.text.trim(), line });
      continue;
    }
    const lastBullet = entry.sections.at(-1)?.bullets.at(-1) ?? entry.looseBullets.at(-1);
    if (lastBullet && isSpace(raw[0])) {
      // An indented continuation (or nested bullet) of the bullet above.
      lastBullet.text += `\n${raw}`;
      continue;
    }
    entry.otherLines.push({ text: raw, line });
  }
  if (entry) entry.endLine = previousContentLine(lines, lines.length);
  return changelog;
}

function previousContentLine(lines: readonly string[], beforeIndex: number): number {
  let index = beforeIndex - 1;
  while (index > 0 && lines[index]!.trim() === '') index--;
  return index + 1;
}
