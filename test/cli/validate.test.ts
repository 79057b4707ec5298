import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ddevEnvironment, GitRepo, pythonTools, repoRoot } from '../harness/index.js';

// The bundled aic CLI (packages/cli/dist) with the real pinned ddev: `aic validate` and `aic fix` on the example.
const cli = path.join(repoRoot, 'packages', 'cli', 'bin', 'aic.js');
const tools = pythonTools();
const PKG = 'awesome/datadog_checks/awesome';

function aic(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [cli, ...args, '--python', tools.python], {
    cwd,
    env: { ...ddevEnvironment(cwd), CI: 'true' },
    encoding: 'utf8',
    timeout: 900_000,
  });
  return { ...run, report: run.stdout.trim().startsWith('{') ? (JSON.parse(run.stdout) as Report) : undefined };
}

interface Report {
  ok: boolean;
  stages: {
    step: string;
    integration: string | null;
    status: string;
    detail: string;
    annotations: { level: string; file?: string; line?: number; message: string }[];
  }[];
}

describe('aic validate', () => {
  test('the example passes; ci and codeowners do not apply to a repository not shaped like Datadog’s', () => {
    const repo = GitRepo.withExample();
    const run = aic(['validate', '--repo', repo.path, '--integration', 'awesome', '--json'], repo.path);
    expect(run.status).toBe(0);
    expect(run.report!.stages.map((s) => [s.step, s.status])).toEqual([
      ['plan', 'passed'],
      ['setup ddev', 'passed'],
      ['validations', 'passed'],
      ['repository validations', 'skipped'],
    ]);
    expect(run.report!.stages[2]!.detail).toBe('10 passed');
    expect(run.report!.stages[3]!.detail).toMatch(/not applicable: ci, codeowners \(the repository is not shaped like/);
  });

  test('a planted fault fails with the finding on its file and line', () => {
    const repo = GitRepo.withExample();
    repo.write('awesome/metadata.csv', `${repo.read('awesome/metadata.csv')}awesome.short,gauge\n`);
    repo.commitAll('fault');
    const run = aic(['validate', '--repo', repo.path, '--integration', 'awesome', '--json'], repo.path);
    expect(run.status).toBe(1);
    const stage = run.report!.stages.find((s) => s.step === 'validations')!;
    expect(stage.status).toBe('failed');
    expect(stage.detail).toMatch(/^failed: metadata; 9 passed/);
    expect(stage.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        file: 'awesome/metadata.csv',
        line: 2,
        message: 'awesome.short has the wrong number of columns.',
      }),
    );
  });
});

describe('aic fix', () => {
  test("runs ddev's syncing forms, says what changed, and validate passes afterwards", () => {
    const repo = GitRepo.withExample();
    repo.edit('awesome/assets/configuration/spec.yaml', 'example: Datadog', 'example: Datadog docs');
    repo.write(`${PKG}/style.py`, "VALUE = {  'a':1 }\n");
    repo.commitAll('out of sync');
    const fix = aic(['fix', '--repo', repo.path, '--integration', 'awesome', '--json'], repo.path);
    expect(fix.status).toBe(0);
    const stage = fix.report!.stages.find((s) => s.step === 'fix')!;
    expect(stage.detail).toContain(`changed ${PKG}/data/conf.yaml.example, ${PKG}/style.py`);
    expect(stage.detail).toContain('models skipped: no config_models/ folder');
    expect(repo.git('diff', '--stat')).toMatch(/conf\.yaml\.example[\s\S]*style\.py/);
    const validate = aic(['validate', '--repo', repo.path, '--integration', 'awesome', '--json'], repo.path);
    expect(validate.status).toBe(0);
  });
});
