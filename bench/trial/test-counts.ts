import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TestCounts } from './types.js';

export const noTests = (): TestCounts => ({ total: 0, passed: 0, failed: 0, errors: 0, skipped: 0 });

function add(into: TestCounts, counts: Omit<TestCounts, 'total' | 'passed'> & { tests: number }): void {
  into.failed += counts.failed;
  into.errors += counts.errors;
  into.skipped += counts.skipped;
  into.total += counts.tests;
  into.passed = into.total - into.failed - into.errors - into.skipped;
}

/** Sums the <testsuite> counts of every JUnit file in `dir` (ddev --junit writes one per hatch environment). */
export function countJunitDir(dir: string): TestCounts | undefined {
  if (!existsSync(dir)) return undefined;
  const files = readdirSync(dir).filter((file) => file.endsWith('.xml'));
  if (files.length === 0) return undefined;
  const counts = noTests();
  for (const file of files) {
    const xml = readFileSync(path.join(dir, file), 'utf8');
    for (const match of xml.matchAll(/<testsuite\b([^>]*)>/g)) {
      const attribute = (name: string) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(match[1]!)?.[1] ?? 0);
      add(counts, {
        tests: attribute('tests'),
        failed: attribute('failures'),
        errors: attribute('errors'),
        skipped: attribute('skipped'),
      });
    }
  }
  return counts;
}

/** Sums pytest's final summary lines (`=== 3 passed, 1 skipped in 0.2s ===`), one per hatch environment. */
export function countPytestSummaries(output: string): TestCounts | undefined {
  const counts = noTests();
  let found = false;
  for (const line of output.split('\n')) {
    if (!/^=+ .*\bin [\d.]+s\b.* =+$/.test(line.trim())) continue;
    found = true;
    const count = (word: string) => Number(new RegExp(`(\\d+) ${word}`).exec(line)?.[1] ?? 0);
    const failed = count('failed');
    const errors = count('errors?');
    const skipped = count('skipped') + count('xfailed') + count('xpassed');
    add(counts, { tests: count('passed') + failed + errors + skipped, failed, errors, skipped });
  }
  return found ? counts : undefined;
}

export const formatCounts = (counts: TestCounts | undefined): string =>
  counts ? `${counts.total} (${counts.passed}✓ ${counts.failed}✗ ${counts.errors}E ${counts.skipped}s)` : 'no count';
