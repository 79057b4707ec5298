import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
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
      ['validations', 'passed'],
      ['release notes', 'passed'],
      ['tests', 'passed'],
      ['wheel', 'passed'],
      ['repository validations', 'skipped'],
    ]);
    // Every test in one session; whether a Docker engine answered is said as a fact, nothing more.
    expect(report.stages.find((s) => s.step === 'tests')?.detail).toMatch(
      /^11 passed, 0 failed, 0 errors, 0 skipped; (no )?Docker engine answered$/,
    );
  });

  test('a docs-only change: checks and notes run, tests and the wheel are skipped like the reusable workflow does', () => {
    const repo = GitRepo.withExample();
    const base = repo.head();
    repo.edit('awesome/README.md', '# Agent Check: Awesome', '# Agent Check: Awesome (docs)');
    repo.commitAll('Docs only');
    const run = aic(['ci', '--repo', repo.path, '--base', base, '--json'], repo.path);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { stages: { step: string; status: string; detail: string }[] };
    expect(report.stages.map((s) => [s.step, s.status])).toEqual([
      ['plan', 'passed'],
      ['setup ddev', 'passed'],
      ['scaffold check', 'passed'],
      ['validations', 'passed'],
      ['release notes', 'passed'],
      ['tests', 'skipped'],
      ['wheel', 'skipped'],
      ['repository validations', 'skipped'],
    ]);
    expect(report.stages.find((s) => s.step === 'wheel')?.detail).toBe('docs-only change: no tests or wheel needed');
  });
});

describe('aic test', () => {
  test('runs tests that carry no marker; a filter that selects none of them fails with the reason', () => {
    const repo = GitRepo.create();
    cpSync(path.join(repoRoot, 'test', 'fixtures', 'unmarked-tests', 'unmarked'), path.join(repo.path, 'unmarked'), {
      recursive: true,
    });
    repo.commitAll('Add the unmarked check');
    type Report = { stages: { step: string; status: string; detail: string }[] };
    const tests = (report: Report) => report.stages.find((s) => s.step === 'tests');

    const all = aic(['test', '--repo', repo.path, '-i', 'unmarked', '--json'], repo.path);
    expect(all.status).toBe(0);
    expect(tests(JSON.parse(all.stdout) as Report)).toMatchObject({
      status: 'passed',
      detail: '4 passed, 0 failed, 0 errors, 0 skipped',
    });

    const unit = aic(['test', '--repo', repo.path, '-i', 'unmarked', '--tests', 'unit', '--json'], repo.path);
    expect(unit.status).toBe(1);
    expect(tests(JSON.parse(unit.stdout) as Report)).toMatchObject({
      status: 'failed',
      detail: expect.stringContaining('0 tests ran: -m "unit" selected none of the 1 test file in tests/'),
    });
  });
});

describe('aic plan', () => {
  test('lists only the integration the change touched (--json for machines)', () => {
    const repo = GitRepo.withExample();
    cpSync(path.join(repo.path, 'awesome'), path.join(repo.path, 'other'), { recursive: true });
    const base = repo.commitAll('Add a second integration');
    repo.edit('awesome/datadog_checks/awesome/check.py', 'def check(self, _):', 'def check(self, _instance):');
    repo.commitAll('Change awesome');

    const run = aic(['plan', '--repo', repo.path, '--base', base, '--json'], repo.path);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as {
      ok: boolean;
      stages: { step: string; status: string; detail: string }[];
    };
    expect(report).toMatchObject({ ok: true, stages: [{ step: 'plan', status: 'passed', detail: 'awesome' }] });

    const human = aic(['plan', '--repo', repo.path, '--base', base], repo.path);
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/plan\s.*✓ passed.*\sawesome\s/);
    expect(human.stdout).not.toContain('other');
  });
});

describe('aic notes --changelog FILE', () => {
  const changelogIn = (firstHeading: string, label = '***Added:***') => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'aic-notes-'));
    writeFileSync(
      path.join(dir, 'CHANGELOG.md'),
      `# CHANGELOG - Awesome\n\n${firstHeading}\n\n***Added***:\n\n* New thing.\n\n## 1.0.0 / 2025-01-01\n\n${label}\n\n* First.\n`,
    );
    return dir;
  };

  test('reports each finding on its file and line, and fails on an error', () => {
    const dir = changelogIn('## 1.1.0 (2025-02-01)');
    const run = aic(['notes', '--changelog', 'CHANGELOG.md'], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      "CHANGELOG.md:3: error: date-format: Heading '## 1.1.0 (2025-02-01)' has a date in another format; write '## 1.1.0 / 2025-02-01'.",
    );
    expect(run.stdout).toContain("CHANGELOG.md:11: warning: label-format: Section label '***Added:***'");

    const json = aic(['notes', '--changelog', 'CHANGELOG.md', '--json'], dir);
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout) as { ok: boolean; stages: { annotations: unknown[] }[] };
    expect(report.ok).toBe(false);
    expect(report.stages[0]!.annotations).toEqual([
      expect.objectContaining({ level: 'error', file: 'CHANGELOG.md', line: 3 }),
      expect.objectContaining({ level: 'warning', file: 'CHANGELOG.md', line: 11 }),
    ]);
  });

  test('a clean file passes', () => {
    const run = aic(['notes', '--changelog', 'CHANGELOG.md'], changelogIn('## 1.1.0 / 2025-02-01', '***Added***:'));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('0 errors, 0 warnings');
    expect(run.stdout).not.toContain('Problems:');
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
      "aic: Unknown command 'deploy'. Use one of: ci, plan, check, validate, fix, notes, test, wheel, release (aic --help).\n",
    );
  });
});
