import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { parse, stringify } from 'yaml';
import { PartnerRepo } from '../../harness/act/index.js';
import { describeAct, readmeSnippet, startSuite, stopSuite, type Suite } from '../suite.js';

// The root composite action (`uses: org/agent-integration-ci@v1`) in the README's own workflow, under act, on a
// partner repository. Doubles: the artifact shim in front of act's artifact server (nektos/act#6114); nothing
// else — act's cache server is the actions cache, ddev and the tools are real.

/** The README's one-step workflow, with an id on our step and one step after it that reads its outputs. */
function oneStepWorkflow(): string {
  const workflow = parse(readmeSnippet('uses: org/agent-integration-ci@v1')) as {
    jobs: Record<string, { steps: Record<string, unknown>[] }>;
  };
  const job = Object.values(workflow.jobs)[0]!;
  const ours = job.steps.find((step) => step.uses === 'org/agent-integration-ci@v1')!;
  ours.id = 'ci';
  job.steps.push({
    id: 'outputs',
    if: 'always()',
    env: { OUTPUTS: '${{ toJSON(steps.ci.outputs) }}' },
    run: 'node -e \'const o = JSON.parse(process.env.OUTPUTS); for (const [k, v] of Object.entries(o)) require("fs").appendFileSync(process.env.GITHUB_OUTPUT, k + "=" + v + "\\n")\'',
  });
  return stringify(workflow, { lineWidth: 0 });
}

let suite: Suite | undefined;
beforeAll(async () => {
  suite = await startSuite();
});
afterAll(() => stopSuite(suite));

describeAct('the one-line action (README workflow) under act', () => {
  test('a pull request with its version bump passes: ddev saved to the actions cache, wheels uploaded', async () => {
    const repo = PartnerRepo.withWorkflows({ 'ci.yml': oneStepWorkflow() });
    repo.branch('timeout');
    repo.changeCheck();
    repo.bump('1.2.0');
    repo.commitAll('awesome: time the search out');
    const run = await suite!.sandbox.run({
      repo: repo.path,
      workflow: '.github/workflows/ci.yml',
      event: 'pull_request',
      payload: repo.pullRequest(),
      env: suite!.env,
      runId: 101,
      name: 'one-line-pr-with-bump',
    });
    process.stderr.write(`one-line action, PR with bump: ${run.seconds.toFixed(0)}s\n`);
    expect([run.result('integration'), run.exitCode]).toEqual(['success', 0]);
    const job = run.jobsOf('integration')[0]!;
    const outputs = job.outputs.outputs!;
    expect([outputs.integrations, outputs.tags]).toEqual(['["awesome"]', '[]']);
    expect((JSON.parse(outputs.wheels!) as { filename: string }[]).map((wheel) => wheel.filename)).toEqual([
      'datadog_awesome-1.2.0-py3-none-any.whl',
    ]);
    // setup-ddev installed ddev and its post step saved it to the actions cache (a `run:` step has no post).
    expect(job.messages.join('\n')).toMatch(
      /Saved ddev to the actions cache under agent-integration-ci-ddev-Linux-X64-uv-py3\.13\.\d+-ddev20\.1\.0\./,
    );
    const posts = job.steps
      .filter((step) => step.stage === 'Post' && step.result === 'success')
      .map((step) => step.name);
    expect(posts).toEqual(expect.arrayContaining(['Set up ddev', 'Integration tests', 'Build the wheel']));
    // build-wheel uploaded the wheel as the `wheels` artifact (through the shim: act needed both rewrites).
    expect(job.messages.join('\n')).toContain("Uploaded 1 wheel(s) as the artifact 'wheels'.");
    expect(suite!.sandbox.artifactNames(101)).toEqual(['wheels']);
    for (const heading of [
      '## Plan',
      '## ddev',
      '## Scaffold check',
      '## Release notes',
      '## Datadog validations',
      '## Wheels',
    ])
      expect(job.summary).toContain(heading);
    expect(run.artifactRewrites.length).toBeGreaterThan(0);
  });

  test('a pull request without its bump fails with a clear message, before the slow checks; a new runner restores ddev from the actions cache', async () => {
    const repo = PartnerRepo.withWorkflows({ 'ci.yml': oneStepWorkflow() });
    repo.branch('no-bump');
    repo.changeCheck();
    repo.commitAll('awesome: time the search out');
    const run = await suite!.sandbox.run({
      repo: repo.path,
      workflow: '.github/workflows/ci.yml',
      event: 'pull_request',
      payload: repo.pullRequest(),
      env: suite!.env,
      runner: 'fresh',
      name: 'one-line-pr-without-bump',
    });
    process.stderr.write(`one-line action, PR without bump: ${run.seconds.toFixed(0)}s\n`);
    expect([run.result('integration'), run.exitCode === 0]).toEqual(['failure', false]);
    const job = run.jobsOf('integration')[0]!;
    const errors = job.annotations.filter((annotation) => annotation.level === 'error');
    expect(errors[0]).toEqual(
      expect.objectContaining({
        file: 'awesome/datadog_checks/awesome/__about__.py',
        title: 'release notes: bump-required',
        message: expect.stringContaining('Functional changes need a version bump: __version__ is still 1.1.0'),
      }),
    );
    const main = (name: string) => job.steps.find((step) => step.stage === 'Main' && step.name === name)?.result;
    expect([main('Release notes'), main('Datadog validations'), main('Build the wheel')]).toEqual([
      'failure',
      undefined,
      undefined,
    ]);
    // The actions cache service outlives the runner: ddev saved by the first scenario is restored, not reinstalled.
    const ddev = Object.entries(job.outputs).find(([, outputs]) => 'ddev-version' in outputs)?.[1];
    expect(ddev?.['cache-hit']).toBe('actions-cache');
  });
});
