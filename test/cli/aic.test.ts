import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ddevEnvironment, GitRepo, pythonTools, repoRoot } from '../harness/index.js';

// The bundled aic CLI (packages/cli/dist), run as a partner runs it on a laptop: real ddev, real tests.
const cli = path.join(repoRoot, 'packages', 'cli', 'bin', 'aic.js');
const tools = pythonTools();

function aic(args: string[], cwd: string) {
  return spawnSync(process.execPath, [cli, ...args, '--python', tools.python], {
    cwd,
    env: { ...ddevEnvironment(cwd), CI: 'true' },
    encoding: 'utf8',
    timeout: 900_000,
  });
}

describe('aic ci', () => {
  test('runs every step on the example and ends green (--json for machines)', () => {
    const repo = GitRepo.withExample();
    const run = aic(['ci', '--repo', repo.path, '--integration', 'awesome', '--json'], repo.path);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as {
      ok: boolean;
      stages: { step: string; status: string; detail: string }[];
    };
    expect(report.ok).toBe(true);
    expect(report.stages.map((s) => [s.step, s.status])).toEqual([
      ['plan', 'passed'],
      ['setup ddev', 'passed'],
      ['scaffold check', 'passed'],
      ['release notes', 'passed'],
      ['unit tests', 'passed'],
      ['integration tests', 'passed'],
      ['wheel', 'passed'],
    ]);
    expect(report.stages.find((s) => s.step === 'integration tests')?.detail).toContain('no Docker engine');
  });
});

describe('aic release --dry-run', () => {
  test('prints what would be tagged and released, and changes nothing', () => {
    const origin = GitRepo.create('aic-origin-');
    const repo = GitRepo.withExample();
    repo.git('remote', 'add', 'origin', origin.path);
    repo.git('push', '-q', 'origin', 'HEAD:refs/heads/published');
    const run = aic(['release', '--dry-run', '-i', 'awesome', '--repo', repo.path], repo.path);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('would release awesome-1.1.0 (new)');
    expect(repo.git('tag', '--list')).toBe('');
    expect(origin.git('tag', '--list')).toBe('');
  });
});

describe('plain output when not a terminal, and the same clear errors as the actions', () => {
  test('a broken integration fails with the rule, file and line, and exit code 1', () => {
    const repo = GitRepo.withExample();
    repo.edit('awesome/datadog_checks/awesome/check.py', 'def check(self, _):', 'async def check(self, _):');
    const run = aic(['check', '--repo', repo.path, '-i', 'awesome'], repo.path);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      'awesome/datadog_checks/awesome/check.py:23: error: check-coroutine: AwesomeCheck.check is a coroutine (async def)',
    );
    expect(run.stdout).toMatch(/1 passed, 1 failed, 0 skipped\s*$/);
    expect(run.stdout).not.toContain('\u001b[');
  });

  test('bad arguments: one line, exit code 2', () => {
    const run = aic(['ci', '--integration', '../etc'], repoRoot);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`--integration: "../etc" is a path, not an integration name.`);
    const unknown = spawnSync(process.execPath, [cli, 'deploy'], { encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe(
      "aic: Unknown command 'deploy'. Use one of: ci, plan, check, notes, test, wheel, release (aic --help).\n",
    );
  });
});
