import { markdown, type Reporter } from '@aic/runtime';
import type { IntegrationTestResult, TestRunResult } from '@aic/steps/integration-tests';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const MARK = { passed: '✓', failed: '✗', 'no-tests': '–' } as const;
/** A failed run's container logs in the summary: the tail (the whole log is in the step's log). */
const CONTAINER_LOG_LINES = 40;

/** One annotation per failed test on its line, one per reason; a summary table with the failures folded. */
export async function report(run: TestRunResult, reporter: Reporter): Promise<void> {
  for (const result of run.results) annotate(result, reporter);

  const rows = run.results.map((r) => [
    MARK[r.outcome],
    r.integration,
    String(r.counts.passed),
    String(r.counts.failed),
    String(r.counts.errors),
    String(r.counts.skipped),
    seconds(r.durationMs),
    r.reason ?? r.warning ?? '',
  ]);
  let summary = `## Tests\n\n${markdown.table(['', 'integration', 'passed', 'failed', 'errors', 'skipped', 'time', 'notes'], rows)}`;
  for (const result of run.results) {
    for (const failure of result.cases.filter((c) => c.status === 'failed' || c.status === 'error')) {
      const where = failure.location ? ` (${failure.location.file}:${failure.location.line})` : '';
      summary += markdown.details(
        `✗ ${result.integration}: ${failure.name}${where}: ${failure.message}`,
        markdown.codeBlock(failure.details.split('\n').slice(-15).join('\n')),
      );
    }
  }
  if (run.pullProblem) summary += `\n**Pre-pull failed:** ${run.pullProblem}\n`;
  for (const log of run.containerLogs) {
    const tail = log.lines.slice(-CONTAINER_LOG_LINES);
    summary += markdown.details(
      `Container logs: ${log.container} (compose project ${log.project}${tail.length < log.lines.length ? `, last ${tail.length} lines` : ''})`,
      markdown.codeBlock(tail.length > 0 ? tail.join('\n') : '(it printed nothing)'),
    );
  }
  if (!run.engine && run.composeFiles.length > 0)
    summary += '\n_No Docker engine answered (docker info) on this runner._\n';
  await reporter.appendSummary(summary);
}

function annotate(result: IntegrationTestResult, reporter: Reporter): void {
  const failures = result.cases.filter((c) => c.status === 'failed' || c.status === 'error');
  for (const testCase of failures) {
    reporter.annotate({
      level: 'error',
      title: `${result.integration}: ${testCase.name}`,
      message: testCase.message || `${testCase.name} ${testCase.status === 'error' ? 'errored' : 'failed'}`,
      ...(testCase.location ? { file: testCase.location.file, line: testCase.location.line } : {}),
    });
  }
  if (result.junitProblem)
    reporter.annotate({ level: 'warning', message: `JUnit report unreadable: ${result.junitProblem}` });
  if (result.dockerHint) reporter.annotate({ level: 'error', message: result.dockerHint });
  if (result.outcome === 'failed' && (result.reason || failures.length === 0)) {
    reporter.annotate({
      level: 'error',
      title: `${result.integration}: tests`,
      message: result.reason ?? `ddev test exited with code ${result.exitCode} — see the log group.`,
      ...(result.reasonLocation ? { file: result.reasonLocation.file, line: result.reasonLocation.line } : {}),
    });
  }
  if (result.warning) reporter.annotate({ level: 'warning', message: `${result.integration}: ${result.warning}` });
}
