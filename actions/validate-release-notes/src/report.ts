import { annotateFindings, countFindings, markdown, type Reporter } from '@aic/runtime';
import type { ReleaseNotesResult } from '@aic/steps/release-notes';

/** Annotations on each finding's line, and one summary section per changelog. */
export async function report(results: readonly ReleaseNotesResult[], reporter: Reporter): Promise<void> {
  for (const result of results) annotateFindings(reporter, result.findings, 'release notes');
  let summary = '## Release notes\n\n';
  summary += markdown.table(
    ['', 'changelog', 'version', 'bump', 'errors', 'warnings'],
    results.map((result) => {
      const { errors, warnings } = countFindings(result.findings);
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
