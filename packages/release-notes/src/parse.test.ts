import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { canonicalHeading, parseChangelog, renderEntryBody, entryFor, type Entry } from './index.js';

/** A whole changelog in canonical form, newest first as given: what the round trips below parse back. */
function renderChangelog(title: string, entries: readonly Entry[]): string {
  const rendered = entries.map((entry) =>
    `${canonicalHeading(entry.version, entry.date)}\n\n${renderEntryBody(entry)}`.trimEnd(),
  );
  return `${[`# ${title}`, ...rendered].join('\n\n')}\n`;
}

const SAMPLE = `# CHANGELOG - Awesome

## 1.1.0 / 2026-11-20

***Added***:

* Send a log for each outcome.
* A second line
  that continues.

***Fixed***:

* Timeouts.

## 1.0.0 / 2026-10-02

* Initial release.
`;

describe('parseChangelog', () => {
  test('reads entries, sections and bullets with their lines', () => {
    const changelog = parseChangelog(SAMPLE);
    expect(changelog.title).toEqual({ text: '# CHANGELOG - Awesome', line: 1 });
    expect(changelog.entries.map((e) => [e.version, e.date, e.line, e.endLine])).toEqual([
      ['1.1.0', '2026-11-20', 3, 13],
      ['1.0.0', '2026-10-02', 15, 17],
    ]);
    const [newest] = changelog.entries;
    expect(newest!.sections.map((s) => [s.name, s.line, s.bullets.map((b) => b.line)])).toEqual([
      ['Added', 5, [7, 8]],
      ['Fixed', 11, [13]],
    ]);
    expect(newest!.sections[0]!.bullets[1]!.text).toBe('A second line\n  that continues.');
    expect(changelog.entries[1]!.looseBullets).toEqual([{ text: 'Initial release.', line: 17 }]);
  });

  test.each([
    ['## 1.3.0/ 2025-07-10', '1.3.0', '2025-07-10'],
    ['### 1.4.0 / 2026-06-01', '1.4.0', '2026-06-01'],
    ['# 2.0.0 / 2025-04-25', '2.0.0', '2025-04-25'],
    ['## 1.0.0', '1.0.0', undefined],
    ['## 1.0.0 ', '1.0.0', undefined],
    ['## 1.0 / 2024-01-01', '1.0', '2024-01-01'],
    ['## 1.0.0 / 01/02/2024', '1.0.0', '01/02/2024'],
    ['## 1.0.0 - 01/02/2024', '1.0.0', '01/02/2024'],
    ['## 1.0.0 / 2024/01/01', '1.0.0', '2024/01/01'],
    ['## 1.0.0 (2024-01-01)', '1.0.0', '(2024-01-01)'],
    ['## 1.0.0 2024-01-01', '1.0.0', '2024-01-01'],
    ['## v1.0.0 - 2024-01-01', '1.0.0', '2024-01-01'],
  ])('heading %j', (heading, version, date) => {
    const [entry] = parseChangelog(`# CHANGELOG\n\n${heading}\n\n* x\n`).entries;
    expect([entry?.version, entry?.date]).toEqual([version, date]);
  });

  test('a heading with a date in another format is an entry of its own; `#123 Fix` is not a heading', () => {
    const changelog = parseChangelog('## 1.1.0 / 2025-01-01\n\n* y\n\n## 1.0.0 (2024-01-01)\n\n* x\n#123 Fix\n');
    expect(changelog.entries.map((e) => [e.version, e.line, e.looseBullets.map((b) => b.text)])).toEqual([
      ['1.1.0', 1, ['y']],
      ['1.0.0', 5, ['x']],
    ]);
    expect(changelog.entries[1]!.otherLines.map((l) => l.text)).toEqual(['#123 Fix']);
  });

  test.each([
    ['***Added***:', 'Added'],
    ['***Added***', 'Added'],
    ['***Added:***', 'Added'],
    ['_**Added**_:', 'Added'],
    ['**_Fixed_**:', 'Fixed'],
    ['**Removed**', 'Removed'],
    ['***Deprecated***:', 'Deprecated'],
    ['### Changed', 'Changed'],
  ])('label %j', (label, name) => {
    const [entry] = parseChangelog(`## 1.0.0 / 2024-01-01\n\n${label}\n\n* x\n`).entries;
    expect(entry?.sections.map((s) => s.name)).toEqual([name]);
  });

  test('a setext version heading', () => {
    const [entry] = parseChangelog('# CHANGELOG\n\n1.0.0\n=====\n### Changes\n\n* first\n').entries;
    expect(entry).toMatchObject({ version: '1.0.0', line: 3 });
    expect(entry?.otherLines.map((l) => l.text)).toEqual(['### Changes']);
  });

  test('entryFor and the release body', () => {
    const entry = entryFor(parseChangelog(SAMPLE), '1.1.0')!;
    expect(renderEntryBody(entry)).toBe(
      '***Added***:\n\n* Send a log for each outcome.\n* A second line\n  that continues.\n\n***Fixed***:\n\n* Timeouts.',
    );
    expect(entryFor(parseChangelog(SAMPLE), '9.9.9')).toBeUndefined();
  });
});

describe('properties', () => {
  test('arbitrary text never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        parseChangelog(text);
      }),
      { numRuns: 3_000 },
    );
  });

  const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .,()`-]{0,30}[A-Za-z0-9.)`]$/);
  const version = fc.tuple(fc.nat(20), fc.nat(20), fc.nat(20)).map((parts) => parts.join('.'));
  const date = fc
    .date({ min: new Date('2015-01-01'), max: new Date('2026-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const section = fc.record({
    name: fc.constantFrom('Added', 'Fixed', 'Changed', 'Removed', 'Deprecated', 'Security'),
    bullets: fc.array(word, { minLength: 1, maxLength: 4 }),
  });
  const entry = fc.record({
    version,
    date,
    sections: fc.uniqueArray(section, { selector: (s) => s.name, minLength: 1, maxLength: 4 }),
  });

  test('valid changelogs round-trip: parse → render → parse', () => {
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.version, minLength: 1, maxLength: 5 }), (entries) => {
        const text = renderChangelog(
          'CHANGELOG - Generated',
          entries.map((e, index): Entry => ({
            version: e.version,
            date: e.date,
            heading: '',
            line: index,
            endLine: index,
            looseBullets: [],
            otherLines: [],
            sections: e.sections.map((s) => ({
              name: s.name,
              raw: '',
              line: 0,
              bullets: s.bullets.map((b) => ({ text: b, line: 0 })),
            })),
          })),
        );
        const parsed = parseChangelog(text);
        expect(renderChangelog('CHANGELOG - Generated', parsed.entries)).toBe(text);
        expect(
          parsed.entries.map((e) => [e.version, e.date, e.sections.map((s) => [s.name, s.bullets.map((b) => b.text)])]),
        ).toEqual(entries.map((e) => [e.version, e.date, e.sections.map((s) => [s.name, s.bullets])]));
      }),
      { numRuns: 500 },
    );
  });
});
