import { expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ddevEnvironment, GitRepo, pythonTools, repoRoot } from '../harness/index.js';

// The whole pipeline (`aic ci`, the same step code as the actions) on the example, with the ddev this run
// of the range suite is about: setup-ddev installs exactly that version from PyPI, as a partner's
// `ddev-version` input would, and every later step runs the command lines built for it.
const tools = pythonTools();
const cli = path.join(repoRoot, 'packages', 'cli', 'bin', 'aic.js');

test(`aic ci on the example with ddev ${tools.ddevVersion}: every step green`, () => {
  const repo = GitRepo.withExample();
  const run = spawnSync(
    process.execPath,
    [
      cli,
      'ci',
      '--repo',
      repo.path,
      '--integration',
      'awesome',
      '--ddev-version',
      tools.ddevVersion,
      '--python',
      tools.python,
      '--json',
    ],
    { cwd: repo.path, env: { ...ddevEnvironment(repo.path, tools), CI: 'true' }, encoding: 'utf8', timeout: 900_000 },
  );
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.status).toBe(0);
  const report = JSON.parse(run.stdout) as { ok: boolean; stages: { step: string; status: string; detail: string }[] };
  expect(report.stages.map((stage) => [stage.step, stage.status])).toEqual([
    ['plan', 'passed'],
    ['setup ddev', 'passed'],
    ['scaffold check', 'passed'],
    ['validations', 'passed'],
    ['release notes', 'passed'],
    ['tests', 'passed'],
    ['wheel', 'passed'],
    ['repository validations', 'skipped'],
  ]);
  const detail = (step: string) => report.stages.find((stage) => stage.step === step)?.detail;
  expect(detail('setup ddev')).toMatch(new RegExp(`^ddev ${tools.ddevVersion.replaceAll('.', '\\.')} \\(`));
  expect(detail('validations')).toBe('10 passed');
  expect(detail('tests')).toMatch(/^11 passed, 0 failed, 0 errors, 0 skipped/);
  expect(detail('wheel')).toMatch(/^datadog_awesome-1\.1\.0-py3-none-any\.whl [0-9a-f]{12}… smoke test ✓/);
});
