import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { OwnRepo, PartnerRepo, tracked, type WorkflowRun } from '../../harness/act/index.js';
import { describeAct, readmeSnippet, readShipped, startSuite, stopSuite, type Suite } from '../suite.js';

// OUR release (.github/workflows/self-release.yml, not the partners' starter) under act, on a copy of this
// checkout pushed to a local bare remote with its version tag: the tag checked, the GitHub release created on the
// API DOUBLE (checked against @octokit/openapi), the version tag and `v1` moved onto the release commit (the root
// action's own references pinned to the tagged commit); re-running the publishing job changes nothing; and a partner who pins the
// release runs the tagged commit's code in every nested step. The event carries `"act": true`, which skips the
// `.ci/run` job (the CI that runs this suite is that job); GitHub's push payloads never carry it (see
// test/maintenance/self-release-workflow.test.ts). Not in CI: the check job's npm ci and check-dist take minutes.

let suite: Suite | undefined;
let repo: OwnRepo;
let tag: string;
let payload: Record<string, unknown>;
let source: string;
let released: string;
beforeAll(async () => {
  suite = await startSuite();
});
afterAll(() => stopSuite(suite));

const env = () => ({ ...suite!.env, GITHUB_REPOSITORY: 'org/agent-integration-ci' });

function selfRelease(
  runAttempt: number,
  name: string,
  workflow = '.github/workflows/self-release.yml',
): Promise<WorkflowRun> {
  return suite!.sandbox.run({
    repo: repo.path,
    workflow,
    event: 'push',
    payload,
    env: env(),
    runId: 401,
    runAttempt,
    timeoutMs: 1_200_000,
    name,
  });
}

const results = (run: WorkflowRun) => ['check', 'test', 'publish'].map((job) => [job, run.result(job)]);
const ours = () => suite!.github.releases.filter((release) => release.repo === 'agent-integration-ci');

describeAct('our own release (self-release.yml) under act', () => {
  test('a version tag pushed: checked, the GitHub release made from CHANGELOG.md, the tags on the release commit', async () => {
    repo = OwnRepo.fromCheckout();
    tag = `v${repo.newestVersion()}`;
    source = repo.head();
    payload = repo.pushTag(tag, { act: true });
    const run = await selfRelease(1, 'self-release');
    process.stderr.write(`self-release, tag pushed: ${run.seconds.toFixed(0)}s\n`);
    expect([...results(run), ['exit', run.exitCode]]).toEqual([
      ['check', 'success'],
      ['test', 'skipped'],
      ['publish', 'success'],
      ['exit', 0],
    ]);
    expect(run.jobsOf('test')).toEqual([]);
    const check = run.jobsOf('check')[0]!.messages.join('\n');
    expect(check).toContain('dist/ is up to date with the sources.');
    expect(check).toMatch(/CHANGELOG\.md: version \d+\.\d+\.\d+, 0 errors, 0 warnings/);
    expect(check).toContain(`${tag} (${source.slice(0, 12)}, on main): CHANGELOG.md entry`);

    // The tag and v1 name the release commit: the tagged commit with our references in action.yml pinned to it.
    released = repo.remoteTag(tag)!;
    expect(released).not.toBe(source);
    expect(repo.remoteGit('rev-parse', `${released}^`)).toBe(source);
    expect(repo.remoteTag('v1')).toBe(released);
    expect(repo.remoteGit('diff', '--name-only', source, released)).toBe('action.yml');
    const action = repo.remoteGit('show', `${released}:action.yml`);
    const refs = [...action.matchAll(/^\s*(?:-\s+)?uses: (org\/agent-integration-ci[\w./-]*)@(\S+)$/gm)];
    expect(refs.length).toBeGreaterThanOrEqual(8);
    expect(refs.filter(([, , ref]) => ref !== source).map(([line]) => line)).toEqual([]);

    const release = ours();
    expect(release.map((item) => [item.tag_name, item.name, item.prerelease])).toEqual([
      [tag, `agent-integration-ci ${tag}`, false],
    ]);
    const entry = repo.read('CHANGELOG.md').split(/^## /m)[1]!;
    expect(release[0]!.body).toContain(
      entry
        .split('\n')
        .find((line) => line.startsWith('- '))!
        .slice(2),
    );
    expect(suite!.github.problems).toEqual([]);
    expect(run.jobsOf('publish')[0]!.summary).toContain(`## Released ${tag}`);
  });

  test('re-running the publishing job (GitHub: "Re-run failed jobs") changes nothing', async () => {
    expect(released).toBeDefined();
    // The shipped publish job alone, as a re-run of it runs: its needs passed the first time.
    const workflow = parse(readShipped('.github/workflows/self-release.yml')) as {
      jobs: Record<string, Record<string, unknown>>;
    };
    const publish = workflow.jobs.publish!;
    delete publish.needs;
    delete publish.if;
    workflow.jobs = { publish };
    const folder = tracked(mkdtempSync(path.join(os.tmpdir(), 'aic-rerun-')));
    writeFileSync(path.join(folder, 'self-release.yml'), stringify(workflow, { lineWidth: 0 }));
    const calls = suite!.github.calls.length;
    const run = await selfRelease(2, 'self-release-rerun', path.join(folder, 'self-release.yml'));
    process.stderr.write(`self-release, publish re-run: ${run.seconds.toFixed(0)}s\n`);
    expect([run.result('publish'), run.exitCode]).toEqual(['success', 0]);
    const messages = run.jobsOf('publish')[0]!.messages.join('\n');
    expect(messages).toContain(`${tag} is already on its release commit ${released.slice(0, 12)}`);
    expect(messages).toContain('Kept the release');
    expect(messages).toContain(`v1 is already on ${released.slice(0, 12)}`);
    expect([repo.remoteTag(tag), repo.remoteTag('v1')]).toEqual([released, released]);
    expect(ours()).toHaveLength(1);
    expect(suite!.github.calls.slice(calls).map((call) => `${call.method} ${call.operationId} ${call.status}`)).toEqual(
      ['GET repos/get-release-by-tag 200'],
    );
    expect(suite!.github.problems).toEqual([]);
  });

  test('a partner pinning the release runs the tagged code in every nested step: no `@v1` is left to resolve', async () => {
    expect(released).toBeDefined();
    // The README's one-step workflow at the release tag; offline, act resolves our refs only as mapped here.
    const workflow = parse(readmeSnippet('uses: org/agent-integration-ci@v1')) as {
      jobs: Record<string, { steps: Record<string, unknown>[] }>;
    };
    const step = Object.values(workflow.jobs)[0]!.steps.find((item) => item.uses === 'org/agent-integration-ci@v1')!;
    step.uses = `org/agent-integration-ci@${tag}`;
    const partner = PartnerRepo.withWorkflows({ 'ci.yml': stringify(workflow, { lineWidth: 0 }) });
    partner.branch('notes');
    partner.write('NOTES.md', '# Notes\n');
    partner.commitAll('notes');
    const run = await suite!.sandbox.run({
      repo: partner.path,
      workflow: '.github/workflows/ci.yml',
      event: 'pull_request',
      payload: partner.pullRequest(),
      env: suite!.env,
      ownRefs: { [tag]: repo.stage(released), [source]: repo.stage(source) },
      name: 'self-release-pinned-partner',
    });
    process.stderr.write(`self-release, a partner on ${tag}: ${run.seconds.toFixed(0)}s\n`);
    expect([run.result('integration'), run.exitCode]).toEqual(['success', 0]);
    // act reads every step's action.yml of the composite (run or skipped): each one at the tagged commit.
    const read = [
      ...run.log.matchAll(
        /LocalRepositoryCache read cachedir org\/agent-integration-ci with ref (\S+) and subpath '([^']*)'/g,
      ),
    ].map(([, ref, subpath]) => `${subpath || '.'}@${ref === source ? 'source' : ref}`);
    const nested = readdirSync(path.join(repo.path, 'actions')).map((name) => `actions/${name}/action.yml@source`);
    expect(new Set(read)).toEqual(new Set([`.@${tag}`, `action.yml@${tag}`, '.@source', ...nested]));
  });
});
