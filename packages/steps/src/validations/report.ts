import { annotateFindings, markdown, type Reporter } from '@aic/runtime';
import type { ValidationRun } from './types.js';

const TITLE = (run: ValidationRun) =>
  run.validation === 'lint' ? 'ddev test --lint' : `ddev validate ${run.validation}`;

/** Each finding as an annotation on its file:line; each validation that does not apply as a notice. */
export function annotateValidations(reporter: Reporter, runs: readonly ValidationRun[]): void {
  for (const run of runs) annotateFindings(reporter, run.findings, TITLE(run));
}

const MARK = { passed: '✓', failed: '✗', 'not-applicable': '–' } as const;

export function validationsSummary(runs: readonly ValidationRun[], durationMs: number): string {
  const rows = runs.map((run) => [
    MARK[run.status],
    run.integration ?? '(repository)',
    run.validation,
    run.status === 'not-applicable'
      ? `not applicable: ${run.reason ?? ''}`
      : run.findings.length === 0
        ? run.status
        : `${run.status}: ${run.findings.length} finding${run.findings.length === 1 ? '' : 's'}`,
    run.status === 'not-applicable' ? '' : `${(run.durationMs / 1000).toFixed(1)}s`,
  ]);
  const failed = runs.filter((run) => run.status === 'failed').length;
  return [
    `## Datadog validations`,
    '',
    `${failed === 0 ? 'All applicable validations pass' : `${failed} validation${failed === 1 ? '' : 's'} failed`} (${(durationMs / 1000).toFixed(1)}s), judged as Datadog's CI does: a validation fails when ddev exits non-zero.`,
    '',
    markdown.table(['', 'integration', 'validation', 'result', 'time'], rows),
  ].join('\n');
}
