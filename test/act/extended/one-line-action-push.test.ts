import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { stringify } from 'yaml';
import { PartnerRepo } from '../../harness/act/index.js';
import { describeAct, startSuite, stopSuite, type Suite } from '../suite.js';

// The root composite action on a push to main with `release: true`, in a repository with two integrations of
// which the push changes one: only that one is checked, built and released (one selection, from the plan).
// Doubles: the GitHub API double (checked against @octokit/openapi) and the artifact shim. Not in CI.

const workflow = stringify({
  on: { push: { branches: ['main'] } },
  permissions: { contents: 'write' },
  jobs: {
    integration: {
      'runs-on': 'ubuntu-24.04',
      steps: [
        {
          uses: 'actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8',
          with: { 'fetch-depth': 0, 'persist-credentials': false },
        },
        { uses: 'actions/setup-python@e797f83bcb11b83ae66e0230d6156d7c80228e7c', with: { 'python-version': '3.13' } },
        { id: 'ci', uses: 'org/agent-integration-ci@v1', with: { release: true } },
        {
          id: 'outputs',
          if: 'always()',
          env: { TAGS: '${{ steps.ci.outputs.tags }}', INTEGRATIONS: '${{ steps.ci.outputs.integrations }}' },
          run: 'echo "tags=$TAGS" >> "$GITHUB_OUTPUT"; echo "integrations=$INTEGRATIONS" >> "$GITHUB_OUTPUT"',
        },
      ],
    },
  },
});

let suite: Suite | undefined;
beforeAll(async () => {
  suite = await startSuite();
});
afterAll(() => stopSuite(suite));

describeAct('the one-line action on a push', () => {
  test('checks, builds and releases only the integration the push changed', async () => {
    const repo = PartnerRepo.withWorkflows({ 'ci.yml': workflow }, { extraIntegration: true });
    repo.branch('bump');
    repo.changeCheck();
    repo.bump('1.2.0');
    repo.commitAll('awesome 1.2.0');
    const run = await suite!.sandbox.run({
      repo: repo.path,
      workflow: '.github/workflows/ci.yml',
      event: 'push',
      payload: repo.mergeAndPush(),
      env: suite!.env,
      name: 'one-line-push-release',
    });
    process.stderr.write(`one-line action, push with release: ${run.seconds.toFixed(0)}s\n`);
    expect([run.result('integration'), run.exitCode]).toEqual(['success', 0]);
    const job = run.jobsOf('integration')[0]!;
    expect(job.outputs.outputs).toEqual({ tags: '["awesome-1.2.0"]', integrations: '["awesome"]' });
    // Every step worked on the plan's one selection: `unmarked` (no changelog, no manifest) was never looked at.
    const lists = Object.values(job.outputs).flatMap((outputs) =>
      ['checked', 'validated', 'integrations'].flatMap((name) => (outputs[name] ? [outputs[name]] : [])),
    );
    expect(lists.length).toBeGreaterThanOrEqual(3);
    for (const list of lists) expect(list).toBe('["awesome"]');
    expect(job.messages.join('\n')).not.toContain('unmarked');
    expect(repo.remoteTags()).toEqual(['awesome-1.2.0']);
    expect(
      suite!.github.releases.map((release) => [release.tag_name, release.assets.map((asset) => asset.name)]),
    ).toEqual([['awesome-1.2.0', ['datadog_awesome-1.2.0-py3-none-any.whl']]]);
    expect(suite!.github.problems).toEqual([]);
  });
});
