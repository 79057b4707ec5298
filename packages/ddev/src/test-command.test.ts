import { expect, test } from '@jest/globals';
import { ddevTestArgs, parseMarkers } from './test-command.js';

const inFolder = { cwd: '/repo', target: 'awesome' };
const atRoot = { cwd: '/repo', target: '.' };

test.each([
  ['every test, as Datadog runs them: no marker filter', { target: inFolder }, ['--here', 'test', 'awesome']],
  [
    'JUnit per hatch environment, with file and line attributes',
    { target: inFolder, junitFile: '/r/junit-{env_name}.xml' },
    ['--here', 'test', 'awesome', '--', '--junitxml=/r/junit-{env_name}.xml', '-o', 'junit_family=xunit1'],
  ],
  ['an integration at the repository root is `.`', { target: atRoot }, ['--here', 'test', '.']],
  [
    'a marker filter only when asked, ddev options before the target, pytest args after --',
    { target: inFolder, markers: 'not e2e', ddevArgs: ['--recreate'], pytestArgs: ['-k', 'a b'] },
    ['--here', 'test', '--recreate', 'awesome', '--', '-m', 'not e2e', '-k', 'a b'],
  ],
])('ddevTestArgs: %s', (_name, options, args) => {
  expect(ddevTestArgs({ pytestArgs: [], ddevArgs: [], ...options })).toEqual(args);
});

test.each([
  ['', undefined],
  ['  ', undefined],
  ['unit', 'unit'],
  [' not e2e ', 'not e2e'],
  ['(unit or integration) and not slow', '(unit or integration) and not slow'],
])('parseMarkers(%j) = %j', (raw, markers) => expect(parseMarkers(raw)).toBe(markers));

test.each(['unit; id', '$(id)', 'unit\nintegration', '"unit"'])('parseMarkers(%j) is a problem', (raw) => {
  expect(parseMarkers(raw)).toEqual({ problem: expect.stringContaining('is not a pytest marker expression') });
});
