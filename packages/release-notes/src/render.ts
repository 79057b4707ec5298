import type { Entry } from './model.js';

/** The canonical heading: `## X.Y.Z / YYYY-MM-DD`. */
export function canonicalHeading(version: string, date: string | undefined): string {
  return date ? `## ${version} / ${date}` : `## ${version}`;
}

export function canonicalLabel(name: string): string {
  return `***${name}***:`;
}

/** The body of an entry (sections and bullets, no heading), canonical — what a GitHub release shows. */
export function renderEntryBody(entry: Entry): string {
  const blocks: string[] = [];
  if (entry.looseBullets.length > 0) blocks.push(entry.looseBullets.map((bullet) => `* ${bullet.text}`).join('\n'));
  for (const section of entry.sections) {
    if (section.bullets.length === 0) continue;
    blocks.push(`${canonicalLabel(section.name)}\n\n${section.bullets.map((bullet) => `* ${bullet.text}`).join('\n')}`);
  }
  return blocks.join('\n\n');
}
