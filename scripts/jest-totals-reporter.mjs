// A jest reporter that appends this run's totals to $AIC_TEST_TOTALS (one JSON line per workspace),
// so that .ci/run can print one closing line for the whole monorepo.
import { appendFileSync } from 'node:fs';

export default class TotalsReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.AIC_TEST_TOTALS;
    if (!file) return;
    const line = {
      workspace: process.cwd(),
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      skipped: results.numPendingTests + results.numTodoTests,
      suitesFailed: results.numFailedTestSuites + results.numRuntimeErrorTestSuites,
    };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  }
}
