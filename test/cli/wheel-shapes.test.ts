import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ddevEnvironment, GitRepo, pythonTools, repoRoot } from '../harness/index.js';

// `aic wheel` on the wheel shapes of test/fixtures/integrations, with a small Agent package set from PyPI
// given as a file (--agent-requirements). Real uv, real hatchling; no doubles.
const cli = path.join(repoRoot, 'packages', 'cli', 'bin', 'aic.js');
const tools = pythonTools();

interface Report {
  ok: boolean;
  stages: {
    step: string;
    status: string;
    detail: string;
    annotations: { level: string; message: string; file?: string }[];
  }[];
}

function wheel(fixture: string): Report {
  const repo = GitRepo.create();
  cpSync(path.join(repoRoot, 'test', 'fixtures', 'integrations', fixture), path.join(repo.path, fixture), {
    recursive: true,
  });
  repo.commitAll(`Add ${fixture}`);
  const set = path.join(repo.path, 'agent-set.txt');
  writeFileSync(set, 'datadog-checks-base[deps]==38.5.0\npsutil==7.0.0\n');
  const run = spawnSync(
    process.execPath,
    [
      cli,
      'wheel',
      '-i',
      fixture,
      '--repo',
      repo.path,
      '--builder',
      'uv',
      '--agent-requirements',
      set,
      '--python',
      tools.python,
      '--json',
    ],
    { cwd: repo.path, env: { ...ddevEnvironment(repo.path), CI: 'true' }, encoding: 'utf8', timeout: 900_000 },
  );
  return JSON.parse(run.stdout || '{"ok":false,"stages":[]}') as Report;
}

describe('aic wheel on the shapes real checks have', () => {
  test('a universal py2.py3 wheel (no requires-python) importing psutil, which the Agent ships: passes', () => {
    const report = wheel('universal');
    expect(report.stages.find((stage) => stage.step === 'wheel')).toMatchObject({ status: 'passed' });
    expect(report.stages.find((stage) => stage.step === 'wheel')?.detail).toContain('py2.py3-none-any.whl');
  });

  test('a check class the package does not export: fails, annotated on __init__.py', () => {
    const stage = wheel('not_exported').stages.find((item) => item.step === 'wheel');
    expect(stage?.status).toBe('failed');
    expect(stage?.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        file: 'not_exported/datadog_checks/not_exported/__init__.py',
        message: expect.stringContaining('does not export it'),
      }),
    );
  });
});
