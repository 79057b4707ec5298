import { afterAll, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { detectChanges } from './index.js';

// A real git repository in a temp dir: a pull request that changes an integration and adds 25,000 files
// with long names — a diff of ~5.5 MB, more than the 4 MiB tail runProcess used to keep. The plan then saw
// only the junk at the end of the diff and planned nothing (count=0, the matrix skipped, ci-ok green).
const dir = mkdtempSync(path.join(os.tmpdir(), 'aic-large-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function git(...args: string[]): string {
  const result = spawnSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

test('a diff larger than 4 MiB still plans the integration it changes', async () => {
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'p@example.com');
  git('config', 'user.name', 'P');
  write('awesome/hatch.toml', '[env.collectors.datadog-checks]\n');
  write('awesome/pyproject.toml', '[project]\nname = "datadog-awesome"\n');
  write('awesome/datadog_checks/awesome/__about__.py', "__version__ = '1.0.0'\n");
  write('awesome/datadog_checks/awesome/check.py', 'x = 1\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'initial');
  const base = git('rev-parse', 'HEAD');

  write('awesome/datadog_checks/awesome/check.py', 'x = 2\n');
  const long = 'j'.repeat(200);
  for (let index = 0; index < 25_000; index++) write(`zz-junk/${long}-${index}`, '');
  git('add', '-A');
  git('commit', '-q', '-m', 'change awesome, add junk');

  const changes = await detectChanges({ repoPath: dir, baseRef: base });
  expect(changes.changedFiles).toBe(25_001);
  expect(changes.integrations.map((change) => change.name)).toEqual(['awesome']);
}, 180_000);
