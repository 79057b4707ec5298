import { SECTION_NAMES, type Changelog, type Entry, type SectionName } from './model.js';

/**
 * `## 1.2.3 / 2024-01-31`, also `# 1.2.3`, `### 1.2.3/ 2024-01-31`, `## v1.2.3 - 2024-01-31`, and, for a dotted
 * version, `## 1.2.3 <anything>` (`## 1.2.3 (2024-01-31)`). The date part is whatever follows the version and its
 * `/` or `-`; lint judges its form. (`#123 Fix` is no entry: no separator, no dot.)
 */
const VERSION_HEADING = /^#{1,4}\s*v?(\d[\w.+-]*)\s*([/-]?)\s*(.*?)\s*$/;
/** `***Added***:`, `***Added:***`, `_**Added**_:`, `**_Added_**`, `**Added**`, `### Added`. */
const SECTION_LABEL = /^(?:#{2,4}\s*)?([*_]{0,3})\s*([A-Za-z]+)\s*(:?)\s*([*_]{0,3})\s*(:?)\s*$/;
const BULLET = /^(\s*)[*-]\s+(.*)$/;

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
    const setext = /^v?\d+\.\d+[\w.+-]*$/.test(trimmed) && /^(=+|-+)\s*$/.test(lines[index + 1] ?? '');
    const heading = VERSION_HEADING.exec(setext ? `# ${trimmed}` : trimmed);
    if (heading && (heading[2] || !heading[3] || heading[1]!.includes('.'))) {
      if (setext) index++;
      if (entry) entry.endLine = previousContentLine(lines, index);
      entry = {
        version: heading[1]!,
        date: heading[3] || undefined,
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
    const label = SECTION_LABEL.exec(trimmed);
    const name = label ? sectionName(label[2]!) : undefined;
    if (label && name && (label[1] !== '' || trimmed.startsWith('#'))) {
      entry.sections.push({ name, raw: trimmed, line, bullets: [] });
      continue;
    }
    const bullet = BULLET.exec(raw);
    if (bullet && bullet[1]!.length < 2) {
      const target = entry.sections.at(-1)?.bullets ?? entry.looseBullets;
      target.push({ text: bullet[2]!.trim(), line });
      continue;
    }
    const lastBullet = entry.sections.at(-1)?.bullets.at(-1) ?? entry.looseBullets.at(-1);
    if (lastBullet && /^\s/.test(raw)) {
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
