import Table from 'cli-table3';
import { formatAnnotation } from './terminal-reporter.js';
import type { StageRecord } from './stages.js';

const MARK = { passed: '✓ passed', failed: '✗ failed', skipped: '– skipped' } as const;

/** The final table: one row per stage, then the problems found, each on its file and line. */
export function renderSummary(records: readonly StageRecord[], colors: boolean): string {
  const table = new Table({
    head: ['step', 'integration', 'result', 'time', 'detail'],
    style: { head: colors ? ['cyan'] : [], border: colors ? ['grey'] : [] },
    wordWrap: true,
    colWidths: [null, null, null, null, 70],
  });
  for (const record of records) {
    table.push([record.step, record.integration ?? '', MARK[record.status], seconds(record.durationMs), record.detail]);
  }
  const lines = [table.toString()];
  const problems = records.flatMap((record) => record.annotations.filter((a) => a.level !== 'notice'));
  if (problems.length > 0) lines.push('', 'Problems:', ...problems.map((a) => `  ${formatAnnotation(a)}`));
  const failed = records.filter((record) => record.status === 'failed');
  for (const record of failed)
    lines.push('', `Log of ${record.step}${record.integration ? ` ${record.integration}` : ''}: ${record.logFile}`);
  const passed = records.filter((record) => record.status === 'passed').length;
  const skipped = records.filter((record) => record.status === 'skipped').length;
  lines.push('', `${passed} passed, ${failed.length} failed, ${skipped} skipped`);
  return lines.join('\n');
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

/** What --json prints. */
export function jsonReport(records: readonly StageRecord[]): string {
  return JSON.stringify(
    {
      ok: records.every((record) => record.status !== 'failed'),
      stages: records.map(({ step, integration, status, detail, durationMs, annotations, logFile }) => ({
        step,
        integration: integration ?? null,
        status,
        detail,
        durationMs,
        logFile,
        annotations,
      })),
    },
    null,
    2,
  );
}
