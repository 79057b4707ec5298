import { PINNED_DDEV_VERSION } from './install-plan.js';
import { explain, gte, lt, major } from '@renovatebot/pep440';

/**
 * The ddev versions agent-integration-ci@v1 supports: from the oldest (the ddev integrations-extras'
 * gate used when it moved to Python 3.13) to the pinned one. CI runs the example pipeline on both ends.
 * Also in scripts/python-pins.json (`ddev-oldest`) and the README; a test keeps them equal.
 */
export const OLDEST_SUPPORTED_DDEV = '13.0.0';

/** `ddev, version 13.0.0` (what `ddev --version` prints) → `13.0.0`. */
export function parseDdevVersionOutput(stdout: string): string | undefined {
  const match = /^ddev,? version (\d+(?:\.\d+)+)\s*$/m.exec(stdout);
  return match?.[1];
}

export type SupportVerdict =
  | { kind: 'supported' }
  | { kind: 'older'; message: string }
  | { kind: 'newer'; message: string }
  | { kind: 'unknown'; message: string };

/** Where a ddev version falls against the supported range (older: warn; newer major than pinned: say it is untested). */
export function supportVerdict(version: string): SupportVerdict {
  if (!explain(version))
    return {
      kind: 'unknown',
      message: `ddev ${version} is not a release version we can place in the supported range.`,
    };
  const range = `${OLDEST_SUPPORTED_DDEV} to ${PINNED_DDEV_VERSION}`;
  if (lt(version, OLDEST_SUPPORTED_DDEV)) {
    return {
      kind: 'older',
      message: `ddev ${version} is older than the oldest ddev agent-integration-ci supports (${OLDEST_SUPPORTED_DDEV}; tested range ${range}): its command lines may differ. Use ddev-version ${OLDEST_SUPPORTED_DDEV} or newer.`,
    };
  }
  if (major(version) > major(PINNED_DDEV_VERSION)) {
    return {
      kind: 'newer',
      message: `ddev ${version} is a newer major version than the one agent-integration-ci is tested with (${range}); report what breaks.`,
    };
  }
  return { kind: 'supported' };
}

/** Whether the installed ddev is at least `since`; an unreadable version counts as the newest form. */
export function ddevAtLeast(version: string | undefined, since: string): boolean {
  return version === undefined || !explain(version) || gte(version, since);
}
