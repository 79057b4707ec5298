import { afterAll, expect, test } from '@jest/globals';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { actionDir, GitRepo, removeRunnerScratch, repoRoot, runAction } from '../harness/index.js';

// Every bundled action, run as the runner runs it, with a repo-path that is not there. Before, each selected no
// integration (or checked an empty folder) and passed: a typo in repo-path was a green check of nothing.
afterAll(() => removeRunnerScratch());

const actions = readdirSync(path.join(repoRoot, 'actions')).filter((name) => name !== 'node_modules');

test.each(actions)('%s: a missing repo-path is one clear error', async (name) => {
  const repo = GitRepo.withExample();
  const run = await runAction({
    actionDir: actionDir(name),
    workspace: repo.path,
    inputs: { 'repo-path': 'no-such-checkout', integrations: 'awesome', 'ddev-version': 'latest' },
  });
  expect(run.exitCode).toBe(1);
  expect(run.stdout).toContain(
    `Input 'repo-path': "no-such-checkout" is not a folder (resolved to ${path.join(repo.path, 'no-such-checkout')}).`,
  );
  expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
});
