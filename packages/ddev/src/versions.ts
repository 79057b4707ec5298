/**
 * ddev versions under PEP 440 (@renovatebot/pep440, the one version model of the project): exact versions,
 * `latest`, and specifiers (`>=20,<21`, `~=20.0.0`, `==20.*`, `!=20.1.0,>=20`), resolved against what the package
 * index lists for the interpreter at hand.
 */
import { clean, eq, rcompare, satisfies, valid, validRange } from '@renovatebot/pep440';

/** What the `ddev-version` input asks for. */
export type VersionRequest = { kind: 'exact'; version: string } | { kind: 'latest' } | { kind: 'range'; text: string };

export function parseVersionRequest(raw: string): VersionRequest | { problem: string } {
  const text = raw.trim();
  const shown = JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
  if (text === '' || text.toLowerCase() === 'latest') return { kind: 'latest' };
  // An exact version as the index spells it (canonical: `20.1.0`, not `v20.1.0`).
  if (text.length <= 40 && clean(text) === text) return { kind: 'exact', version: text };
  if (text.length <= 200 && /^[<>=!~]/.test(text) && validRange(text)) return { kind: 'range', text };
  return {
    problem: `${shown} is not a ddev version: use an exact version (20.1.0), 'latest', or a PEP 440 specifier (>=20,<21).`,
  };
}

export interface PublishedRelease {
  version: string;
  /** `Requires-Python` of the release, e.g. `>=3.13`; undefined when the index does not say. */
  requiresPython: string | undefined;
  yanked: boolean;
}

/** Whether a `Requires-Python` specifier admits `python` (`3.13.0`); one we cannot read admits it. */
export function pythonAllowed(requiresPython: string | undefined, python: string): boolean {
  if (!requiresPython || !validRange(requiresPython) || valid(python) === null) return true;
  return satisfies(python, requiresPython, { prereleases: true });
}

export type Resolution = { ok: true; version: string } | { ok: false; problem: string };

/**
 * The newest published release that the request and the Python accept. `published` is what the
 * package index lists.
 */
export function resolveVersion(
  request: VersionRequest,
  published: readonly PublishedRelease[],
  python: string,
): Resolution {
  const usable = published.filter((release) => !release.yanked && valid(release.version) !== null);
  if (request.kind === 'exact') {
    const release = usable.find((candidate) => eq(candidate.version, request.version));
    if (!release) {
      const newest = newestOf(usable.map((candidate) => candidate.version));
      return {
        ok: false,
        problem: `ddev ${request.version} does not exist on the package index${newest ? ` (the newest is ${newest})` : ''}.`,
      };
    }
    if (!pythonAllowed(release.requiresPython, python)) {
      return {
        ok: false,
        problem: `ddev ${release.version} needs Python ${release.requiresPython}, but the interpreter is ${python}.`,
      };
    }
    return { ok: true, version: release.version };
  }
  // ddev's pre-releases are picked only by their exact version.
  const matching = usable.filter((release) =>
    request.kind === 'latest' ? satisfies(release.version, '>=0') : satisfies(release.version, request.text),
  );
  const runnable = matching.filter((release) => pythonAllowed(release.requiresPython, python));
  const newest = newestOf(runnable.map((release) => release.version));
  if (newest) return { ok: true, version: newest };
  const what = request.kind === 'latest' ? 'No ddev release' : `No ddev release matches ${request.text}`;
  if (matching.length > 0) {
    return { ok: false, problem: `${what} runs on Python ${python} (they need ${matching[0]!.requiresPython}).` };
  }
  return { ok: false, problem: `${what} on the package index.` };
}

function newestOf(versions: readonly string[]): string | undefined {
  return [...versions].sort(rcompare)[0];
}
