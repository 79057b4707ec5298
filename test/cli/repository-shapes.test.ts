import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ddevEnvironment, GitRepo, pythonTools, repoRoot } from '../harness/index.js';

// The bundled aic CLI on the repository shapes partners have: one integration at the root, integrations
// under a folder, a tile-only folder with a dashed name. Real ddev, real tests; no doubles.
const cli = path.join(repoRoot, 'packages', 'cli', 'bin', 'aic.js');
const tools = pythonTools();

interface Report {
  ok: boolean;
  stages: { step: string; integration: string | null; status: string; detail: string }[];
}

function aic(args: string[], repo: GitRepo) {
  const run = spawnSync(process.execPath, [cli, ...args, '--repo', repo.path, '--python', tools.python, '--json'], {
    cwd: repo.path,
    env: { ...ddevEnvironment(repo.path), CI: 'true' },
    encoding: 'utf8',
    timeout: 900_000,
  });
  return { status: run.status, report: JSON.parse(run.stdout || '{"ok":false,"stages":[]}') as Report, run };
}

const exampleInto = (repo: GitRepo, folder: string) =>
  cpSync(path.join(repoRoot, 'examples', 'awesome'), path.join(repo.path, folder), {
    recursive: true,
    filter: (source) => !/(__pycache__|\.pytest_cache|\/dist$)/.test(source),
  });

const testsRan = (report: Report) =>
  report.stages
    .filter((stage) => stage.step.includes('tests') && stage.status === 'passed')
    .map((stage) => Number(/(\d+) passed/.exec(stage.detail)?.[1] ?? 0))
    .reduce((sum, n) => sum + n, 0);

describe('repository shapes', () => {
  test('one integration at the repository root: plan, tests and wheel run on it', () => {
    const repo = GitRepo.create();
    exampleInto(repo, '.');
    repo.commitAll('The integration is the repository');
    const { status, report } = aic(['ci'], repo);
    expect(report.stages.filter((stage) => stage.status === 'failed')).toEqual([]);
    expect(status).toBe(0);
    expect(report.stages[0]).toMatchObject({ step: 'plan', detail: 'awesome' });
    expect(testsRan(report)).toBeGreaterThan(0);
    expect(report.stages.find((stage) => stage.step === 'wheel')).toMatchObject({ status: 'passed' });
  });

  test('integrations under integrations/: found with --integrations-path, and never green without it', () => {
    const repo = GitRepo.create();
    mkdirSync(path.join(repo.path, 'integrations'));
    exampleInto(repo, 'integrations/awesome');
    cpSync(path.join(repoRoot, 'examples', 'pyproject.toml'), path.join(repo.path, 'integrations', 'pyproject.toml'));
    const base = repo.commitAll('Integrations in a folder');
    repo.edit(
      'integrations/awesome/datadog_checks/awesome/check.py',
      'def check(self, _):',
      'def check(self, _instance):',
    );
    repo.commitAll('Change the check');

    const lost = aic(['plan', '--base', base], repo);
    expect(lost.status).toBe(1);
    expect(lost.report.stages[0]!.detail).toContain('no integration at the repository root holds it');
    expect(lost.report.stages[0]!.detail).toContain(
      "Set --integrations-path to the folder that holds the integrations (here: 'integrations')",
    );

    const { status, report } = aic(['ci', '--integrations-path', 'integrations'], repo);
    expect(report.stages.filter((stage) => stage.status === 'failed')).toEqual([]);
    expect(status).toBe(0);
    expect(report.stages[0]).toMatchObject({ step: 'plan', detail: 'awesome' });
    expect(testsRan(report)).toBeGreaterThan(0);
  });

  test('a tile-only folder with a dashed name gets only the checks that apply', () => {
    const repo = GitRepo.create();
    exampleInto(repo, 'acme-tile');
    for (const entry of readdirSync(path.join(repo.path, 'acme-tile'))) {
      if (!['manifest.json', 'README.md', 'CHANGELOG.md', 'assets'].includes(entry))
        rmSync(path.join(repo.path, 'acme-tile', entry), { recursive: true, force: true });
    }
    repo.commitAll('A tile');
    const { status, report } = aic(['ci', '-i', 'acme-tile'], repo);
    expect(status).toBe(0);
    const byStep = Object.fromEntries(report.stages.map((stage) => [stage.step, stage]));
    expect(byStep.plan).toMatchObject({ status: 'passed', detail: 'acme-tile' });
    expect(byStep.wheel).toMatchObject({ status: 'skipped', detail: 'tile-only integration: no Python package' });
    expect(report.stages.filter((stage) => stage.step.includes('tests')).map((stage) => stage.status)).not.toContain(
      'failed',
    );
  });
});
