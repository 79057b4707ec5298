import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { lintChangelog, parseChangelog } from './index.js';
import { extrasCorpus, NO_CORPUS } from './testing/corpus.js';

// The 265 real changelogs of DataDog/integrations-extras (AIC_CORPUS_DIR, else shared/corpus beside the clone),
// all accepted by Datadog's review: lint mode must find no error in any of them; legacy quirks are warnings.
const corpus = extrasCorpus();
// To stderr, where jest does not swallow it: one line, and the suite passes without the data.
if (!corpus) process.stderr.write(`${NO_CORPUS}\n`);
const files = corpus?.changelogs.map((changelog) => changelog.file) ?? [];

(corpus ? describe : describe.skip)('the extras changelog corpus', () => {
  test('has the 265 files', () => expect(files).toHaveLength(265));

  test('gives 0 errors in lint mode', () => {
    const errors: string[] = [];
    const warnings = new Map<string, number>();
    for (const file of files) {
      const findings = lintChangelog(parseChangelog(readFileSync(file, 'utf8')), '2026-11-24');
      for (const finding of findings) {
        if (finding.level === 'error') errors.push(`${file}:${finding.line}: ${finding.rule}: ${finding.message}`);
        else warnings.set(finding.rule, (warnings.get(finding.rule) ?? 0) + 1);
      }
    }
    expect(errors).toEqual([]);
    // The quirks the issue lists are recognised as warnings, not silently accepted.
    expect([...warnings.keys()].sort()).toEqual(
      expect.arrayContaining(['heading-format', 'label-format', 'missing-date', 'oldest-first', 'stray-line']),
    );
  });

  test('reads every dated heading: 328 canonical ones plus the legacy variants', () => {
    let dated = 0;
    let undated = 0;
    for (const file of files) {
      for (const entry of parseChangelog(readFileSync(file, 'utf8')).entries) {
        if (entry.date) dated++;
        else undated++;
      }
    }
    expect(dated).toBeGreaterThanOrEqual(328);
    expect(undated).toBeGreaterThanOrEqual(117);
  });
});
