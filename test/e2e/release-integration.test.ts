import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
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
  /** What the build job's `wheels` output said about dist/ (JSON), as the workflows pass it. */
  built: string;
}

/** The build-wheel `wheels` output for the files in dist/ now. */
function builtWheels(repo: GitRepo, names: readonly string[]): string {
  return JSON.stringify(
    names.map((filename) => ({
      integration: 'awesome',
      filename,
      version: '1.2.0',
      sha256: createHash('sha256')
        .update(readFileSync(path.join(repo.path, 'dist', filename)))
        .digest('hex'),
    })),
  );
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
  return { repo, bare, before, built: options.wheel === false ? '' : builtWheels(repo, [WHEEL]) };
}

function release({ repo, before, built }: Released, inputs: Record<string, string> = {}) {
  return runAction({
    actionDir: action,
    workspace: repo.path,
    eventName: 'push',
    event: { before, after: repo.head() },
    inputs: { 'github-token': 'ghs_test', 'wheel-hashes': built, ...inputs },
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
      `The release awesome-1.2.0 already has ${WHEEL} with a different sha256 (${'0'.repeat(64)}, this build `,
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

  test('a GitHub API that does not answer is one clear line, not an HTTP 500 with the hint run in', async () => {
    const state = bumpedOnMain();
    // A port nothing listens on: the one a server just gave back.
    const closed = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const run = await runAction({
      actionDir: action,
      workspace: state.repo.path,
      eventName: 'push',
      event: { before: state.before, after: state.repo.head() },
      inputs: { 'github-token': 'ghs_test', 'wheel-hashes': state.built },
      env: { GITHUB_API_URL: `http://127.0.0.1:${closed}`, GITHUB_REPOSITORY: 'partner/integrations' },
    });
    expect(run.exitCode).toBe(1);
    const errors = run.annotations.filter((annotation) => annotation.level === 'error').map((a) => a.message);
    expect(errors).toEqual([
      `GitHub API: reading the release awesome-1.2.0 failed: http://127.0.0.1:${closed} did not answer (connect ECONNREFUSED 127.0.0.1:${closed}). Check that the runner reaches the GitHub API (GITHUB_API_URL, proxy settings), then re-run the job.`,
    ]);
    expect(run.stdout).not.toContain('HTTP 500');
  });

  test('two integrations that the format gives one tag: refused in the plan, before either is tagged', async () => {
    // Before: the first was tagged, pushed and released; the second then failed at `git tag` (it existed).
    const state = bumpedOnMain();
    mkdirSync(path.join(state.repo.path, 'other/datadog_checks/other'), { recursive: true });
    state.repo.write('other/pyproject.toml', '[project]\nname = "datadog-other"\n');
    state.repo.write('other/datadog_checks/other/__about__.py', "__version__ = '1.2.0'\n");
    state.repo.write(
      'other/CHANGELOG.md',
      '# CHANGELOG - other\n\n## 1.2.0 / 2026-11-24\n\n***Added***:\n\n* First.\n',
    );
    state.repo.commitAll('Add other at 1.2.0');
    state.repo.git('push', '-q', 'origin', 'main');
    const start = github.calls.length;

    const run = await release(state, { 'tag-format': 'v<version>', integrations: 'awesome,other', wheels: '' });

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("Input 'tag-format': other 1.2.0 and awesome 1.2.0 would both be tagged v1.2.0.");
    expect(git(state.bare, 'tag', '--list')).toBe('');
    expect(github.calls.length).toBe(start);
  });

  test("a hostile .git/config and hooks (the partner's tests ran in this checkout) neither run nor redirect the push", async () => {
    // Before: the pre-push and reference-transaction hooks ran, the signing program ran, and pushurl /
    // insteadOf sent the tag (and the token header) to another remote.
    const state = bumpedOnMain();
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'aic-hostile-'));
    const decoy = path.join(scratch, 'decoy.git');
    git(scratch, 'init', '-q', '--bare', decoy);
    const ran = path.join(scratch, 'ran');
    const script = (name: string) => {
      const file = path.join(scratch, name);
      writeFileSync(file, `#!/bin/sh\necho ${name} >> '${ran}'\n`, { mode: 0o755 });
      return file;
    };
    const hooks = path.join(scratch, 'hooks');
    mkdirSync(hooks);
    for (const hook of ['pre-push', 'reference-transaction', 'post-update', 'push-to-checkout'])
      writeFileSync(path.join(hooks, hook), `#!/bin/sh\necho ${hook} >> '${ran}'\n`, { mode: 0o755 });
    for (const hook of ['pre-push', 'reference-transaction'])
      writeFileSync(path.join(state.repo.path, '.git', 'hooks', hook), `#!/bin/sh\necho local-${hook} >> '${ran}'\n`, {
        mode: 0o755,
      });
    const config = (key: string, value: string) => state.repo.git('config', '--add', key, value);
    config('core.hooksPath', hooks);
    config('remote.origin.pushurl', decoy);
    config(`url.${decoy}.insteadOf`, state.bare);
    config(`url.${decoy}.pushInsteadOf`, state.bare);
    config('tag.gpgSign', 'true');
    config('gpg.program', script('gpg'));
    config('core.fsmonitor', script('fsmonitor'));
    config('core.sshCommand', script('ssh'));
    config('credential.helper', `!${script('credential')}`);

    const run = await release(state);

    if (run.exitCode !== 0) throw new Error(run.stdout);
    expect(existsSync(ran) ? readFileSync(ran, 'utf8') : '').toBe('');
    expect(git(state.bare, 'rev-parse', 'refs/tags/awesome-1.2.0^{commit}')).toBe(state.repo.head());
    expect(git(decoy, 'tag', '--list')).toBe('');
  });

  describe('only the wheels the build job reported are released (the sha256 it computed, passed as an output)', () => {
    // Before: every datadog_awesome-1.2.0-*.whl in the folder was attached, whoever had put it there.
    test.each([
      [
        'a wheel the build did not report (planted in the artifact)',
        (state: Released) =>
          writeFileSync(path.join(state.repo.path, 'dist', 'datadog_awesome-1.2.0-py2.py3-none-any.whl'), 'evil'),
        'datadog_awesome-1.2.0-py2.py3-none-any.whl is not one of the wheels the build job reported',
      ],
      [
        'the reported wheel with other bytes',
        (state: Released) => writeFileSync(path.join(state.repo.path, 'dist', WHEEL), Buffer.alloc(2048, 8)),
        `${WHEEL} has sha256 `,
      ],
    ])('%s: refused, nothing tagged, pushed or released', async (_what, tamper, message) => {
      const state = bumpedOnMain();
      tamper(state);
      const start = github.calls.length;

      const run = await release(state);

      expect(run.exitCode).toBe(1);
      expect(run.stdout).toContain(message);
      expect(state.repo.git('tag', '--list')).toBe('');
      expect(git(state.bare, 'tag', '--list')).toBe('');
      expect(github.calls.length).toBe(start);
    });

    test('without wheel-hashes a release with wheels is refused; a dry run still plans', async () => {
      const state = bumpedOnMain();
      const refused = await release(state, { 'wheel-hashes': '' });
      expect(refused.exitCode).toBe(1);
      expect(refused.stdout).toContain("Input 'wheel-hashes' is empty");
      expect(git(state.bare, 'tag', '--list')).toBe('');
      const dry = await release(state, { 'wheel-hashes': '', 'dry-run': 'true' });
      expect(dry.exitCode).toBe(0);
    });

    test.each([
      ['not JSON', "Input 'wheel-hashes': is not JSON"],
      ['[{"filename": "../x.whl", "sha256": "00"}]', "Input 'wheel-hashes': item 1 has no wheel file name"],
      [`[{"filename": "${WHEEL}", "sha256": "00"}]`, "Input 'wheel-hashes': item 1 (" + WHEEL + ') has no sha256'],
    ])('wheel-hashes %s is one clear error line', async (value, message) => {
      const run = await release(bumpedOnMain(), { 'wheel-hashes': value });
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toContain(message);
    });
  });

  test.each([
    [{ 'tag-format': '<integration>' }, 'Input \'tag-format\': "<integration>" has no <version> placeholder'],
    [{ 'tag-format': '<integration> <version>' }, 'Input \'tag-format\': "awesome 1.2.0" is not a valid git tag name'],
    // Before: these passed the plan and failed at `git tag`, once earlier integrations were already released.
    [{ 'tag-format': '<integration>.lock/<version>' }, "is not a valid git tag name: a part ends with '.lock'."],
    [{ 'tag-format': `<integration>-${'x'.repeat(300)}-<version>` }, 'a part is longer than 250 bytes'],
    [{ wheels: 'nowhere' }, "Input 'wheels': the folder"],
    [{ remote: '--upload-pack=x' }, 'Input \'remote\': "--upload-pack=x" is not a git remote name.'],
  ])('bad input %j is one clear error line', async (inputs, message) => {
    const state = bumpedOnMain();
    const run = await release(state, inputs);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(message);
    expect(state.repo.git('tag', '--list')).toBe('');
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });
});
