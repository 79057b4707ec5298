import type { Reporter } from './reporter.js';

/** A problem a check found, where it is: the common shape of every step's findings. */
export interface Finding {
  level: 'error' | 'warning';
  /** The rule that fired, when the check has named rules. */
  rule?: string | undefined;
  message: string;
  /** Relative to the repository root (where annotations are placed). */
  file?: string | undefined;
  line?: number | undefined;
}

export interface FindingCounts {
  errors: number;
  warnings: number;
}

export function countFindings(findings: readonly Pick<Finding, 'level'>[]): FindingCounts {
  const errors = findings.filter((finding) => finding.level === 'error').length;
  return { errors, warnings: findings.length - errors };
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** `2 errors, 1 warning`. */
export function describeCounts(counts: FindingCounts): string {
  return `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}`;
}

/**
 * The one presenter of findings: each one an annotation on its file and line, titled `<what>: <rule>` (a terminal
 * shows the rule before the message), or `<what>` for a check without named rules. Returns the counts.
 */
export function annotateFindings(reporter: Reporter, findings: readonly Finding[], what: string): FindingCounts {
  for (const { level, rule, message, file, line } of findings) {
    reporter.annotate({
      level,
      title: rule ? `${what}: ${rule}` : what,
      ...(rule ? { rule } : {}),
      message,
      ...(file !== undefined ? { file } : {}),
      ...(file !== undefined && line !== undefined ? { line } : {}),
    });
  }
  return countFindings(findings);
}
