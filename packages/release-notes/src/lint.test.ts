import { describe, expect, test } from '@jest/globals';
import { lintChangelog, lintNewEntry, parseChangelog } from './index.js';

const TODAY = '2026-11-24';
const rules = (text: string) => lintChangelog(parseChangelog(text), TODAY).map((f) => [f.level, f.rule, f.line]);

describe('history level (lint mode)', () => {
  test.each([
    ['## 1.0 / 2024-01-01\n\n* x', ['error', 'version-format', 1]],
    ['## 1.0.0 / 2024-02-30\n\n* x', ['error', 'impossible-date', 1]],
    ['## 1.0.0 / 2027-01-01\n\n* x', ['error', 'future-date', 1]],
    ['## 1.0.0 / 2024-01-01\n\n* x\n\n## 1.0.0 / 2023-01-01\n\n* y', ['error', 'duplicate-version', 5]],
    ['## 1.0.0\n\n* x', ['warning', 'missing-date', 1]],
    ['## 1.3.0/ 2025-07-10\n\n* x', ['warning', 'heading-format', 1]],
    ['## 1.0.0 / 2024-01-01\n\n***Added***\n\n* x', ['warning', 'label-format', 3]],
    ['## 1.0.0 / 2024-01-01\n\n***Added***:\n', ['warning', 'empty-section', 3]],
    ['## 1.0.0 / 2024-01-01\n\nSome text.', ['warning', 'stray-line', 3]],
    ['# CHANGELOG\n', ['warning', 'no-entries', 1]],
  ])('%j', (text, expected) => {
    expect(rules(text)).toContainEqual(expected);
  });

  test.each([
    ['## 1.0.0 (2024-01-01)', "'## 1.0.0 / 2024-01-01'"],
    ['## 1.0.0 2024-01-01', "'## 1.0.0 / 2024-01-01'"],
    ['## 1.0.0 - 01/02/2024', "'## 1.0.0 / YYYY-MM-DD'"],
    ['## 1.0.0 / 2024/01/01', "'## 1.0.0 / 2024-01-01'"],
    ['## 1.0.0 / Jan 1, 2024', "'## 1.0.0 / YYYY-MM-DD'"],
  ])('a date in another format, %j, is an error with the canonical form', (heading, canonical) => {
    const findings = lintChangelog(parseChangelog(`## 1.1.0 / 2025-01-01\n\n* y\n\n${heading}\n\n* x\n`), TODAY);
    expect(findings.map((f) => [f.level, f.rule, f.line])).toEqual([['error', 'date-format', 5]]);
    expect(findings[0]!.message).toContain(canonical);
  });

  // Variants real, accepted changelogs contain: warnings only, never an error.
  test.each([
    ['## 1.3.0/ 2025-07-10\n\n* x', [['warning', 'heading-format', 1]]],
    ['## v1.0.0 - 2024-01-01\n\n* x', [['warning', 'heading-format', 1]]],
    ['### 1.0.0 / 2024-01-01\n\n* x', [['warning', 'heading-format', 1]]],
    ['## 1.0.0\n\n* x', [['warning', 'missing-date', 1]]],
    ...['***Added:***', '**_Added_**:', '_**Added**_:', '**Added**', '***Added***', '### Added'].map(
      (label): [string, unknown[]] => [`## 1.0.0 / 2024-01-01\n\n${label}\n\n* x`, [['warning', 'label-format', 3]]],
    ),
    ['## 1.0.0 / 2024-01-01\n\n***Deprecated***:\n\n* x', []],
  ])('%j gives only warnings', (text, expected) => {
    expect(rules(text)).toEqual(expected);
  });

  test('consistently oldest first is a warning; mixed order an error', () => {
    expect(rules('## 1.0.0 / 2020-01-01\n* a\n## 1.1.0 / 2021-01-01\n* b\n## 2.0.0 / 2022-01-01\n* c')).toEqual([
      ['warning', 'oldest-first', 1],
    ]);
    expect(rules('## 2.0.0 / 2022-01-01\n* a\n## 1.0.0 / 2020-01-01\n* b\n## 1.1.0 / 2021-01-01\n* c')).toEqual([
      ['error', 'mixed-order', 5],
    ]);
  });

  test('a canonical file has no finding', () => {
    expect(
      rules(
        '# CHANGELOG - X\n\n## 1.1.0 / 2026-01-01\n\n***Fixed***:\n\n* y\n\n## 1.0.0 / 2025-01-01\n\n***Added***:\n\n* x\n',
      ),
    ).toEqual([]);
  });
});

describe('the entry a pull request adds', () => {
  const newEntry = (text: string) => {
    const changelog = parseChangelog(text);
    return lintNewEntry(
      changelog,
      changelog.entries.find((e) => e.version === '1.1.0')!,
      TODAY,
    ).map((f) => [f.rule, f.line, f.message]);
  };
  const OLD = '\n## 1.0.0 / 2025-01-01\n\n***Added***:\n\n* x\n';

  test('canonical passes', () => {
    expect(newEntry(`## 1.1.0 / 2026-11-24\n\n***Added***:\n\n* New thing.\n${OLD}`)).toEqual([]);
  });

  test.each([
    [
      `## 1.1.0/ 2026-11-24\n\n***Added***:\n\n* n\n${OLD}`,
      'entry-heading',
      1,
      "must be exactly '## 1.1.0 / 2026-11-24'",
    ],
    [`## 1.1.0\n\n***Added***:\n\n* n\n${OLD}`, 'entry-heading', 1, "must be exactly '## 1.1.0 / 2026-11-24'"],
    [`## 1.1.0 / 2026-11-24\n\n***Added***\n\n* n\n${OLD}`, 'entry-label', 3, "must be exactly '***Added***:'"],
    [`## 1.1.0 / 2026-11-24\n\n_**Fixed**_:\n\n* n\n${OLD}`, 'entry-label', 3, "must be exactly '***Fixed***:'"],
    [`## 1.1.0 / 2026-11-24\n\n***Added***:\n${OLD}`, 'entry-empty-section', 3, 'needs at least one'],
    [`## 1.1.0 / 2026-11-24\n\n* n\n${OLD}`, 'entry-no-section', 1, 'needs at least one section'],
    [`## 1.1.0 / 2026-11-24\n\n***Added***:\n\nSome prose.\n* n\n${OLD}`, 'entry-stray-line', 5, 'Only section labels'],
    [`${OLD.trim()}\n\n## 1.1.0 / 2026-11-24\n\n***Added***:\n\n* n\n`, 'entry-not-first', 7, 'must be the first one'],
    [`## 1.1.0 / 2026-12-01\n\n***Added***:\n\n* n\n${OLD}`, 'future-date', 1, 'after today'],
  ])('%#: %j', (text, rule, line, message) => {
    const findings = newEntry(text);
    expect(findings.map(([r, l]) => [r, l])).toContainEqual([rule, line]);
    expect(findings.find(([r]) => r === rule)![2]).toContain(message);
  });
});

test('a finding never quotes more than 300 characters of the file (a 1 MB heading stays out of the annotations)', () => {
  const changelog = parseChangelog(
    `# CHANGELOG\n\n## 1.${'1'.repeat(1_000_000)}x / 2024-13-45\n\n***Added***${' '.repeat(1000)}:\n`,
  );
  const findings = [
    ...lintChangelog(changelog, '2024-01-02'),
    ...lintNewEntry(changelog, changelog.entries[0]!, '2024-01-02'),
  ];
  expect(findings.length).toBeGreaterThan(0);
  for (const finding of findings) expect(finding.message.length).toBeLessThanOrEqual(300);
});
