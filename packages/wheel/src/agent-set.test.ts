import { expect, test } from '@jest/globals';
import { agentSetKey, requirementLines, setHasChecksBase } from './agent-set.js';

test('requirementLines drops comments, blanks and pip options', () => {
  const text =
    "# the Agent's set\n--index-url https://x\n\npsutil==7.0.0  # ps\npywin32==311; sys_platform == 'win32'\n";
  expect(requirementLines(text)).toEqual(['psutil==7.0.0', "pywin32==311; sys_platform == 'win32'"]);
});

test.each([
  [['datadog-checks-base==38.5.0'], true],
  [['datadog_checks_base[deps]==38.5.0'], true],
  [['datadog-checks-base'], true],
  [['datadog-checks-base-extra==1'], false],
  [['psutil==7.0.0'], false],
])('setHasChecksBase(%j)', (lines, has) => expect(setHasChecksBase(lines)).toBe(has));

test('agentSetKey depends on the set, not its order, and on the interpreter and platform', () => {
  const key = agentSetKey(['a==1', 'b==2'], 'CPython 3.13', 'linux-x64');
  expect(key).toMatch(/^[0-9a-f]{16}$/);
  expect(agentSetKey(['b==2', 'a==1'], 'CPython 3.13', 'linux-x64')).toBe(key);
  expect(agentSetKey(['a==1', 'b==3'], 'CPython 3.13', 'linux-x64')).not.toBe(key);
  expect(agentSetKey(['a==1', 'b==2'], 'CPython 3.12', 'linux-x64')).not.toBe(key);
  expect(agentSetKey(['a==1', 'b==2'], 'CPython 3.13', 'darwin-arm64')).not.toBe(key);
});
