import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { PartnerRepo } from '../../harness/act/index.js';
import { describeAct, observed, readShipped, startSuite, stopSuite, withObserver, type Suite } from '../suite.js';

// workflows/release.yml as shipped (the checks, then the release workflow: its read-only wheels job, then the
// release with `contents: write`), under act, on a push to main that bumps awesome. Doubles: the GitHub API double (releases, checked against @octokit/openapi)
// and the artifact shim in front of act's artifact server; the tag goes to a real bare remote.

const TAG = 'awesome-1.2.0';
const WHEEL = 'datadog_awesome-1.2.0-py3-none-any.whl';
const RUN_ID = 201;

let suite: Suite | undefined;
let repo: PartnerRepo;
beforeAll(async () => {
  suite = await startSuite();
});
afterAll(() => stopSuite(suite));

describeAct('the release starter (integration-ci, then integration-release) under act', () => {
  let built: { sha256: string } | undefined;
  let pushed: Record<string, unknown>;

  test('a push that bumps a version: every check passes, the tag is pushed, the release gets the entry and the wheel', async () => {
    repo = PartnerRepo.withWorkflows({ 'release.yml': withObserver(readShipped('workflows/release.yml')) });
    repo.branch('timeout');
    repo.changeCheck();
    repo.bump('1.2.0');
    repo.commitAll('awesome 1.2.0: time the search out');
    pushed = repo.mergeAndPush();
    const run = await suite!.sandbox.run({
      repo: repo.path,
      workflow: '.github/workflows/release.yml',
      event: 'push',
      payload: pushed,
      env: suite!.env,
      runId: RUN_ID,
      name: 'release-starter-push',
    });
    process.stderr.write(`release starter, push with bump: ${run.seconds.toFixed(0)}s\n`);
    const results = ['plan', 'integration', 'wheels', 'ci-ok'].map((id) => [id, run.result(id, 'ci')]);
    const released = ['wheels', 'release'].map((id) => [`release ${id}`, run.result(id, 'release')]);
    expect([...results, ...released, ['exit', run.exitCode]]).toEqual([
      ['plan', 'success'],
      ['integration', 'success'],
      ['wheels', 'success'],
      ['ci-ok', 'success'],
      ['release wheels', 'success'],
      ['release release', 'success'],
      ['exit', 0],
    ]);
    // What the jobs handed on: the checks' outputs reached the release workflow, and its tags came back.
    const needs = observed(run);
    expect(needs).toEqual({
      ci: { result: 'success', outputs: { integrations: '["awesome"]', wheels: `["${WHEEL}"]` } },
      release: { result: 'success', outputs: { tags: `["${TAG}"]` } },
    });
    expect(repo.remoteTags()).toEqual([TAG]);
    const leg = run.jobsOf('integration', 'ci')[0]!;
    built = (
      JSON.parse(Object.values(leg.outputs).find((outputs) => outputs.wheels)!.wheels!) as { sha256: string }[]
    )[0];
    // The release attaches the wheel its own wheels job built, by the sha256 that job's output carried (issue 15:
    // hashes from a job output, never from an artifact), downloaded from that job's artifact only.
    const rebuilt = (
      JSON.parse(run.jobsOf('wheels', 'release')[0]!.outputs.wheel!.wheels!) as { filename: string; sha256: string }[]
    ).map((wheel) => [wheel.filename, wheel.sha256]);
    expect(rebuilt).toEqual([[WHEEL, expect.stringMatching(/^[0-9a-f]{64}$/)]]);
    expect(suite!.sandbox.artifactNames(RUN_ID)).toEqual(['release-wheels', 'wheels-awesome']);
    const release = suite!.github.releases.find((item) => item.tag_name === TAG);
    expect(release?.body).toContain('* Time the search out after 10 seconds.');
    expect(release?.assets.map((asset) => [asset.name, asset.sha256])).toEqual(rebuilt);
    // The build is reproducible: the checks' wheel and the release's are the same bytes.
    expect(rebuilt[0]![1]).toBe(built!.sha256);
    expect(suite!.github.problems).toEqual([]);
    // The summaries a partner reads: the plan's table in its job, the release's in the release job.
    expect(run.jobsOf('plan', 'ci')[0]!.summary).toContain('| awesome | functional |');
    expect(run.jobsOf('release', 'release')[0]!.summary).toContain(TAG);
  });

  test('re-running the release job (same run, same inputs) changes nothing', async () => {
    expect(built).toBeDefined();
    const calls = suite!.github.calls.length;
    // GitHub re-runs a job with the outputs its needs had the first time: the same inputs, given here.
    const rerun = {
      name: 'release',
      on: { push: { branches: ['main'] } },
      permissions: {},
      jobs: {
        release: {
          uses: 'org/agent-integration-ci/.github/workflows/integration-release.yml@v1',
          permissions: { contents: 'write' },
          with: { integrations: '["awesome"]', wheels: `["${WHEEL}"]` },
        },
      },
    };
    const folder = mkdtempSync(path.join(os.tmpdir(), 'aic-rerun-'));
    const file = path.join(folder, 'rerun.yml');
    writeFileSync(file, stringify(rerun));
    const run = await suite!.sandbox.run({
      repo: repo.path,
      workflow: file,
      event: 'push',
      payload: pushed,
      env: suite!.env,
      runId: RUN_ID,
      runAttempt: 2,
      name: 'release-rerun',
    });
    rmSync(folder, { recursive: true, force: true });
    process.stderr.write(`release re-run: ${run.seconds.toFixed(0)}s\n`);
    expect([run.result('wheels', 'release'), run.result('release', 'release'), run.exitCode]).toEqual([
      'success',
      'success',
      0,
    ]);
    expect(repo.remoteTags()).toEqual([TAG]);
    const release = suite!.github.releases.filter((item) => item.tag_name === TAG);
    expect(release.map((item) => item.assets.map((asset) => asset.name))).toEqual([[WHEEL]]);
    expect(suite!.github.calls.slice(calls).map((call) => `${call.method} ${call.operationId} ${call.status}`)).toEqual(
      ['GET repos/get-release-by-tag 200'],
    );
    expect(suite!.github.problems).toEqual([]);
  });
});
