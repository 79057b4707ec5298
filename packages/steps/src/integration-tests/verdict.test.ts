import { expect, test } from '@jest/globals';
import type { TestCase } from '@aic/junit';
import { countsFromSummary, judgeSession, type SessionFacts } from './verdict.js';

const testCase = (status: TestCase['status']): TestCase => ({
  name: `test_${status}`,
  classname: 'tests.test_x',
  status,
  timeSeconds: 0.1,
  message: '',
  details: '',
  location: { file: 'tests/test_x.py', line: 1 },
});

const facts = (overrides: Partial<SessionFacts>): SessionFacts => ({
  exitCode: 0,
  timedOut: false,
  output: '',
  cases: undefined,
  testFiles: ['tests/test_unit.py', 'tests/test_integration.py'],
  markers: undefined,
  pytestArgs: [],
  root: '/repo/awesome',
  ...overrides,
});

// Outputs cut from real ddev 20.1.0 runs (pytest 8, --tb short).
const CONFTEST_IMPORT_ERROR = `──── py3.13 ────
cmd [1] | pytest -vv --benchmark-skip --tb short '--junitxml=/tmp/j/junit-py3.13.xml' -o junit_family=xunit1
ImportError while loading conftest '/repo/awesome/tests/conftest.py'.
tests/conftest.py:1: in <module>
    import no_such_module_in_conftest
E   ModuleNotFoundError: No module named 'no_such_module_in_conftest'
`;
const COLLECTION_ERROR = `ERROR tests/test_zz_coll.py
!!!!!!!!!!!!!!!!!!!! Interrupted: 1 error during collection !!!!!!!!!!!!!!!!!!!!
=============================== 1 error in 0.18s ===============================`;

test.each([
  [
    'every test passed',
    facts({ cases: [testCase('passed'), testCase('passed')] }),
    { outcome: 'passed', reason: undefined, counts: { passed: 2, failed: 0, errors: 0, skipped: 0 } },
  ],
  [
    'every test skipped: a pass (as in Datadog’s CI), with a warning',
    facts({ cases: [testCase('skipped')] }),
    { outcome: 'passed', warning: 'every test was skipped (1 test)' },
  ],
  [
    'pytest collected nothing (exit 5) of an integration that has tests: a failure that says so',
    facts({ exitCode: 5, cases: [] }),
    {
      outcome: 'failed',
      reason: '0 tests ran, though there are 2 test files in tests/ (tests/test_unit.py, tests/test_integration.py).',
    },
  ],
  [
    'a marker filter that selects nothing: a failure naming the filter',
    facts({ exitCode: 5, markers: 'integration', pytestArgs: ['-k', 'nothing'], testFiles: ['tests/test_a.py'] }),
    {
      outcome: 'failed',
      reason:
        '0 tests ran: -m "integration" and pytest arguments "-k nothing" selected none of the 1 test file in tests/ (tests/test_a.py).',
    },
  ],
  [
    'exit 0 with an empty JUnit report is still 0 tests ran',
    facts({ exitCode: 0, cases: [] }),
    { outcome: 'failed', reason: expect.stringContaining('0 tests ran') },
  ],
  [
    'no test files and nothing collected: no tests, not a failure',
    facts({ exitCode: 5, testFiles: [] }),
    { outcome: 'no-tests' },
  ],
  [
    'ddev found no testable target (no hatch.toml)',
    facts({ exitCode: 1, output: 'No testable targets found\n' }),
    { outcome: 'failed', reason: expect.stringContaining('"No testable targets found"') },
  ],
  [
    'a conftest that fails to import (pytest exit 4, no JUnit): the error and its line',
    facts({ exitCode: 4, output: CONFTEST_IMPORT_ERROR }),
    {
      outcome: 'failed',
      reason:
        "pytest could not load tests/conftest.py: ModuleNotFoundError: No module named 'no_such_module_in_conftest'",
      location: { file: 'tests/conftest.py', line: 1 },
    },
  ],
  [
    'errors during collection (exit 2, JUnit has the error case)',
    facts({ exitCode: 2, output: COLLECTION_ERROR, cases: [testCase('error')] }),
    { outcome: 'failed', reason: '1 error during collection', counts: { passed: 0, failed: 0, errors: 1, skipped: 0 } },
  ],
  [
    'failed tests speak for themselves',
    facts({ exitCode: 1, cases: [testCase('passed'), testCase('failed')] }),
    { outcome: 'failed', reason: undefined },
  ],
  [
    'anything else: the exit code and what ddev said last',
    facts({ exitCode: 3, output: 'lots of output\nINTERNALERROR> KeyError: x\n' }),
    { outcome: 'failed', reason: 'ddev test exited with code 3: INTERNALERROR> KeyError: x' },
  ],
  [
    'a timeout',
    facts({ exitCode: 1, timedOut: true }),
    { outcome: 'failed', reason: expect.stringContaining('ran longer than the step allows') },
  ],
  [
    'no JUnit (junit off): counts come from pytest’s summary line',
    facts({ output: '======== 9 passed, 2 skipped, 1 warning in 3.10s ========\n' }),
    { outcome: 'passed', counts: { passed: 9, failed: 0, errors: 0, skipped: 2 } },
  ],
] as const)('judgeSession: %s', (_name, session, expected) => {
  expect(judgeSession(session)).toMatchObject(expected);
});

test('countsFromSummary sums the sessions of a hatch matrix', () => {
  const output = [
    '======== 3 passed in 1.00s ========',
    '=========== 1 failed, 2 passed, 1 error in 2.50s (0:00:02) ===========',
    '=== 4 deselected in 0.1s ===',
  ].join('\n');
  expect(countsFromSummary(output)).toEqual({ passed: 5, failed: 1, errors: 1, skipped: 0 });
});
