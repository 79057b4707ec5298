import { explain, gt } from '@renovatebot/pep440';
import type { Entry } from './model.js';

export type BumpKind = 'major' | 'minor' | 'patch' | 'none';

const KINDS = ['major', 'minor', 'patch'] as const;

/** The part of the version line a release is at: `2.0.0` is a major, `1.1.0` a minor, `1.0.1` a patch. */
function lineKind(release: readonly number[]): BumpKind {
  const [, minor = 0, ...rest] = release;
  return rest.some((part) => part !== 0) ? 'patch' : minor !== 0 ? 'minor' : 'major';
}

/**
 * How `next` relates to `previous` under PEP 440's ordering (`1.1.0rc1 < 1.1.0 < 1.1.0.post1`): `none` when it is
 * not greater. The first release segment that grew names the kind; the final release of a pre-release
 * (`1.1.0rc1 → 1.1.0`) is the kind of the version it completes (a minor here), and a post-release a patch.
 */
export function bumpKind(previous: string | undefined, next: string): BumpKind {
  const after = explain(next);
  if (!after) return 'none';
  const before = previous === undefined ? null : explain(previous);
  if (!before) return 'major';
  if (!gt(next, previous!)) return 'none';
  if (after.epoch !== before.epoch) return 'major';
  const length = Math.max(after.release.length, before.release.length);
  for (let index = 0; index < length; index++) {
    if ((after.release[index] ?? 0) !== (before.release[index] ?? 0)) return KINDS[Math.min(index, 2)]!;
  }
  return before.is_prerelease ? lineKind(after.release) : 'patch';
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
