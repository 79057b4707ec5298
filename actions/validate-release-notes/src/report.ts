import { markdown, type Reporter } from '@aic/runtime';
import type { ReleaseNotesResult } from '@aic/steps/release-notes';

/** Annotations on each finding's line, and one summary section per changelog. */
export async function report(results: readonly ReleaseNotesResult[], reporter: Reporter): Promise<void> {
  for (const result of results) {
    for (const finding of result.findings) {
      reporter.annotate({
        level: finding.level,
        message: finding.message,
        file: finding.file,
        line: finding.line,
        title: `release notes: ${finding.rule}`,
      });
    }
  }
  let summary = '## Release notes\n\n';
  summary += markdown.table(
    ['', 'changelog', 'version', 'bump', 'errors', 'warnings'],
    results.map((result) => {
      const errors = result.findings.filter((f) => f.level === 'error').length;
      const warnings = result.findings.length - errors;
      return [
        errors > 0 ? '✗' : '✓',
        result.changelog,
        result.version,
        result.bumpKind,
        String(errors),
        String(warnings),
      ];
    }),
  );
  for (const result of results) {
    summary += `\n**${result.integration ?? result.changelog}**: ${result.decision}\n\n`;
    if (result.entryMarkdown) summary += markdown.details(`Newest entry (${result.version})`, result.entryMarkdown);
  }
  await reporter.appendSummary(summary);
}
