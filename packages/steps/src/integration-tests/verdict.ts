import { locateProblem, type TestCase, type TestLocation } from '@aic/junit';
import { lastLines } from '@aic/runtime';
import { PYTEST_EXIT } from '@aic/ddev';

export type Outcome = 'passed' | 'failed' | 'no-tests';

export interface Counts {
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
}

/** What one `ddev test` session of one integration left behind. */
export interface SessionFacts {
  exitCode: number;
  timedOut: boolean;
  /** stdout and stderr together. */
  output: string;
  /** The cases of the JUnit reports it wrote; undefined when it wrote none (or JUnit is off). */
  cases: TestCase[] | undefined;
  /** The test files under the integration's tests/ (relative to it). */
  testFiles: readonly string[];
  /** The user's marker filter, if any. */
  markers: string | undefined;
  /** The user's extra pytest arguments (a `-k` can select nothing). */
  pytestArgs: readonly string[];
  /** The integration folder (pytest's rootdir), to place absolute frames. */
  root: string;
  /** How a file relative to `root` is named in a reason (e.g. relative to the repository); default as is. */
  shown?: (file: string) => string;
}

export interface Verdict {
  outcome: Outcome;
  counts: Counts;
  /** Why, in one sentence, when the cases alone do not say it (nothing ran, ddev or pytest could not start). */
  reason: string | undefined;
  /** Where that reason points (relative to the integration), e.g. the conftest line that failed to import. */
  location: TestLocation | undefined;
  /** A fact worth a warning on a passing session (every test skipped). */
  warning: string | undefined;
}

// eslint-disable-next-line no-control-regex -- colour codes are what it removes
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The step's verdict on one session: never a pass that ran no test of an integration that has tests. */
export function judgeSession(facts: SessionFacts): Verdict {
  const output = facts.output.replace(ANSI, '');
  const counts = facts.cases ? countCases(facts.cases) : countsFromSummary(output);
  const ran = counts.passed + counts.failed + counts.errors + counts.skipped;
  const verdict = (outcome: Outcome, reason?: string, location?: TestLocation, warning?: string): Verdict => ({
    outcome,
    counts,
    reason,
    location,
    warning,
  });
  const filter = describeFilter(facts);

  if (facts.timedOut) return verdict('failed', 'ddev test was stopped: it ran longer than the step allows (60 min).');
  if (output.includes('No testable targets found')) {
    return verdict(
      'failed',
      'ddev found nothing to test ("No testable targets found"): ddev tests a folder that has a hatch.toml and a tests/ folder.',
    );
  }
  const unknown = /^Unknown target: .*$/m.exec(output);
  if (unknown) return verdict('failed', `ddev did not find the integration (${unknown[0]}).`);
  const conftest = /ImportError while loading conftest '([^']+)'\.?/.exec(output);
  if (conftest) {
    const after = output.slice(conftest.index);
    const error = /^E[ \t]+(\S.*)?$/m.exec(after)?.[1]?.trim();
    const location = locateProblem(after, 'error', { root: facts.root });
    const file = location ? (facts.shown ?? String)(location.file) : conftest[1]!;
    return verdict('failed', `pytest could not load ${file}${error ? `: ${error}` : ''}`, location);
  }

  if (facts.exitCode === PYTEST_EXIT.noTests || (facts.exitCode === 0 && ran === 0 && facts.cases !== undefined)) {
    if (facts.testFiles.length === 0)
      return verdict('no-tests', 'pytest collected no tests (tests/ has no test_*.py).');
    const files = `${plural(facts.testFiles.length, 'test file')} in tests/ (${facts.testFiles.slice(0, 3).join(', ')}${facts.testFiles.length > 3 ? ', …' : ''})`;
    return verdict(
      'failed',
      filter ? `0 tests ran: ${filter} selected none of the ${files}.` : `0 tests ran, though there are ${files}.`,
    );
  }
  if (facts.exitCode === 0) {
    const warning = ran > 0 && counts.skipped === ran ? `every test was skipped (${plural(ran, 'test')})` : undefined;
    return verdict('passed', undefined, undefined, warning);
  }

  const collection = /Interrupted: (\d+) errors? during collection/.exec(output);
  if (collection) return verdict('failed', `${plural(Number(collection[1]), 'error')} during collection`);
  if (counts.failed + counts.errors > 0) return verdict('failed');
  const said = lastLines(output, 30).filter((line) => /^E\s|Error|error:/.test(line));
  const tail = (said.length > 0 ? said.slice(-2) : lastLines(output, 2)).map((line) => line.trim()).join(' ');
  return verdict('failed', `ddev test exited with code ${facts.exitCode}${tail ? `: ${tail}` : ''}`);
}

function describeFilter(facts: SessionFacts): string | undefined {
  const parts = [
    ...(facts.markers ? [`-m ${JSON.stringify(facts.markers)}`] : []),
    ...(facts.pytestArgs.length > 0 ? [`pytest arguments ${JSON.stringify(facts.pytestArgs.join(' '))}`] : []),
  ];
  return parts.length > 0 ? parts.join(' and ') : undefined;
}

export function countCases(cases: readonly TestCase[]): Counts {
  return {
    passed: cases.filter((c) => c.status === 'passed').length,
    failed: cases.filter((c) => c.status === 'failed').length,
    errors: cases.filter((c) => c.status === 'error').length,
    skipped: cases.filter((c) => c.status === 'skipped').length,
  };
}

/** pytest's closing lines (`=== 9 passed, 2 skipped in 3.1s ===`), summed over the matrix's sessions. */
export function countsFromSummary(output: string): Counts {
  const counts: Counts = { passed: 0, failed: 0, errors: 0, skipped: 0 };
  for (const line of output.split('\n')) {
    const body = summaryBody(line);
    if (body === undefined) continue;
    for (const [, n, word] of body.matchAll(/(?<!\d)(\d+) (passed|failed|skipped|errors?)\b/g)) {
      const key = word === 'error' || word === 'errors' ? 'errors' : (word as 'passed' | 'failed' | 'skipped');
      counts[key] += Number(n);
    }
  }
  return counts;
}

/** `=== 9 passed, 2 skipped in 3.1s (0:00:03) ===` → `9 passed, 2 skipped`; read from both ends, no backtracking. */
function summaryBody(line: string): string | undefined {
  let start = 0;
  while (line[start] === '=') start++;
  let end = line.length;
  while (end > start && line[end - 1] === '=') end--;
  if (start === 0 || end === line.length || line[start] !== ' ' || line[end - 1] !== ' ') return undefined;
  let inner = line.slice(start + 1, end - 1);
  if (inner.endsWith(')')) {
    const open = inner.lastIndexOf(' (');
    if (open < 0 || inner.slice(open + 2, -1).includes(')')) return undefined;
    inner = inner.slice(0, open);
  }
  const at = inner.lastIndexOf(' in ');
  return at > 0 && /^ in [\d.]+s$/.test(inner.slice(at)) ? inner.slice(0, at) : undefined;
}
