import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fileFromClassname, locateProblem, type TestLocation } from './locate.js';

export type CaseStatus = 'passed' | 'failed' | 'error' | 'skipped';

export interface TestCase {
  name: string;
  classname: string;
  status: CaseStatus;
  timeSeconds: number;
  /** The failure/error/skip message (one line). */
  message: string;
  /** The full failure text (traceback). */
  details: string;
  /** Relative to the directory pytest ran in (the integration folder), when known. */
  location: TestLocation | undefined;
}

export interface JUnitReport {
  cases: TestCase[];
  totals: Record<CaseStatus, number>;
  timeSeconds: number;
}

export type ParsedReport = { ok: true; report: JUnitReport } | { ok: false; problem: string; line?: number };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  textNodeName: '#text',
  // Numeric character references (`&#10;` in pytest's message attributes, `&#x27;`) as well as the named ones.
  htmlEntities: true,
  isArray: (name) =>
    name === 'testsuite' || name === 'testcase' || name === 'failure' || name === 'error' || name === 'skipped',
});

type Node = Record<string, unknown>;
const asArray = (value: unknown): Node[] =>
  Array.isArray(value) ? (value as Node[]) : value === undefined ? [] : [value as Node];
const text = (node: Node | string | undefined): string =>
  typeof node === 'string' ? node : typeof node?.['#text'] === 'string' ? (node['#text'] as string) : '';

export interface ParseOptions {
  /** The folder pytest ran in: absolute frames inside it count as the project's, shown relative to it. */
  root?: string;
}

/** Parses a JUnit XML report (pytest's xunit1 or xunit2). A malformed file is a problem with its line, not a throw. */
export function parseJUnit(xml: string, options: ParseOptions = {}): ParsedReport {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { ok: false, problem: `not well-formed XML: ${valid.err.msg}`, line: valid.err.line };
  let document: Node;
  try {
    document = parser.parse(xml) as Node;
  } catch (error) {
    return { ok: false, problem: `not a JUnit report: ${(error as Error).message}` };
  }
  const root = (document.testsuites as Node | undefined) ?? document;
  const suites = asArray(root.testsuite);
  if (suites.length === 0) return { ok: false, problem: 'not a JUnit report: no <testsuite> element' };
  const cases = suites.flatMap((suite) => asArray(suite.testcase).map((node) => readCase(node, options)));
  const totals: Record<CaseStatus, number> = { passed: 0, failed: 0, error: 0, skipped: 0 };
  for (const testCase of cases) totals[testCase.status]++;
  return {
    ok: true,
    report: { cases, totals, timeSeconds: cases.reduce((sum, testCase) => sum + testCase.timeSeconds, 0) },
  };
}

function readCase(node: Node, options: ParseOptions): TestCase {
  const failure = asArray(node.failure)[0];
  const error = asArray(node.error)[0];
  const skipped = asArray(node.skipped)[0];
  const problem = failure ?? error ?? skipped;
  const status: CaseStatus = failure ? 'failed' : error ? 'error' : skipped ? 'skipped' : 'passed';
  const details = problem ? text(problem) : '';
  const name = String(node.name ?? '');
  const classname = String(node.classname ?? '');
  const fileAttribute = typeof node.file === 'string' && node.file !== '' ? node.file : undefined;
  const testLocation =
    fileAttribute && node.line !== undefined && Number.isFinite(Number(node.line))
      ? { file: fileAttribute, line: Number(node.line) + 1 }
      : undefined;
  // A collection error has no classname; its name is the module (`tests.test_x`).
  const testFile = fileAttribute ?? fileFromClassname(classname) ?? (classname ? undefined : fileFromClassname(name));
  const location =
    status === 'failed' || status === 'error'
      ? locateProblem(details, status, {
          ...(testFile ? { testFile } : {}),
          ...(testLocation ? { testLocation } : {}),
          ...(options.root ? { root: options.root } : {}),
        })
      : testLocation;
  return {
    name,
    classname,
    status,
    timeSeconds: Number(node.time ?? 0) || 0,
    message: (
      String((problem as Node | undefined)?.message ?? '')
        .split('\n')
        .find((line) => line.trim() !== '') ?? ''
    ).slice(0, 300),
    details,
    location,
  };
}
