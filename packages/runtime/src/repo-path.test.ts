import { afterAll, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { custom, readInputs } from './inputs.js';
import { resolveRepoPath } from './repo-path.js';

const workspace = mkdtempSync(path.join(os.tmpdir(), 'aic-repo-path-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

test('repo-path resolves inside the workspace, and must be a folder (a missing one checked nothing and passed)', () => {
  mkdirSync(path.join(workspace, 'checkout'));
  writeFileSync(path.join(workspace, 'file'), '');
  expect(resolveRepoPath(workspace, 'checkout')).toBe(path.join(workspace, 'checkout'));
  expect(resolveRepoPath(workspace, '.')).toBe(workspace);
  expect(() => resolveRepoPath(workspace, 'missing')).toThrow(
    /^Input 'repo-path': "missing" is not a folder \(resolved to /,
  );
  expect(() => resolveRepoPath(workspace, 'file')).toThrow(/is not a folder/);
});

test('a problem never echoes a long input whole', () => {
  const long = 'x'.repeat(10_000);
  const read = () =>
    readInputs({ today: custom((raw) => ({ problem: `${JSON.stringify(raw)} is not a date.` })) }, () => long);
  expect(read).toThrow(/^Input 'today': "x{200,}\.\.\.$/);
  expect(() => read()).toThrow(expect.objectContaining({ message: expect.stringMatching(/^.{1,320}$/s) }));
});
