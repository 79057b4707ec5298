import { expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './harness/index.js';

// scripts/pin-own-refs.mjs on a copy of the files we ship: what a release commit changes, and only that.
const SHA = 'a'.repeat(40);
const pin = (root: string, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'pin-own-refs.mjs'), '--root', root, ...args], {
    encoding: 'utf8',
  });
const shipped = ['action.yml', '.github/workflows/integration-ci.yml', '.github/workflows/integration-release.yml'];

test('every own reference of the shipped files names the release source commit; no other line changes', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'aic-pin-'));
  cpSync(path.join(repoRoot, 'action.yml'), path.join(root, 'action.yml'));
  cpSync(path.join(repoRoot, '.github'), path.join(root, '.github'), { recursive: true });
  expect(pin(root, '--check', SHA).status).toBe(1);
  const result = pin(root, SHA);
  expect(result.status).toBe(0);
  for (const file of shipped) {
    const before = readFileSync(path.join(repoRoot, file), 'utf8').split('\n');
    const after = readFileSync(path.join(root, file), 'utf8').split('\n');
    expect(after.length).toBe(before.length);
    const changed = before.flatMap((line, index) => (line === after[index] ? [] : [[line, after[index]]]));
    expect(changed.length).toBeGreaterThan(0);
    for (const [from, to] of changed) {
      expect(from).toMatch(/uses: org\/agent-integration-ci(\/[\w./-]+)?@v1$/);
      expect(to).toBe(from!.replace(/@v1$/, `@${SHA}`));
    }
  }
  expect(pin(root, '--check', SHA).status).toBe(0);
});

test('a SHA that is not a full commit id is refused', () => {
  expect(pin(repoRoot, 'v1').stderr).toContain('give the full 40-character SHA');
});
