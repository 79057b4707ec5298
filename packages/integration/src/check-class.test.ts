import { expect, test } from '@jest/globals';
import { acceptsInstance, findCheckClasses, type PythonFileFacts, type Signature } from './check-class.js';

const SELF_INSTANCE: Signature = { required: 2, positional: 2, requiredKeywordOnly: 0 };

const cls = (name: string, bases: string[], check: { line: number; async?: boolean } | null = { line: 5 }) => ({
  name,
  line: 3,
  bases,
  check: check ? { line: check.line, async: check.async ?? false, signature: SELF_INSTANCE } : null,
});
const file = (
  module: string,
  imports: Record<string, string>,
  classes: PythonFileFacts['classes'],
): PythonFileFacts => ({ module, imports, classes });

test.each([
  [
    'direct AgentCheck',
    {
      'c.py': file('datadog_checks.x.c', { AgentCheck: 'datadog_checks.base.AgentCheck' }, [cls('X', ['AgentCheck'])]),
    },
    [{ name: 'X', check: { file: 'c.py', line: 5, async: false, signature: SELF_INSTANCE } }],
  ],
  [
    'OpenMetrics base provides check',
    {
      'c.py': file('datadog_checks.x.c', { OpenMetricsBaseCheckV2: 'datadog_checks.base.OpenMetricsBaseCheckV2' }, [
        cls('X', ['OpenMetricsBaseCheckV2'], null),
      ]),
    },
    [{ name: 'X', check: 'inherited' }],
  ],
  [
    'a chain across modules through a re-export in __init__',
    {
      'x/__init__.py': file('datadog_checks.x', { Base: 'datadog_checks.x.base.Base' }, []),
      'x/base.py': file('datadog_checks.x.base', { checks: 'datadog_checks.base.checks' }, [
        cls('Base', ['checks.AgentCheck']),
      ]),
      'x/c.py': file('datadog_checks.x.c', { Base: 'datadog_checks.x.Base' }, [cls('X', ['Base'], null)]),
    },
    [
      { name: 'Base', check: { file: 'x/base.py', line: 5, async: false, signature: SELF_INSTANCE } },
      { name: 'X', check: { file: 'x/base.py', line: 5, async: false, signature: SELF_INSTANCE } },
    ],
  ],
  ['not a check', { 'c.py': file('datadog_checks.x.c', {}, [cls('Helper', ['object'])]) }, []],
  [
    'AgentCheck with no check method anywhere',
    {
      'c.py': file('datadog_checks.x.c', { AgentCheck: 'datadog_checks.base.AgentCheck' }, [
        cls('X', ['AgentCheck'], null),
      ]),
    },
    [{ name: 'X', check: undefined }],
  ],
  [
    'a cycle does not hang',
    { 'c.py': file('datadog_checks.x.c', {}, [cls('A', ['B'], null), cls('B', ['A'], null)]) },
    [],
  ],
])('%s', (_name, files, expected) => {
  expect(findCheckClasses(files, 'datadog_checks.x').map(({ name, check }) => ({ name, check }))).toEqual(expected);
});

// Facts as inspect_integration.py gives them: positional parameters counted with self.
test.each([
  ['def check(self, instance)', { required: 2, positional: 2, requiredKeywordOnly: 0 }, true],
  ['def check(self, _)', { required: 2, positional: 2, requiredKeywordOnly: 0 }, true],
  ['def check(self, instance=None)', { required: 1, positional: 2, requiredKeywordOnly: 0 }, true],
  ['def check(self, instance, extra=None)', { required: 2, positional: 3, requiredKeywordOnly: 0 }, true],
  ['def check(self, *args, **kwargs)', { required: 1, positional: null, requiredKeywordOnly: 0 }, true],
  ['def check(self, /, instance)', { required: 2, positional: 2, requiredKeywordOnly: 0 }, true],
  ['decorated: unknown, trusted', null, true],
  ['def check(self)', { required: 1, positional: 1, requiredKeywordOnly: 0 }, false],
  ['def check()', { required: 0, positional: 0, requiredKeywordOnly: 0 }, false],
  ['def check(self, instance, other)', { required: 3, positional: 3, requiredKeywordOnly: 0 }, false],
  ['def check(self, instance, *, mode)', { required: 2, positional: 2, requiredKeywordOnly: 1 }, false],
  ['def check(self, **kwargs)', { required: 1, positional: 1, requiredKeywordOnly: 0 }, false],
] as [string, Signature, boolean][])('acceptsInstance: %s', (_name, signature, accepts) => {
  expect(acceptsInstance(signature)).toBe(accepts);
});
