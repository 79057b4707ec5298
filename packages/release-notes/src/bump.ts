import semver from 'semver';
import type { Entry } from './model.js';

export type BumpKind = 'major' | 'minor' | 'patch' | 'none';

/** How `next` relates to `previous`: the kind of bump, `none` when not greater. */
export function bumpKind(previous: string | undefined, next: string): BumpKind {
  if (!semver.valid(next)) return 'none';
  if (previous === undefined || !semver.valid(previous)) return 'major';
  if (!semver.gt(next, previous)) return 'none';
  const diff = semver.diff(previous, next);
  if (diff === 'major' || diff === 'premajor') return 'major';
  if (diff === 'minor' || diff === 'preminor') return 'minor';
  return 'patch';
}

/** Sections that ask for more than the bump gives: `Removed` needs a major, `Added` at least a minor. */
export function bumpSectionWarnings(kind: BumpKind, entry: Entry): { line: number; message: string }[] {
  const warnings: { line: number; message: string }[] = [];
  const removed = entry.sections.find((section) => section.name === 'Removed');
  const added = entry.sections.find((section) => section.name === 'Added');
  if (removed && kind !== 'major') {
    warnings.push({
      line: removed.line,
      message: `A ***Removed***: section usually needs a major bump, not a ${kind} one.`,
    });
  }
  if (added && kind === 'patch') {
    warnings.push({
      line: added.line,
      message: 'An ***Added***: section usually needs a minor bump, not a patch one.',
    });
  }
  return warnings;
}

/**
 * Lines of a document that still name the previous version in an install command or pin:
 * `datadog-<name>==<old>`, `datadog_<name>-<old>-py3…whl`, `datadog-agent integration install -t datadog-<name>==<old>`.
 */
export function staleVersionReferences(
  text: string,
  integration: string,
  previous: string,
): { line: number; text: string }[] {
  // No real name or version is this long, and a pattern built from one could be too large to compile.
  if (integration.length > 200 || previous.length > 200) return [];
  // Every character of the name and the version is literal: `1.0.0(` or `1.*` are text, not a pattern.
  const project = `datadog-${integration.replace(/_/g, '-')}`.split('-').map(escapeRegExp).join('[-_]');
  const escaped = escapeRegExp(previous);
  const patterns = [
    new RegExp(`${project}\\s*==\\s*${escaped}(?![\\d.])`, 'i'),
    new RegExp(`datadog_${escapeRegExp(integration)}-${escaped}-py`, 'i'),
  ];
  const found: { line: number; text: string }[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (patterns.some((pattern) => pattern.test(line))) found.push({ line: index + 1, text: line.trim() });
  });
  return found;
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
