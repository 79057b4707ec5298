import { markdown, type Reporter } from '@aic/runtime';
import type { TestRunResult } from '@aic/steps/integration-tests';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** One annotation per failed test on its line; a summary table per integration with the failures folded. */
export async function report(run: TestRunResult, reporter: Reporter): Promise<void> {
  for (const result of run.results) {
    for (const testCase of result.cases.filter((c) => c.status === 'failed' || c.status === 'error')) {
      reporter.annotate({
        level: 'error',
        title: `${result.integration} ${result.kind}: ${testCase.name}`,
        message: testCase.message || `${testCase.name} ${testCase.status === 'error' ? 'errored' : 'failed'}`,
        ...(testCase.location ? { file: testCase.location.file, line: testCase.location.line } : {}),
      });
    }
    if (result.junitProblem)
      reporter.annotate({ level: 'warning', message: `JUnit report unreadable: ${result.junitProblem}` });
    if (result.dockerHint) reporter.annotate({ level: 'error', message: result.dockerHint });
    if (result.outcome === 'failed' && result.cases.every((c) => c.status !== 'failed' && c.status !== 'error')) {
      reporter.annotate({
        level: 'error',
        message: `${result.integration} ${result.kind} tests failed (ddev exit code ${result.exitCode}) — see the log group.`,
      });
    }
  }
  let summary = '## Tests\n\n';
  for (const integration of [...new Set(run.results.map((r) => r.integration))]) {
    const rows = run.results
      .filter((r) => r.integration === integration)
      .map((r) => {
        const count = (status: string) => String(r.cases.filter((c) => c.status === status).length);
        const mark = r.outcome === 'passed' ? '✓' : r.outcome === 'no-tests' ? '–' : '✗';
        return [
          mark,
          r.kind,
          r.outcome === 'no-tests' ? 'no tests of that kind' : count('passed'),
          count('failed'),
          count('error'),
          count('skipped'),
          seconds(r.durationMs),
        ];
      });
    summary += `### ${integration}\n\n${markdown.table(['', 'tests', 'passed', 'failed', 'errors', 'skipped', 'time'], rows)}`;
    const failures = run.results
      .filter((r) => r.integration === integration)
      .flatMap((r) => r.cases.filter((c) => c.status === 'failed' || c.status === 'error'));
    for (const failure of failures) {
      const where = failure.location ? ` (${failure.location.file}:${failure.location.line})` : '';
      summary += markdown.details(
        `✗ ${failure.name}${where}: ${failure.message}`,
        markdown.codeBlock(failure.details.split('\n').slice(-15).join('\n')),
      );
    }
    summary += '\n';
  }
  if (!run.engine && run.composeFiles.length > 0)
    summary += '_No Docker engine answered: integration tests ran with what their environment provides._\n';
  await reporter.appendSummary(summary);
}
