import { expect, test } from '@jest/globals';
import { parseCli } from './args.js';

const parse = (line: string[]) => parseCli(line, '/work/repo');

test.each([
  [['ci'], { command: 'ci', integrations: [], repo: '/work/repo', base: undefined, tests: 'all', json: false }],
  [
    ['ci', '-i', 'awesome', '--integration', 'other', '--repo', 'examples', '--json'],
    { integrations: ['awesome', 'other'], repo: 'examples', json: true },
  ],
  [
    ['test', '-i', 'awesome', '--tests', 'unit', '--', '-k', 'warning', '$(id)'],
    { tests: 'unit', pytestArgs: ['-k', 'warning', '$(id)'] },
  ],
  [['notes', '--changelog', 'CHANGELOG.md'], { command: 'notes', changelog: 'CHANGELOG.md' }],
  [['plan', '--base', 'origin/main'], { command: 'plan', base: 'origin/main' }],
  [['release', '--dry-run', '-i', 'awesome'], { command: 'release' }],
  [['ci'], { integrationsPath: '', repoKind: 'auto', builder: undefined, smokeTest: true }],
  [
    ['ci', '--integrations-path', 'integrations', '--repo-kind', 'marketplace', '--builder', 'uv', '--no-smoke-test'],
    { integrationsPath: 'integrations', repoKind: 'marketplace', builder: 'uv', smokeTest: false },
  ],
  [['wheel', '--agent-requirements', 'pypi'], { agentRequirements: 'pypi' }],
])('%j', (argv, expected) => {
  expect(parse(argv)).toMatchObject(expected);
});

test.each([[[]], [['--help']], [['ci', '-h']]])('%j is help', (argv) => expect(parse(argv)).toBe('help'));

test.each([
  [['deploy'], "Unknown command 'deploy'."],
  [['ci', '--frobnicate'], "Unknown option '--frobnicate'."],
  [['ci', 'awesome'], "Unexpected argument 'awesome'."],
  [['test', '--tests', 'e2e'], '--tests "e2e" is not one of unit, integration, all.'],
  [['wheel', '--', '-x'], "Arguments after '--' are for pytest"],
  [['release'], 'aic release only prints the plan: add --dry-run.'],
  [['ci', '--repo-kind', 'mine'], '--repo-kind "mine" is not one of auto, extras, marketplace, core.'],
  [['wheel', '--builder', 'make'], '--builder "make" is not one of ddev, pip, uv.'],
])('%j is refused', (argv, message) => {
  expect(() => parse(argv)).toThrow(message);
});
