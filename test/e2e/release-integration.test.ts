import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GitHubApiDouble } from '../doubles/github-api/server.js';
import { actionDir, bareRepo, GitRepo, removeRunnerScratch, runAction } from '../harness/index.js';

// The bundled release-integration action, run like the runner runs it: tags go to a REAL local bare git
// remote; the GitHub API is a DOUBLE (test/doubles/github-api) that checks each request against GitHub's
// OpenAPI description from @octokit/openapi and records it.
const action = actionDir('release-integration');
const ABOUT = 'awesome/datadog_checks/awesome/__about__.py';
const CHANGELOG = 'awesome/CHANGELOG.md';
const WHEEL = 'datadog_awesome-1.2.0-py3-none-any.whl';

let github: GitHubApiDouble;
beforeAll(async () => {
  github = await new GitHubApiDouble().start();
});
afterAll(async () => {
  await github.stop();
  removeRunnerScratch();
});

interface Released {
  repo: GitRepo;
  bare: string;
  before: string;
}

const git = (cwd: string, ...args: string[]): string => new GitRepo(cwd).git(...args);

/** A partner repository pushed to a bare remote, then a merge that bumps awesome to 1.2.0 (with or without its entry). */
function bumpedOnMain(options: { entry?: boolean; wheel?: boolean } = {}): Released {
  const repo = GitRepo.withExample();
  const bare = bareRepo();
  repo.git('remote', 'add', 'origin', bare);
  repo.git('push', '-q', 'origin', 'main');
  const before = repo.head();
  repo.write(ABOUT, "__version__ = '1.2.0'\n");
  if (options.entry !== false) {
    repo.edit(
      CHANGELOG,
      '## 1.1.0',
      '## 1.2.0 / 2026-11-24\n\n***Fixed***:\n\n* Retry the search once on a timeout.\n\n## 1.1.0',
    );
  }
  repo.commitAll('Release awesome 1.2.0');
  repo.git('push', '-q', 'origin', 'main');
  if (options.wheel !== false) {
    mkdirSync(path.join(repo.path, 'dist'), { recursive: true });
    writeFileSync(path.join(repo.path, 'dist', WHEEL), Buffer.alloc(2048, 7));
  }
  return { repo, bare, before };
}

function release({ repo, before }: Released, inputs: Record<string, string> = {}) {
  return runAction({
    actionDir: action,
    workspace: repo.path,
    eventName: 'push',
    event: { before, after: repo.head() },
    inputs: { 'github-token': 'ghs_test', ...inputs },
    env: { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'partner/integrations' },
  });
}

const callsSince = (start: number) =>
  github.calls.slice(start).map((call) => `${call.method} ${call.operationId} ${call.status}`);

describe('release-integration', () => {
  test('tags, pushes, creates the release with the changelog entry and attaches the wheel; a rerun changes nothing', async () => {
    const state = bumpedOnMain();
    const start = github.calls.length;

    const run = await release(state);

    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs.tags!)).toEqual(['awesome-1.2.0']);
    // The tag is annotated, on the merge commit, on the real remote.
    expect(git(state.bare, 'cat-file', '-t', 'refs/tags/awesome-1.2.0')).toBe('tag');
    expect(git(state.bare, 'rev-parse', 'refs/tags/awesome-1.2.0^{commit}')).toBe(state.repo.head());
    expect(callsSince(start)).toEqual([
      'GET repos/get-release-by-tag 404',
      'POST repos/create-release 201',
      'POST repos/upload-release-asset 201',
    ]);
    const created = github.calls[start + 1]!.body as { tag_name: string; name: string; body: string };
    expect(created).toMatchObject({ tag_name: 'awesome-1.2.0', name: 'awesome 1.2.0' });
    expect(created.body).toBe('***Fixed***:\n\n* Retry the search once on a timeout.');
    expect(github.calls[start + 2]).toMatchObject({ query: { name: WHEEL }, body: 2048 });
    expect(JSON.parse(run.outputs.releases!)).toEqual([
      expect.objectContaining({
        tag: 'awesome-1.2.0',
        url: 'https://github.com/partner/integrations/releases/tag/awesome-1.2.0',
        assets: [WHEEL],
      }),
    ]);

    const again = await release(state);
    expect(again.exitCode).toBe(0);
    expect(callsSince(start + 3)).toEqual(['GET repos/get-release-by-tag 200']);
    expect(again.stdout).toContain(`${WHEEL} was already attached.`);
    expect(github.problems).toEqual([]);
  });

  test('a rerun after a failure resumes: the tag already on the remote is kept, the release is created', async () => {
    const state = bumpedOnMain();
    state.repo.git('tag', '--annotate', '--message', 'awesome 1.2.0', 'awesome-1.2.0');
    state.repo.git('push', '-q', 'origin', 'refs/tags/awesome-1.2.0');
    const start = github.calls.length;

    const run = await release(state, { repository: 'partner/resumed' });

    expect(run.exitCode).toBe(0);
    expect(run.stdout).not.toContain('Pushed awesome-1.2.0');
    expect(callsSince(start)).toEqual([
      'GET repos/get-release-by-tag 404',
      'POST repos/create-release 201',
      'POST repos/upload-release-asset 201',
    ]);
    expect(github.problems).toEqual([]);
  });

  test('a release that already has a different wheel of the same name is a clear error', async () => {
    const state = bumpedOnMain();
    github.seedRelease('partner', 'conflict', 'awesome-1.2.0', [
      { name: WHEEL, size: 10, sha256: '0'.repeat(64), content_type: 'application/octet-stream' },
    ]);

    const run = await release(state, { repository: 'partner/conflict' });

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      `The release awesome-1.2.0 already has ${WHEEL} with a different size (10 bytes, this build 2048).`,
    );
  });

  test('a tag already on another commit is a clear error, and nothing is pushed or released', async () => {
    const state = bumpedOnMain();
    git(state.bare, 'tag', 'awesome-1.2.0', state.before);
    const start = github.calls.length;

    const run = await release(state);

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      `The tag awesome-1.2.0 already exists on the remote 'origin' on commit ${state.before.slice(0, 12)}`,
    );
    expect(github.calls.length).toBe(start);
    expect(git(state.bare, 'rev-parse', 'refs/tags/awesome-1.2.0^{commit}')).toBe(state.before);
  });

  test('a missing changelog entry is a clear error on the changelog before anything is tagged', async () => {
    const state = bumpedOnMain({ entry: false });
    const start = github.calls.length;

    const run = await release(state);

    expect(run.exitCode).toBe(1);
    expect(run.annotations).toEqual([
      expect.objectContaining({
        level: 'error',
        file: CHANGELOG,
        line: 1,
        message: expect.stringContaining('has no entry for version 1.2.0'),
      }),
    ]);
    expect(state.repo.git('tag', '--list')).toBe('');
    expect(git(state.bare, 'tag', '--list')).toBe('');
    expect(github.calls.length).toBe(start);
  });

  test('dry-run prints the plan and changes nothing', async () => {
    const state = bumpedOnMain();
    const start = github.calls.length;

    const run = await release(state, { 'dry-run': 'true', 'github-token': '' });

    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(
      `[dry run] awesome 1.2.0: create the annotated tag awesome-1.2.0 on ${state.repo.head().slice(0, 12)} and push it to origin; GitHub release awesome-1.2.0 with the changelog entry; attach ${WHEEL}.`,
    );
    expect(run.summary).toContain('would be released');
    expect(state.repo.git('tag', '--list')).toBe('');
    expect(git(state.bare, 'tag', '--list')).toBe('');
    expect(github.calls.length).toBe(start);
  });

  test('a push that does not raise the version releases nothing', async () => {
    const state = bumpedOnMain();
    const run = await release({ ...state, before: state.repo.head() }, { integrations: 'awesome' });
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs.skipped!)).toEqual([
      { integration: 'awesome', reason: 'version 1.2.0 did not go up (was 1.2.0)' },
    ]);
    expect(run.outputs.tags).toBe('[]');
  });

  test.each([
    [{ 'tag-format': '<integration>' }, 'Input \'tag-format\': "<integration>" has no <version> placeholder'],
    [{ 'tag-format': '<integration> <version>' }, 'Input \'tag-format\': "awesome 1.2.0" is not a valid git tag name.'],
    [{ wheels: 'nowhere' }, "Input 'wheels': the folder"],
    [{ remote: '--upload-pack=x' }, 'Input \'remote\': "--upload-pack=x" is not a git remote name.'],
  ])('bad input %j is one clear error line', async (inputs, message) => {
    const run = await release(bumpedOnMain(), inputs);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(message);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });
});
