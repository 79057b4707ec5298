import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GitHubApiDouble } from '../doubles/github-api/server.js';
import { GitRepo, repoRoot } from '../harness/index.js';

// The self-release script (scripts/maintenance/release/main.ts, what .github/workflows/self-release.yml runs) on
// a REAL git repository in a temp dir with a REAL local bare remote; the GitHub API is the DOUBLE in
// test/doubles/github-api (every request checked against GitHub's OpenAPI description).
const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
const script = path.join(repoRoot, 'scripts', 'maintenance', 'release', 'main.ts');
const REPOSITORY = 'org/agent-integration-ci';

let github: GitHubApiDouble;
beforeAll(async () => {
  github = await new GitHubApiDouble().start();
});
afterAll(() => github.stop());

const ACTION_YML = 'runs:\n  using: composite\n  steps:\n    - uses: org/agent-integration-ci/actions/plan@v1\n';
const WORKFLOW_YML =
  'on: workflow_call\njobs:\n  plan:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: org/agent-integration-ci/actions/plan@v1 # ours\n';

const entry = (version: string, date: string, bullet: string) =>
  `## ${version} / ${date}\n\n***Added***:\n\n* ${bullet}\n\n`;

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', ['-C', cwd, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

/** Our repository with CHANGELOG.md at 1.0.0 and files that ship with our own references, pushed with v1.0.0. */
function ourRepository() {
  const repo = GitRepo.create('aic-self-');
  const bare = mkdtempSync(path.join(os.tmpdir(), 'aic-self-remote-'));
  git(bare, 'init', '-q', '--bare', '-b', 'main');
  repo.git('remote', 'add', 'origin', bare);
  repo.write(
    'CHANGELOG.md',
    `# CHANGELOG - agent-integration-ci\n\n${entry('1.0.0', '2026-11-02', 'Initial release.')}`,
  );
  repo.write('action.yml', ACTION_YML);
  mkdirSync(path.join(repo.path, '.github', 'workflows'), { recursive: true });
  repo.write('.github/workflows/integration-ci.yml', WORKFLOW_YML);
  repo.commitAll('Release 1.0.0');
  repo.git('tag', 'v1.0.0');
  repo.git('push', '-q', 'origin', 'main', 'v1.0.0');
  return { repo, bare };
}

/** A new CHANGELOG entry on main, committed, tagged and pushed, as a maintainer cuts a release. */
function cut(repo: GitRepo, version: string, options: { branch?: string } = {}) {
  const changelog = repo.read('CHANGELOG.md');
  const at = changelog.indexOf('## ');
  repo.write(
    'CHANGELOG.md',
    `${changelog.slice(0, at)}${entry(version.replace(/-.*/, ''), '2026-11-20', `Release ${version}.`)}${changelog.slice(at)}`,
  );
  repo.commitAll(`Release ${version}`);
  repo.git('tag', `v${version}`);
  repo.git('push', '-q', 'origin', options.branch ? `HEAD:refs/heads/${options.branch}` : 'main', `v${version}`);
  return repo.head();
}

/** Runs the script as the workflow step does. Asynchronously: the API double answers from this very process. */
async function selfRelease(repo: GitRepo, command: 'check' | 'publish', tag: string, env: Record<string, string> = {}) {
  const outputs = path.join(mkdtempSync(path.join(os.tmpdir(), 'aic-self-out-')), 'output');
  writeFileSync(outputs, '');
  const child = spawn(tsx, [script, command, '--repo-path', repo.path, '--today', '2026-12-01'], {
    cwd: repo.path,
    env: {
      ...process.env,
      GITHUB_REF: `refs/tags/${tag}`,
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_TOKEN: 'ghs_test',
      GITHUB_OUTPUT: outputs,
      ...env,
    },
    timeout: 120_000,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const status = await new Promise<number | null>((done) => child.on('close', done));
  return { status, stdout, stderr, output: readFileSync(outputs, 'utf8') };
}

const remoteTag = (bare: string, tag: string) =>
  git(bare, 'rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`);
/**
 * What a tag on the remote names: the release commit, made from its parent with the root action's own references
 * pinned to it — and nothing else changed (.github/workflows keeps `@v1`: GITHUB_TOKEN may not push workflows).
 */
function releasedFrom(bare: string, tag: string): string {
  const source = git(bare, 'rev-parse', `refs/tags/${tag}^{commit}^`);
  expect(git(bare, 'show', `refs/tags/${tag}:action.yml`)).toBe(ACTION_YML.replace('@v1', `@${source}`).trim());
  expect(git(bare, 'show', `refs/tags/${tag}:.github/workflows/integration-ci.yml`)).toBe(WORKFLOW_YML.trim());
  expect(git(bare, 'diff', '--name-only', source, `refs/tags/${tag}`)).toBe('action.yml');
  expect(git(bare, 'show', '-s', '--format=%an <%ae>', `refs/tags/${tag}^{commit}`)).toBe(
    'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>',
  );
  return source;
}
const releaseOf = (tag: string) =>
  github.releases.find((release) => release.repo === 'agent-integration-ci' && release.tag_name === tag);

describe('publishing a release of this repository', () => {
  test('v1.0.0 then v1.1.0: each tag moves to its release commit (our references pinned), gets a GitHub release with its CHANGELOG entry, and v1 follows', async () => {
    const { repo, bare } = ourRepository();
    const tagged = remoteTag(bare, 'v1.0.0');
    const first = await selfRelease(repo, 'publish', 'v1.0.0');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`Moved v1.0.0 from ${tagged.slice(0, 12)} to its release commit`);
    expect(first.stdout).toContain('Moved v1 to');
    expect(first.output).toContain('version=1.0.0\nmajor-tag=v1\nmoves-major-tag=true\nrelease-commit=');
    expect(releasedFrom(bare, 'v1.0.0')).toBe(tagged);
    expect(remoteTag(bare, 'v1')).toBe(remoteTag(bare, 'v1.0.0'));
    expect(releaseOf('v1.0.0')).toMatchObject({
      name: 'agent-integration-ci v1.0.0',
      body: '***Added***:\n\n* Initial release.',
      prerelease: false,
    });

    const commit = cut(repo, '1.1.0');
    const second = await selfRelease(repo, 'publish', 'v1.1.0');
    expect(second.status).toBe(0);
    expect(releasedFrom(bare, 'v1.1.0')).toBe(commit);
    expect(remoteTag(bare, 'v1')).toBe(remoteTag(bare, 'v1.1.0'));
    expect(releaseOf('v1.1.0')?.body).toBe('***Added***:\n\n* Release 1.1.0.');

    // A rerun (the job retried; this checkout's tag already names the release commit) changes nothing.
    const released = remoteTag(bare, 'v1.1.0');
    const calls = github.calls.length;
    const again = await selfRelease(repo, 'publish', 'v1.1.0');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`v1.1.0 is already on its release commit ${released.slice(0, 12)}`);
    expect(again.stdout).toContain('Kept the release');
    expect(again.stdout).toContain(`v1 is already on ${released.slice(0, 12)}`);
    expect([remoteTag(bare, 'v1.1.0'), remoteTag(bare, 'v1')]).toEqual([released, released]);
    expect(github.calls.slice(calls).map((call) => `${call.method} ${call.operationId} ${call.status}`)).toEqual([
      'GET repos/get-release-by-tag 200',
    ]);
    expect(github.problems).toEqual([]);
  });

  test('a patch of an older minor and a pre-release are released, and v1 stays on the newest stable release', async () => {
    const { repo, bare } = ourRepository();
    expect((await selfRelease(repo, 'publish', 'v1.0.0')).status).toBe(0);
    cut(repo, '1.1.0');
    expect((await selfRelease(repo, 'publish', 'v1.1.0')).status).toBe(0);
    const newest = remoteTag(bare, 'v1.1.0');

    cut(repo, '1.2.0-rc.1');
    const rc = await selfRelease(repo, 'publish', 'v1.2.0-rc.1');
    expect(rc.status).toBe(0);
    expect(rc.stdout).toContain('v1 not moved: v1.2.0-rc.1 is a pre-release');
    expect(releaseOf('v1.2.0-rc.1')).toMatchObject({ prerelease: true });
    expect(remoteTag(bare, 'v1')).toBe(newest);

    // A patch branch starts from the source of v1.0.0 (the release commit's parent).
    repo.git('checkout', '-q', '-b', 'release-1.0', 'v1.0.0^');
    const patchSource = cut(repo, '1.0.1', { branch: 'release-1.0' });
    const patch = await selfRelease(repo, 'publish', 'v1.0.1', { AIC_RELEASE_BRANCH: 'release-1.0' });
    expect(patch.status).toBe(0);
    expect(patch.stdout).toContain('v1 not moved: v1.1.0 is newer than v1.0.1');
    expect(releaseOf('v1.0.1')).toBeDefined();
    expect(releasedFrom(bare, 'v1.0.1')).toBe(patchSource);
    expect(remoteTag(bare, 'v1')).toBe(newest);
    expect(github.problems).toEqual([]);
  });
});

describe('refusals: one clear line, and nothing released or moved', () => {
  test.each([
    [
      'a tag that is not a release tag',
      (repo: GitRepo) => (repo.git('tag', 'nightly'), 'nightly'),
      '--tag: "nightly" is not a release tag',
    ],
    [
      'a tag whose version has no CHANGELOG entry',
      (repo: GitRepo) => (repo.git('tag', 'v1.1.0'), repo.git('push', '-q', 'origin', 'v1.1.0'), 'v1.1.0'),
      "CHANGELOG.md: v1.1.0 needs '## 1.1.0 / YYYY-MM-DD' as the newest entry (the newest is 1.0.0, line 3).",
    ],
    [
      'a tag on a commit that is not on main',
      (repo: GitRepo) => (
        repo.git('checkout', '-q', '-b', 'unreviewed'),
        cut(repo, '1.1.0', { branch: 'unreviewed' }),
        'v1.1.0'
      ),
      'is not on main: releases are cut from main only. Merge the change into main, then tag the merge commit.',
    ],
    [
      'a CHANGELOG with a finding',
      (repo: GitRepo) => {
        repo.edit('CHANGELOG.md', '***Added***:', '**Added**:');
        repo.commitAll('Break the label');
        return 'v1.0.0';
      },
      "CHANGELOG.md:5: warning: Section label '**Added**:' is not in the form '***Added***:'.",
    ],
    [
      'a version tag that someone moved on the remote',
      (repo: GitRepo) => {
        repo.git('checkout', '-q', '-b', 'elsewhere');
        repo.write('NOTES.md', 'Not reviewed.\n');
        repo.commitAll('Elsewhere');
        repo.git('push', '-q', '--force', 'origin', 'HEAD:refs/tags/v1.0.0');
        repo.git('checkout', '-q', 'main');
        return 'v1.0.0';
      },
      "The remote's v1.0.0 is on",
    ],
  ])('%s', async (_, arrange, message) => {
    const { repo, bare } = ourRepository();
    const tag = arrange(repo);
    const calls = github.calls.length;
    const run = await selfRelease(repo, 'publish', tag);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(github.calls.length).toBe(calls);
    expect(() => remoteTag(bare, 'v1')).toThrow();
  });

  test('publish without a token says what to pass; check needs none', async () => {
    const { repo } = ourRepository();
    expect((await selfRelease(repo, 'check', 'v1.0.0', { GITHUB_TOKEN: '' })).status).toBe(0);
    const run = await selfRelease(repo, 'publish', 'v1.0.0', { GITHUB_TOKEN: '' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('GITHUB_TOKEN is empty: creating the release needs a token.');
  });
});
