import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { PartnerRepo } from '../../harness/act/index.js';
import { describeAct, observed, readShipped, startSuite, stopSuite, withObserver, type Suite } from '../suite.js';

// Every starter workflow as shipped (plus an observer job that reads what the jobs hand on), under act, on a
// partner repository. Doubles: the GitHub API double (releases, checked against @octokit/openapi) and the artifact
// shim in front of act's artifact server. Not in CI (`npm run act-suite` runs them): see the README.

const WHEEL = 'datadog_awesome-1.2.0-py3-none-any.whl';

let suite: Suite | undefined;
beforeAll(async () => {
  suite = await startSuite();
});
afterAll(() => stopSuite(suite));

function repoWith(starter: string): PartnerRepo {
  return PartnerRepo.withWorkflows(
    { [starter]: withObserver(readShipped(`workflows/${starter}`)) },
    { marketplace: starter.startsWith('marketplace') },
  );
}

async function pullRequest(starter: string, change: (repo: PartnerRepo) => void, name: string) {
  const repo = repoWith(starter);
  repo.branch('change');
  change(repo);
  repo.commitAll('a change');
  const run = await suite!.sandbox.run({
    repo: repo.path,
    workflow: `.github/workflows/${starter}`,
    event: 'pull_request',
    payload: repo.pullRequest(),
    env: suite!.env,
    name,
  });
  process.stderr.write(`${name}: ${run.seconds.toFixed(0)}s\n`);
  return run;
}

const bumped = (repo: PartnerRepo) => {
  repo.changeCheck();
  repo.bump('1.2.0');
};

describeAct('the starter workflows under act', () => {
  test.each([['pr.yml'], ['marketplace-pr.yml']])('%s: a pull request with its bump passes ci-ok', async (starter) => {
    const run = await pullRequest(starter, bumped, `${starter}-with-bump`);
    expect(['plan', 'integration', 'wheels', 'ci-ok'].map((id) => run.result(id, 'ci'))).toEqual([
      'success',
      'success',
      'success',
      'success',
    ]);
    expect(observed(run).ci).toEqual({
      result: 'success',
      outputs: { integrations: '["awesome"]', wheels: `["${WHEEL}"]` },
    });
    expect(run.jobsOf('release')).toEqual([]);
  });

  test('pr.yml: a pull request without its bump fails ci-ok, and says why', async () => {
    const run = await pullRequest('pr.yml', (repo) => repo.changeCheck(), 'pr.yml-without-bump');
    expect(['plan', 'integration', 'wheels', 'ci-ok'].map((id) => run.result(id, 'ci'))).toEqual([
      'success',
      'failure',
      'success',
      'failure',
    ]);
    const leg = run.jobsOf('integration', 'ci')[0]!;
    expect(leg.annotations.filter((annotation) => annotation.level === 'error')[0]?.message).toContain(
      'Functional changes need a version bump',
    );
    expect(run.exitCode).not.toBe(0);
  });

  test('pr.yml: a docs-only pull request checks the docs and builds nothing', async () => {
    const run = await pullRequest(
      'pr.yml',
      (repo) => repo.edit('awesome/README.md', '## Overview', '## Overview\n\nIt searches one page.'),
      'pr.yml-docs-only',
    );
    expect(['plan', 'integration', 'wheels', 'ci-ok'].map((id) => run.result(id, 'ci'))).toEqual([
      'success',
      'success',
      'success',
      'success',
    ]);
    const leg = run.jobsOf('integration', 'ci')[0]!;
    expect(leg.matrix['docs-only']).toBe(true);
    const ran = leg.steps.filter((step) => step.stage === 'Main').map((step) => step.name);
    expect(ran.some((name) => name.includes('run-integration-tests') || name.includes('build-wheel'))).toBe(false);
    expect(observed(run).ci!.outputs).toEqual({ integrations: '["awesome"]', wheels: '[]' });
  });

  test('pr.yml: a pull request that touches no integration checks nothing and passes', async () => {
    const run = await pullRequest('pr.yml', (repo) => repo.write('NOTES.md', '# Notes\n'), 'pr.yml-unrelated');
    expect(['plan', 'integration', 'wheels', 'ci-ok'].map((id) => run.result(id, 'ci'))).toEqual([
      'success',
      'skipped',
      'success',
      'success',
    ]);
    expect(observed(run).ci!.outputs).toEqual({ integrations: '[]', wheels: '[]' });
    expect(run.jobsOf('plan', 'ci')[0]!.summary).toContain('No integration changed.');
  });

  test.each([['release.yml'], ['marketplace-release.yml']])(
    '%s: a push with a bump releases; the whole workflow run again on that push changes nothing',
    async (starter) => {
      const repo = repoWith(starter);
      repo.branch('bump');
      bumped(repo);
      repo.commitAll('awesome 1.2.0');
      const payload = repo.mergeAndPush();
      const runId = starter === 'release.yml' ? 301 : 302;
      // Each starter releases into a repository of its own on the API double.
      const env = { ...suite!.env, GITHUB_REPOSITORY: `partner/${starter.replace('.yml', '')}` };
      const first = await suite!.sandbox.run({
        repo: repo.path,
        workflow: `.github/workflows/${starter}`,
        event: 'push',
        payload,
        env,
        runId,
        name: `${starter}-push`,
      });
      process.stderr.write(`${starter}-push: ${first.seconds.toFixed(0)}s\n`);
      expect([first.result('ci-ok', 'ci'), first.result('release', 'release')]).toEqual(['success', 'success']);
      expect(observed(first).release!.outputs).toEqual({ tags: '["awesome-1.2.0"]' });
      expect(repo.remoteTags()).toEqual(['awesome-1.2.0']);

      const calls = suite!.github.calls.length;
      const again = await suite!.sandbox.run({
        repo: repo.path,
        workflow: `.github/workflows/${starter}`,
        event: 'push',
        payload,
        env,
        runId: runId + 10,
        name: `${starter}-push-again`,
      });
      process.stderr.write(`${starter}-push-again: ${again.seconds.toFixed(0)}s\n`);
      expect([again.result('ci-ok', 'ci'), again.result('release', 'release')]).toEqual(['success', 'success']);
      expect(repo.remoteTags()).toEqual(['awesome-1.2.0']);
      const calledNow = suite!.github.calls
        .slice(calls)
        .map((call) => `${call.method} ${call.operationId} ${call.status}`);
      expect(calledNow).toEqual(['GET repos/get-release-by-tag 200']);
      expect(suite!.github.problems).toEqual([]);
    },
  );
});
