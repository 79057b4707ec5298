import { describe, expect, test } from '@jest/globals';
import type { Signature } from './check-class.js';
import { evaluateRules, isPep440, type IntegrationFacts } from './rules.js';

const NAME = 'awesome';
const withCheck = (signature: Signature, isAsync = false): IntegrationFacts['python'] => ({
  'datadog_checks/awesome/__init__.py': { module: 'datadog_checks.awesome', classes: [], imports: {} },
  'datadog_checks/awesome/__about__.py': {
    module: 'datadog_checks.awesome.__about__',
    classes: [],
    imports: {},
    version: { line: 1, value: '1.0.0' },
  },
  'datadog_checks/awesome/check.py': {
    module: 'datadog_checks.awesome.check',
    imports: { AgentCheck: 'datadog_checks.base.AgentCheck' },
    classes: [{ name: 'AwesomeCheck', line: 4, bases: ['AgentCheck'], check: { line: 7, async: isAsync, signature } }],
  },
});

/** The facts of a clean integration: no finding. */
const clean = (): IntegrationFacts => ({
  name: NAME,
  python: withCheck({ required: 2, positional: 2, requiredKeywordOnly: 0 }),
  entries: [NAME],
  packageExists: true,
  pyproject: {
    exists: true,
    projectName: 'datadog-awesome',
    projectNameLine: 6,
    versionPath: 'datadog_checks/awesome/__about__.py',
    versionPathLine: 31,
  },
  hatch: { exists: true, hasCollector: true },
  confExample: { exists: true, instances: [{}], instancesLine: 3, hasInitConfig: true, isJmx: false },
  hasJmxMetrics: false,
  changelogExists: true,
  testFiles: ['test_awesome.py'],
});

const findings = (change: (facts: IntegrationFacts) => void) => {
  const facts = clean();
  change(facts);
  return evaluateRules(facts, false).map(({ rule, level, file, line }) => ({ rule, level, file, line }));
};

test('a clean integration has no finding', () => {
  expect(findings(() => {})).toEqual([]);
});

describe('check-signature: check must take (self, instance)', () => {
  const at = { file: 'datadog_checks/awesome/check.py', line: 7 };
  test.each([
    ['def check(self, instance=None)', { required: 1, positional: 2, requiredKeywordOnly: 0 }, []],
    ['def check(self, *args)', { required: 1, positional: null, requiredKeywordOnly: 0 }, []],
    ['decorated', null, []],
    [
      'def check(self)',
      { required: 1, positional: 1, requiredKeywordOnly: 0 },
      [{ rule: 'check-signature', level: 'error', ...at }],
    ],
    [
      'def check(self, instance, other)',
      { required: 3, positional: 3, requiredKeywordOnly: 0 },
      [{ rule: 'check-signature', level: 'error', ...at }],
    ],
  ] as [string, Signature, unknown[]][])('%s', (_name, signature, expected) => {
    expect(findings((facts) => (facts.python = withCheck(signature)))).toEqual(expected);
  });

  test('an async def reports the coroutine, not the signature', () => {
    const python = withCheck({ required: 1, positional: 1, requiredKeywordOnly: 0 }, true);
    expect(findings((facts) => (facts.python = python)).map((f) => f.rule)).toEqual(['check-coroutine']);
  });

  test('a bad check shared by two subclasses is reported once, on its def', () => {
    const python = withCheck({ required: 1, positional: 1, requiredKeywordOnly: 0 });
    python['datadog_checks/awesome/check.py']!.classes!.push({
      name: 'Other',
      line: 10,
      bases: ['AwesomeCheck'],
      check: null,
    });
    expect(findings((facts) => (facts.python = python))).toEqual([{ rule: 'check-signature', level: 'error', ...at }]);
  });
});

describe('pyproject findings point at the line of the key', () => {
  test.each([
    ['project-name', (f: IntegrationFacts) => (f.pyproject.projectName = 'awesome-check'), 6],
    ['hatch-version-path', (f: IntegrationFacts) => (f.pyproject.versionPath = 'version.py'), 31],
    [
      'project-name',
      (f: IntegrationFacts) => {
        f.pyproject.projectName = undefined;
        delete f.pyproject.projectNameLine;
      },
      1,
    ],
  ])('%s → line %d', (rule, change, line) => {
    expect(findings(change)).toEqual([{ rule, level: 'error', file: 'pyproject.toml', line }]);
  });
});

describe('isPep440: the packaging spec, canonical or not', () => {
  test.each([
    '1.0.0',
    '0.1',
    '1.0.0+local',
    '1.0.0+ubuntu.1-2',
    '1!2.0',
    '1.0.0.post1',
    '1.0.0-1',
    '1.0.0rc1',
    '1.0.0-rc.1',
    '1.0.0a',
    '1.0.0alpha2',
    '1.0.dev0',
    '1.0.0.dev',
    '1.0.0a1.post2.dev3',
    'v1.0',
    'V1.0RC1',
    '2024.01.05',
  ])('%j is valid', (version) => {
    expect(isPep440(version)).toBe(true);
  });

  test.each(['', 'one.two', '1.0.0-beta+', '1..0', '1.0.', '.1', '1.0+', '1.0+a..b', 'latest', '1.0.0 final', '1_0'])(
    '%j is not',
    (version) => {
      expect(isPep440(version)).toBe(false);
    },
  );

  test('about-version fires on a non-PEP 440 __version__, on its line', () => {
    const change = (facts: IntegrationFacts) =>
      (facts.python['datadog_checks/awesome/__about__.py']!.version = { line: 2, value: 'one.two' });
    expect(findings(change)).toEqual([
      { rule: 'about-version', level: 'error', file: 'datadog_checks/awesome/__about__.py', line: 2 },
    ]);
  });
});
