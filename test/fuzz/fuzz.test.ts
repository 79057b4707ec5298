import { expect, test } from '@jest/globals';
import { fuzzTable, runFuzz } from './pool.js';
import { fuzzSettings } from './settings.js';

// Every parser and input reader, fed hostile input (arbitraries.ts) on worker threads: each case must return or
// throw our UserError — never another exception — within the case bound, and each target within its deadline.
// CI runs 10,000 cases per target with a new seed each time (printed); `npm run fuzz` runs more.
test('fuzz: no crash and no hang in any parser or input reader', async () => {
  const settings = fuzzSettings();
  const results = await runFuzz({ ...settings, targetDeadlineMs: Math.max(120_000, settings.runs * 12) });
  process.stderr.write(`fuzz (seed ${settings.seed}, ${settings.runs} cases per target):\n${fuzzTable(results)}\n`);
  expect(results.filter((result) => result.failed).map((result) => `${result.target}: ${result.failure}`)).toEqual([]);
  for (const result of results) expect([result.target, result.runs]).toEqual([result.target, settings.runs]);
  expect(results.length).toBeGreaterThanOrEqual(40);
}, 900_000);
