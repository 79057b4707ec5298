// The PyPI pins of scripts/python-pins.json, as data: which ones move, to what, and every file that repeats
// the pinned ddev (a test keeps them equal, so a bump must rewrite them all). No I/O here.
import { resolveVersion, type PublishedRelease } from '@aic/ddev';

/** The pins that follow PyPI. `python` is our runners' interpreter and `ddev-oldest` a support promise: both move by hand. */
export const FOLLOWED_PINS = ['uv', 'ddev', 'datadog-checks-base'] as const;
export type FollowedPin = (typeof FOLLOWED_PINS)[number];

/** The newest final release (X.Y.Z…, no pre-release or dev) that is not yanked and installs on `python`. */
export function newestRelease(releases: readonly PublishedRelease[], python: string): string | undefined {
  const newest = resolveVersion({ kind: 'latest' }, releases, python);
  return newest.ok ? newest.version : undefined;
}

export interface PinUpdate {
  name: FollowedPin;
  from: string;
  to: string;
}

/** The followed pins PyPI has a newer release of (never a downgrade, even when a newer pin was yanked). */
export function pinUpdates(
  pins: Readonly<Record<string, string>>,
  index: Readonly<Partial<Record<FollowedPin, readonly PublishedRelease[]>>>,
  python: string,
): PinUpdate[] {
  const updates: PinUpdate[] = [];
  for (const name of FOLLOWED_PINS) {
    const from = pins[name];
    if (!from) continue;
    // PEP 440 order, final releases only: a pin moves up, never down, even when a newer pin was yanked.
    const newer = resolveVersion({ kind: 'range', text: `>${from}` }, index[name] ?? [], python);
    if (newer.ok) updates.push({ name, from, to: newer.version });
  }
  return updates;
}

/**
 * Every place the pinned ddev is written, and how to find it there. README's reference tables are generated
 * from the action.yml files (scripts/action-docs.mjs), so they follow those.
 */
export const DDEV_MIRRORS: readonly { file: string; pattern: (version: string) => RegExp }[] = [
  { file: 'packages/ddev/src/install-plan.ts', pattern: (v) => new RegExp(`(PINNED_DDEV_VERSION = ')${escape(v)}(')`) },
  { file: 'actions/setup-ddev/action.yml', pattern: (v) => ddevDefault(v) },
  { file: 'action.yml', pattern: (v) => ddevDefault(v) },
  { file: '.github/workflows/integration-ci.yml', pattern: (v) => ddevDefault(v) },
  { file: '.github/workflows/integration-release.yml', pattern: (v) => ddevDefault(v) },
  { file: 'README.md', pattern: (v) => new RegExp(`(supports ddev \\d+\\.\\d+\\.\\d+ to )${escape(v)}(\\b)`) },
];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The `default:` of a `ddev-version:` input, a few lines below its key. */
function ddevDefault(version: string): RegExp {
  return new RegExp(
    `(\\bddev-version:\\n(?:[ \\t]+[^\\n]*\\n){0,4}?[ \\t]+default: ['"]?)${escape(version)}(['"]?\\n)`,
  );
}

/** python-pins.json with the updates applied (same key order, same layout). */
export function rewritePinsJson(text: string, updates: readonly PinUpdate[]): string {
  const pins = JSON.parse(text) as Record<string, string>;
  for (const update of updates) pins[update.name] = update.to;
  return `${JSON.stringify(pins, null, 2)}\n`;
}

/** A mirror file with the pinned ddev moved; undefined when the file does not hold the old version where expected. */
export function rewriteMirror(
  text: string,
  mirror: (typeof DDEV_MIRRORS)[number],
  from: string,
  to: string,
): string | undefined {
  const pattern = mirror.pattern(from);
  if (!pattern.test(text)) return undefined;
  return text.replace(pattern, (_, before: string, after: string) => `${before}${to}${after}`);
}
