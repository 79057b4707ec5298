import { afterAll, expect, test } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { actionDir, ddevEnvironment, GitRepo, pythonTools, removeRunnerScratch, runAction } from '../harness/index.js';

// The bundled scaffold-check action's `create` with this run's ddev on PATH: ddev 17 made `create` one
// subcommand per template, older ddev takes `--type` and asks questions (answered on stdin).
const tools = pythonTools();
afterAll(removeRunnerScratch);

test(`create: ddev ${tools.ddevVersion} scaffolds a new check (dry run first) that passes the strict check`, async () => {
  const repo = GitRepo.withExample();
  const run = await runAction({
    actionDir: actionDir('scaffold-check'),
    workspace: repo.path,
    inputs: { integrations: 'fresh_check', python: tools.python, create: 'true', strict: 'true' },
    env: ddevEnvironment(repo.path, tools),
  });
  expect(run.annotations).toEqual([]);
  expect(run.exitCode).toBe(0);
  expect(run.outputs).toMatchObject({ created: '["fresh_check"]', checked: '["fresh_check"]', errors: '0' });
  expect(run.stdout.indexOf('::group::ddev create check fresh_check (dry run)')).toBeLessThan(
    run.stdout.indexOf('::group::ddev create check fresh_check\n'),
  );
  const about = path.join(repo.path, 'fresh_check', 'datadog_checks', 'fresh_check', '__about__.py');
  expect(readFileSync(about, 'utf8')).toMatch(/__version__ = '\d+\.\d+\.\d+'/);
  expect(existsSync(path.join(repo.path, 'fresh_check', 'datadog_checks', 'fresh_check', 'check.py'))).toBe(true);
});
