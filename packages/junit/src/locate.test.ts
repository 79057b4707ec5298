import { expect, test } from '@jest/globals';
import { locateProblem, parseJUnit, projectFile } from './index.js';

// Frames as pytest (--tb short) prints them from a ddev run: the project's relative, the hatch env's absolute.
const HATCH = '/home/u/.local/share/hatch/env/virtual/datadog-awesome/zwMYVTv2/py3.13/lib/python3.13/site-packages';
const ROOT = '/repo/awesome';

const conftestSetupError = [
  'tests/conftest.py:31: in dd_environment',
  '    requests.get(url, timeout=1)',
  `${HATCH}/requests/api.py:73: in get`,
  '    return request("get", url, params=params, **kwargs)',
  `${HATCH}/requests/adapters.py:700: in send`,
  '    raise ConnectionError(e, request=request)',
  'E   requests.exceptions.ConnectionError: refused',
].join('\n');

const checkCalledFromTest = [
  'tests/test_unit.py:22: in test_search_outcomes',
  '    dd_run_check(check)',
  `${HATCH}/datadog_checks/dev/plugin/pytest.py:160: in run_check`,
  `${ROOT}/datadog_checks/awesome/check.py:40: in check`,
  '    raise ValueError(x)',
  'E   ValueError: x',
].join('\n');

test.each([
  [
    'a setup error in a conftest fixture: the fixture line, not the hatch env',
    conftestSetupError,
    'error',
    {},
    { file: 'tests/conftest.py', line: 31 },
  ],
  [
    'a setup error: an absolute frame inside the folder pytest ran in counts as the project',
    `tests/conftest.py:31: in dd_environment\n${ROOT}/tests/helpers.py:8: in start\n${HATCH}/x.py:1: in y\nE boom`,
    'error',
    { root: ROOT },
    { file: 'tests/helpers.py', line: 8 },
  ],
  [
    "a setup error with no project frame: the test's own line from the attributes",
    `${HATCH}/requests/adapters.py:700: in send\nE   ConnectionError`,
    'error',
    { testFile: 'tests/test_unit.py', testLocation: { file: 'tests/test_unit.py', line: 12 } },
    { file: 'tests/test_unit.py', line: 12 },
  ],
  [
    'a setup error with no project frame and no line: the test file',
    `${HATCH}/requests/adapters.py:700: in send\nE   ConnectionError`,
    'error',
    { testFile: 'tests/test_unit.py' },
    { file: 'tests/test_unit.py', line: 1 },
  ],
  [
    'a failure raised in the check: the test line that called it',
    checkCalledFromTest,
    'failed',
    { testFile: 'tests/test_unit.py', root: ROOT },
    { file: 'tests/test_unit.py', line: 22 },
  ],
  [
    'a failure with a prefixed classname (--junit-prefix) still finds the test file',
    checkCalledFromTest,
    'failed',
    { testFile: 'awesome/tests/test_unit.py' },
    { file: 'tests/test_unit.py', line: 22 },
  ],
  [
    'a virtualenv inside the folder is installed code',
    `tests/conftest.py:5: in env\n.venv/lib/python3.13/site-packages/lib.py:9: in f\nE boom`,
    'error',
    {},
    { file: 'tests/conftest.py', line: 5 },
  ],
  ['nothing known: no location', `${HATCH}/lib.py:9: in f\nE boom`, 'failed', {}, undefined],
] as const)('locateProblem: %s', (_name, text, status, options, location) => {
  expect(locateProblem(text, status, options)).toEqual(location);
});

test.each([
  ['tests/test_unit.py', undefined, 'tests/test_unit.py'],
  [`${HATCH}/requests/api.py`, ROOT, undefined],
  [`${ROOT}/tests/conftest.py`, ROOT, 'tests/conftest.py'],
  [`${ROOT}/tests/conftest.py`, undefined, undefined],
  ['/repo/awesome-other/tests/x.py', ROOT, undefined],
  ['../shared/helpers.py', undefined, undefined],
  ['.tox/py3/lib/python3.13/site-packages/x.py', undefined, undefined],
])('projectFile(%s, %s) = %s', (file, root, expected) => expect(projectFile(file, root)).toBe(expected));

// Cut from real pytest 8 reports written through ddev 20.1.0 (xunit1: file and 0-based line attributes).
test.each([
  [
    'a newline in an assertion message (&#10;)',
    `<failure message="assert 'first line\\nsecond line' == &quot;it's other&quot;&#10;  &#10;  - it's other&#10;  + first line">tests/test_x.py:16: in test_m</failure>`,
    `assert 'first line\\nsecond line' == "it's other"`,
  ],
  [
    'a hexadecimal reference (&#x27;)',
    `<failure message="expected &#x27;ok&#x27; got &#39;ko&#39;">x</failure>`,
    "expected 'ok' got 'ko'",
  ],
  ['an escaped ampersand stays literal', `<failure message="literal &amp;#10; here">x</failure>`, 'literal &#10; here'],
  [
    'a message that starts with a newline: its first line of text',
    `<failure message="&#10;AssertionError: boom">x</failure>`,
    'AssertionError: boom',
  ],
])('entities are decoded in messages: %s', (_name, failure, message) => {
  const parsed = parseJUnit(
    `<testsuites><testsuite><testcase classname="tests.test_x" name="test_m" file="tests/test_x.py" line="14">${failure}</testcase></testsuite></testsuites>`,
  );
  expect(parsed.ok && parsed.report.cases[0]!.message).toBe(message);
});

test('entities are decoded in the traceback text too', () => {
  const parsed = parseJUnit(
    '<testsuite><testcase classname="" name="tests.test_c" file="tests/test_c.py"><error message="collection failure">tests/test_c.py:2: in &lt;module&gt;&#10;    import missing&#10;E   ModuleNotFoundError</error></testcase></testsuite>',
  );
  expect(parsed.ok && parsed.report.cases[0]!.details).toBe(
    'tests/test_c.py:2: in <module>\n    import missing\nE   ModuleNotFoundError',
  );
});

test.each([
  [
    'a setup error in a conftest fixture is annotated at the fixture, not in the hatch env',
    `<testcase classname="tests.test_integration" name="test_env" file="tests/test_integration.py" line="8"><error message="failed on setup with &quot;ConnectionError&quot;">${conftestSetupError}</error></testcase>`,
    { status: 'error', location: { file: 'tests/conftest.py', line: 31 } },
  ],
  [
    'a setup error in a fixture of the test file: the fixture line',
    `<testcase classname="tests.test_zz" name="test_setup_error" file="tests/test_zz.py" line="10"><error message="failed on setup">tests/test_zz.py:7: in broken_setup\n    requests.get(url)\n${HATCH}/requests/adapters.py:729: in send\nE   ConnectionError</error></testcase>`,
    { status: 'error', location: { file: 'tests/test_zz.py', line: 7 } },
  ],
  [
    'a collection error (no classname, the module as name): the import line',
    `<testcase classname="" name="tests.test_c" time="0.000"><error message="collection failure">${HATCH}/_pytest/python.py:507: in importtestmodule\n    mod = import_path(\n&lt;frozen importlib._bootstrap&gt;:1387: in _gcd_import\n    ???\ntests/test_c.py:2: in &lt;module&gt;\n    import no_such_module\nE   ModuleNotFoundError</error></testcase>`,
    { status: 'error', location: { file: 'tests/test_c.py', line: 2 } },
  ],
  [
    'a passing test keeps its own location',
    '<testcase classname="tests.test_x" name="test_ok" file="tests/test_x.py" line="4" time="0.1"/>',
    { status: 'passed', location: { file: 'tests/test_x.py', line: 5 } },
  ],
])('parseJUnit: %s', (_name, testcase, expected) => {
  const parsed = parseJUnit(`<testsuites><testsuite>${testcase}</testsuite></testsuites>`, { root: ROOT });
  expect(parsed.ok && parsed.report.cases[0]).toMatchObject(expected);
});
