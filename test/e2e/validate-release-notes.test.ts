import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extrasCorpus, NO_CORPUS } from '@aic/release-notes/testing';
import { actionDir, GitRepo, removeRunnerScratch, runAction, shallowClone } from '../harness/index.js';

// The bundled validate-release-notes action, run like the runner runs it, on real git repositories.
const action = actionDir('validate-release-notes');
const TODAY = '2026-11-24';
const ABOUT = 'awesome/datadog_checks/awesome/__about__.py';
const CHANGELOG = 'awesome/CHANGELOG.md';
const CHECK = 'awesome/datadog_checks/awesome/check.py';

afterAll(removeRunnerScratch);

function pullRequest(repo: GitRepo, base: string, inputs: Record<string, string> = {}) {
  return runAction({
    actionDir: action,
    workspace: repo.path,
    eventName: 'pull_request',
    event: { pull_request: { base: { sha: base } } },
    inputs: { today: TODAY, integrations: 'awesome', ...inputs },
  });
}

/** What a partner does to release: bump __about__ and the README's install command. */
function bump(repo: GitRepo, version: string): void {
  repo.write(ABOUT, `__version__ = '${version}'\n`);
  repo.edit('awesome/README.md', /1\.1\.0/g, version);
}

const newEntry = (version: string, section = 'Added') =>
  `# CHANGELOG - Awesome\n\n## ${version} / ${TODAY}\n\n***${section}***:\n\n* Something new.\n`;

describe('pull requests (mode pr, the bump gate)', () => {
  test('a functional change without a bump is an error on the __about__ line, naming the files', async () => {
    const repo = GitRepo.withExample();
    const base = repo.head();
    repo.edit(CHECK, "SERVICE_CHECK = 'search'", "SERVICE_CHECK = 'search'  # tuned");
    repo.commitAll('Tune the check');

    const run = await pullRequest(repo, base);

    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({
      'bump-required': 'true',
      'bump-kind': 'none',
      version: '1.1.0',
      'previous-version': '1.1.0',
    });
    const error = run.annotations.find((a) => a.title === 'release notes: bump-required');
    expect(error).toMatchObject({ level: 'error', file: ABOUT, line: 1 });
    expect(error?.message).toContain('awesome/datadog_checks/awesome/check.py');
    expect(run.summary).toContain('A version bump is required');
  });

  test('a minor bump with a canonical entry passes and gives the notes', async () => {
    const repo = GitRepo.withExample();
    const base = repo.head();
    repo.edit(CHECK, "SERVICE_CHECK = 'search'", "SERVICE_CHECK = 'search'  # tuned");
    bump(repo, '1.2.0');
    repo.edit(CHANGELOG, '# CHANGELOG - Awesome\n', newEntry('1.2.0'));
    repo.commitAll('Release 1.2.0');

    const run = await pullRequest(repo, base);

    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      version: '1.2.0',
      'previous-version': '1.1.0',
      'bump-required': 'true',
      'bump-kind': 'minor',
      notes: '***Added***:\n\n* Something new.',
      errors: '0',
    });
    expect(run.summary).toContain('Version 1.1.0 → 1.2.0 (minor bump), required by functional changes.');
  });

  test('docs and images only: no bump required', async () => {
    const repo = GitRepo.withExample();
    const base = repo.head();
    repo.edit('awesome/README.md', '## Overview', '## Overview\n\nNow with more words.');
    repo.commitAll('Docs');

    const run = await pullRequest(repo, base);

    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ 'bump-required': 'false', 'bump-kind': 'none' });
    expect(run.summary).toContain('no bump required');
  });

  test.each([
    [
      'no entry for the new version',
      (repo: GitRepo) => repo.write(ABOUT, "__version__ = '1.1.1'\n"),
      'entry-missing',
      CHANGELOG,
      1,
    ],
    [
      'a non-canonical label in the new entry',
      (repo: GitRepo) => {
        bump(repo, '1.2.0');
        repo.edit(CHANGELOG, '# CHANGELOG - Awesome\n', newEntry('1.2.0').replace('***Added***:', '_**Added**_:'));
      },
      'entry-label',
      CHANGELOG,
      5,
    ],
    [
      'a version that went down',
      (repo: GitRepo) => repo.write(ABOUT, "__version__ = '1.0.9'\n"),
      'version-went-down',
      ABOUT,
      1,
    ],
    [
      'a stale pin of the previous version in the README',
      (repo: GitRepo) => {
        repo.write(ABOUT, "__version__ = '1.1.1'\n");
        repo.edit(CHANGELOG, '# CHANGELOG - Awesome\n', newEntry('1.1.1', 'Fixed'));
      },
      'stale-version-reference',
      'awesome/README.md',
      18,
    ],
  ])('%s is an error on its line', async (_name, change, rule, file, line) => {
    const repo = GitRepo.withExample();
    const base = repo.head();
    change(repo);
    repo.commitAll('Change');

    const run = await pullRequest(repo, base);

    expect(run.exitCode).toBe(1);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', title: `release notes: ${rule}`, file, line }),
    );
  });

  test('Added with only a patch bump is a warning, not an error', async () => {
    const repo = GitRepo.withExample();
    const base = repo.head();
    bump(repo, '1.1.1');
    repo.edit(CHANGELOG, '# CHANGELOG - Awesome\n', newEntry('1.1.1', 'Added'));
    repo.commitAll('Patch');

    const run = await pullRequest(repo, base);

    expect(run.exitCode).toBe(0);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ level: 'warning', title: 'release notes: bump-kind', file: CHANGELOG, line: 5 }),
    );
  });

  test('an entry dated days before today is a warning on its heading', async () => {
    const repo = GitRepo.withExample();
    const base = repo.head();
    bump(repo, '1.2.0');
    repo.edit(CHANGELOG, '# CHANGELOG - Awesome\n', newEntry('1.2.0').replace(TODAY, '2026-11-01'));
    repo.commitAll('Release with an old date');

    const run = await pullRequest(repo, base);

    expect(run.exitCode).toBe(0);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ level: 'warning', title: 'release notes: entry-date', file: CHANGELOG, line: 3 }),
    );
  });

  test('a shallow clone fetches the base it needs from origin', async () => {
    const origin = GitRepo.withExample();
    const base = origin.head();
    bump(origin, '1.2.0');
    origin.edit(CHANGELOG, '# CHANGELOG - Awesome\n', newEntry('1.2.0'));
    origin.commitAll('Release 1.2.0');
    origin.git('config', 'uploadpack.allowAnySHA1InWant', 'true');
    const run = await pullRequest(new GitRepo(shallowClone(origin.path).path), base);

    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ version: '1.2.0', 'previous-version': '1.1.0' });
  });
});

describe('bad input', () => {
  test('a base that does not exist', async () => {
    const repo = GitRepo.withExample();
    const run = await pullRequest(repo, 'f'.repeat(40));
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]?.message).toMatch(/^Input 'base-ref': the commit "f{40}" is not in the checkout/);
  });

  test('a shallow clone without the base and no way to fetch it says which fetch-depth to set', async () => {
    const origin = GitRepo.withExample();
    const base = origin.head();
    origin.edit(CHECK, "SERVICE_CHECK = 'search'", "SERVICE_CHECK = 'search'  # x");
    origin.commitAll('Change');
    const clone = shallowClone(origin.path);
    clone.git('remote', 'remove', 'origin');

    const run = await pullRequest(new GitRepo(clone.path), base);

    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]?.message).toContain('set `fetch-depth: 0` on actions/checkout');
  });

  test.each([
    [
      'a missing changelog',
      (repo: GitRepo) => repo.git('rm', '-q', CHANGELOG),
      'The changelog awesome/CHANGELOG.md does not exist.',
    ],
    [
      'a binary changelog',
      (repo: GitRepo) => writeFileSync(path.join(repo.path, CHANGELOG), Buffer.from([0x89, 0x50, 0, 1])),
      'The changelog awesome/CHANGELOG.md is binary, not text.',
    ],
  ])('%s', async (_name, change, message) => {
    const repo = GitRepo.withExample();
    const base = repo.head();
    change(repo);
    const run = await pullRequest(repo, base);
    expect(run.exitCode).toBe(1);
    expect(run.annotations).toEqual([expect.objectContaining({ level: 'error', message, file: CHANGELOG })]);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });

  test.each([
    [{ mode: 'strict' }, `Input 'mode': "strict" is not one of 'auto', 'pr', 'lint'.`],
    [{ today: '24/11/2026' }, `Input 'today': "24/11/2026" is not a date in the form YYYY-MM-DD.`],
    [{ integrations: '../etc' }, `Input 'integrations': "../etc" is a path, not an integration name.`],
  ])('%j', async (inputs, message) => {
    const run = await runAction({ actionDir: action, inputs });
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]?.message).toContain(message);
  });
});

const corpus = extrasCorpus();
if (!corpus) process.stderr.write(`${NO_CORPUS}\n`);
const realChangelog = (name: string) => corpus!.changelogs.find((changelog) => changelog.name === name)!.file;

describe('lint mode with only a changelog: no integration, no git', () => {
  (corpus ? test.each : test.skip.each)(['purefa', 'cloudsmith', 'uptycs', 'aqua'])(
    'the real %s changelog gives no error',
    async (name) => {
      const workspace = mkdtempSync(path.join(os.tmpdir(), 'aic-lint-'));
      writeFileSync(path.join(workspace, 'CHANGELOG.md'), readFileSync(realChangelog(name), 'utf8'));
      const run = await runAction({
        actionDir: action,
        workspace,
        inputs: { changelog: 'CHANGELOG.md', mode: 'lint', today: TODAY },
      });
      expect(run.exitCode).toBe(0);
      expect(run.outputs.errors).toBe('0');
      expect(run.annotations.every((a) => a.level === 'warning' && a.file === 'CHANGELOG.md')).toBe(true);
    },
  );

  test('a broken history is reported with file and line', async () => {
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'aic-lint-'));
    writeFileSync(path.join(workspace, 'CHANGELOG.md'), '# CHANGELOG\n\n## 1.0.0 / 2024-02-30\n\n* x\n');
    const run = await runAction({
      actionDir: action,
      workspace,
      inputs: { changelog: 'CHANGELOG.md', mode: 'lint', today: TODAY },
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        file: 'CHANGELOG.md',
        line: 3,
        message: 'Date 2024-02-30 is not a calendar date.',
      }),
    );
  });
});
