/**
 * The part of PEP 440 that ddev versions need: release versions `X.Y.Z` (ddev publishes no pre-releases
 * we would pick), compared numerically, and specifiers `==`, `!=`, `>=`, `<=`, `>`, `<`, `~=`, `==X.*`
 * joined by commas.
 */

export type Release = readonly number[];

const RELEASE = /^\d+(\.\d+)*$/;
const CLAUSE = /^(===|==|!=|~=|>=|<=|>|<)\s*(\d+(?:\.\d+)*)(\.\*)?$/;

export function parseRelease(text: string): Release | undefined {
  return RELEASE.test(text) && text.length <= 40 ? text.split('.').map(Number) : undefined;
}

export function compareReleases(a: Release, b: Release): number {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

type Clause = (version: Release) => boolean;

function parseClause(text: string): Clause | undefined {
  const match = CLAUSE.exec(text.trim());
  if (!match) return undefined;
  const [, operator, number, wildcard] = match;
  const target = number!.split('.').map(Number);
  if (wildcard) {
    if (operator !== '==' && operator !== '!=') return undefined;
    const prefix = (version: Release) => target.every((part, index) => (version[index] ?? 0) === part);
    return operator === '==' ? prefix : (version) => !prefix(version);
  }
  const cmp = (version: Release) => compareReleases(version, target);
  switch (operator) {
    case '==':
    case '===':
      return (version) => cmp(version) === 0;
    case '!=':
      return (version) => cmp(version) !== 0;
    case '>=':
      return (version) => cmp(version) >= 0;
    case '<=':
      return (version) => cmp(version) <= 0;
    case '>':
      return (version) => cmp(version) > 0;
    case '<':
      return (version) => cmp(version) < 0;
    default: {
      // ~=X.Y.Z means >=X.Y.Z, ==X.Y.*
      if (target.length < 2) return undefined;
      const prefix = target.slice(0, -1);
      return (version) => cmp(version) >= 0 && prefix.every((part, index) => (version[index] ?? 0) === part);
    }
  }
}

/** What the `ddev-version` input asks for. */
export type VersionRequest =
  { kind: 'exact'; version: string } | { kind: 'latest' } | { kind: 'range'; text: string; matches: Clause };

export function parseVersionRequest(raw: string): VersionRequest | { problem: string } {
  const text = raw.trim();
  const shown = JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
  if (text === '' || text.toLowerCase() === 'latest') return { kind: 'latest' };
  if (parseRelease(text)) return { kind: 'exact', version: text };
  const clauses = text.split(',').map((part) => parseClause(part));
  if (text.length <= 200 && clauses.length > 0 && clauses.every((clause): clause is Clause => clause !== undefined)) {
    return { kind: 'range', text, matches: (version) => clauses.every((clause) => clause(version)) };
  }
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

/** Whether a `Requires-Python` specifier admits `python` (`3.13.0`). */
export function pythonAllowed(requiresPython: string | undefined, python: string): boolean {
  if (!requiresPython) return true;
  const version = parseRelease(python);
  if (!version) return true;
  return requiresPython.split(',').every((part) => {
    const clause = parseClause(part.trim());
    return clause ? clause(version) : true;
  });
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
  const usable = published.filter((release) => !release.yanked && parseRelease(release.version));
  if (request.kind === 'exact') {
    const release = usable.find(
      (candidate) => compareReleases(parseRelease(candidate.version)!, parseRelease(request.version)!) === 0,
    );
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
  const matching = usable.filter(
    (release) => request.kind === 'latest' || request.matches(parseRelease(release.version)!),
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
  return [...versions].sort((a, b) => compareReleases(parseRelease(b)!, parseRelease(a)!))[0];
}
