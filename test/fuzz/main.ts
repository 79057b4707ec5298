// `npm run fuzz`: the fuzz suite with more cases (AIC_FUZZ_RUNS, default 100,000 per target), a table at the end.
// AIC_FUZZ_ONLY=changelog,wheel picks targets; AIC_FUZZ_SEED reproduces a run.
import { fuzzTable, runFuzz } from './pool.js';
import { fuzzSettings } from './settings.js';

process.env.AIC_FUZZ_RUNS ||= '100000';
const settings = fuzzSettings();
const started = Date.now();
const results = await runFuzz({ ...settings, targetDeadlineMs: Math.max(600_000, settings.runs * 12) });
console.log(
  `fuzz: seed ${settings.seed}, ${settings.runs} cases per target, ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
);
console.log(fuzzTable(results));
if (process.env.AIC_FUZZ_SHOW_SLOWEST)
  for (const result of results)
    console.log(`\n${result.target}: ${result.slowestMs.toFixed(1)} ms on ${result.slowestInput}`);
for (const result of results.filter((entry) => entry.failed)) console.log(`\n✗ ${result.target}\n${result.failure}`);
process.exitCode = results.some((result) => result.failed) ? 1 : 0;
