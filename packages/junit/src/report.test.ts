import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { fileFromClassname, locationFromTraceback, parseJUnit } from './index.js';

const XUNIT2 = `<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest" errors="1" failures="1" skipped="1" tests="4" time="1.5">
<testcase classname="tests.test_unit" name="test_ok" time="0.10" />
<testcase classname="tests.test_unit" name="test_broken" time="0.20"><failure message="AssertionError: assert 1 == 2">def test_broken():
&gt;       assert 1 == 2
E       assert 1 == 2

tests/test_unit.py:25: AssertionError</failure></testcase>
<testcase classname="tests.test_integration.TestThing" name="test_env" time="0.30"><error message="failed on setup with &quot;ConnectionError&quot;">/venv/lib/python3.13/site-packages/requests/adapters.py:700: in send
    raise ConnectionError(e, request=request)
tests/conftest.py:31: in dd_environment
    yield
E   ConnectionError: refused</error></testcase>
<testcase classname="tests.test_unit" name="test_skip" time="0.0"><skipped message="no docker" type="pytest.skip">tests/test_unit.py:40: no docker</skipped></testcase>
</testsuite></testsuites>`;

describe('parseJUnit', () => {
  test('reads cases, totals and where each failure is', () => {
    const parsed = parseJUnit(XUNIT2);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.report.totals).toEqual({ passed: 1, failed: 1, error: 1, skipped: 1 });
    expect(parsed.report.timeSeconds).toBeCloseTo(0.6);
    const [, broken, env] = parsed.report.cases;
    expect(broken).toMatchObject({
      name: 'test_broken',
      status: 'failed',
      message: 'AssertionError: assert 1 == 2',
      location: { file: 'tests/test_unit.py', line: 25 },
    });
    expect(env).toMatchObject({ status: 'error', location: { file: 'tests/conftest.py', line: 31 } });
  });

  test('xunit1 file and line attributes (0-based line) are used', () => {
    const parsed = parseJUnit(
      '<testsuite><testcase classname="tests.test_a" name="t" file="tests/test_a.py" line="9" time="1"/></testsuite>',
    );
    expect(parsed.ok && parsed.report.cases[0]!.location).toEqual({ file: 'tests/test_a.py', line: 10 });
  });

  test.each([
    ['<testsuite><testcase name="x"></testsuite>', 'not well-formed XML'],
    ['<html><body/></html>', 'no <testsuite> element'],
    ['', 'not well-formed XML'],
  ])('a malformed report is a problem, not a throw: %j', (xml, problem) => {
    const parsed = parseJUnit(xml);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem).toContain(problem);
  });

  test('arbitrary text never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (xml) => void parseJUnit(xml)),
      { numRuns: 2_000 },
    );
  });
});

test.each([
  ['tests.test_unit', 'tests/test_unit.py'],
  ['tests.test_unit.TestClass', 'tests/test_unit.py'],
  ['conftest', undefined],
])('fileFromClassname(%s)', (classname, file) => expect(fileFromClassname(classname)).toBe(file));

test('the test frame wins over library frames', () => {
  const text = 'tests/test_x.py:10: in test_a\n    check()\n/venv/lib/site.py:99: in check\nE boom';
  expect(locationFromTraceback(text)).toEqual({ file: 'tests/test_x.py', line: 10 });
});
