import { expect, test } from '@jest/globals';
import { cacheKey, installPlan, toolCacheName } from './install-plan.js';

test.each([
  [
    'uv',
    [
      'uv venv --quiet --seed --python /py /tc/venv',
      'uv pip install --quiet --python /tc/venv/bin/python ddev==20.1.0',
    ],
    '/tc/venv/bin',
  ],
  [
    'pip',
    ['/py -m venv /tc/venv', '/tc/venv/bin/python -m pip install --quiet --disable-pip-version-check ddev==20.1.0'],
    '/tc/venv/bin',
  ],
  ['pipx', ['pipx install --python /py ddev==20.1.0'], '/tc/bin'],
] as const)('installer %s', (installer, commands, binDir) => {
  const plan = installPlan({ installer, version: '20.1.0', python: '/py', target: '/tc' });
  expect(plan.commands.map((c) => [c.command, ...c.args].join(' '))).toEqual(commands);
  expect(plan.binDir).toBe(binDir);
  expect(plan.ddev).toBe(`${binDir}/ddev`);
});

test('pipx keeps its home inside the target', () => {
  const [pipx] = installPlan({ installer: 'pipx', version: '1.0.0', python: 'python3', target: '/tc' }).commands;
  expect(pipx?.env).toEqual({ PIPX_HOME: '/tc/pipx', PIPX_BIN_DIR: '/tc/bin', PIPX_MAN_DIR: '/tc/man' });
});

test('cache names and keys carry everything that changes the files', () => {
  expect(toolCacheName('uv', '3.13.0')).toBe('ddev-uv-py3.13');
  expect(cacheKey({ os: 'Linux', arch: 'X64', installer: 'uv', pythonVersion: '3.13.0', ddevVersion: '20.1.0' })).toBe(
    'agent-integration-ci-ddev-Linux-X64-uv-py3.13.0-ddev20.1.0',
  );
});
