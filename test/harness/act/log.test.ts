import { expect, test } from '@jest/globals';
import { parseActLog } from './log.js';

// act's --json log lines (as act 0.2.89 writes them) read back into jobs: results, steps, outputs, summaries.
const line = (fields: Record<string, unknown>) =>
  JSON.stringify({ dryrun: false, level: 'info', matrix: {}, ...fields });
const log = [
  line({ job: 'pr/ci', jobID: 'ci', msg: 'LocalRepositoryCache matched https://github.com/org/agent-integration-ci' }),
  line({ job: 'ci/integration-ci/plan', jobID: 'plan', msg: '⭐ Run Set up job', stepid: ['--setup-job'] }),
  line({
    job: 'ci/integration-ci/plan',
    jobID: 'plan',
    stepID: ['plan'],
    stage: 'Main',
    step: 'org/agent-integration-ci/actions/plan@v1',
    command: 'set-output',
    name: 'integrations',
    arg: '["awesome"]',
    msg: '  ⚙  ::set-output:: integrations=["awesome"]',
  }),
  line({
    job: 'ci/integration-ci/plan',
    jobID: 'plan',
    stepID: ['plan'],
    stage: 'Main',
    command: 'summary',
    content: '## Plan\n',
    msg: '  ⚙  Summary - ## Plan',
  }),
  line({
    job: 'ci/integration-ci/plan',
    jobID: 'plan',
    stepID: ['plan'],
    stage: 'Main',
    command: 'warning',
    arg: 'Dated 2026-11-28, not today',
    kvPairs: { file: 'awesome/CHANGELOG.md', line: '3', title: 'release notes: entry-date' },
    msg: '  🚧  ::warning …',
  }),
  line({
    job: 'ci/integration-ci/plan',
    jobID: 'plan',
    stepID: ['plan'],
    stage: 'Main',
    step: 'org/agent-integration-ci/actions/plan@v1',
    stepResult: 'success',
    executionTime: 432775902,
    msg: '  ✅  Success - Main org/agent-integration-ci/actions/plan@v1 [432.775902ms]',
  }),
  line({
    job: 'one.yml/integration',
    jobID: 'integration',
    stepID: ['ci', '1'],
    stage: 'Post',
    step: 'org/agent-integration-ci@v1',
    stepResult: 'success',
    executionTime: 4e9,
    msg: '  ✅  Success - Post Set up ddev [4.368927835s]',
  }),
  line({ job: 'ci/integration-ci/plan', jobID: 'plan', jobResult: 'success', msg: '🏁  Job succeeded' }),
  line({
    job: 'ci/integration-ci/awesome  ',
    jobID: 'integration',
    matrix: { integration: 'awesome' },
    jobResult: 'failure',
    msg: '🏁  Job failed',
  }),
  "Error: Job 'awesome' failed",
].join('\n');

test('jobs, their results, steps (a composite step by its own name), outputs, summary and annotations', () => {
  const jobs = parseActLog(log);
  expect(jobs.map((job) => [job.label, job.id, job.result])).toEqual([
    ['pr/ci', 'ci', undefined],
    ['ci/integration-ci/plan', 'plan', 'success'],
    ['one.yml/integration', 'integration', undefined],
    ['ci/integration-ci/awesome', 'integration', 'failure'],
  ]);
  const plan = jobs[1]!;
  expect(plan.outputs).toEqual({ plan: { integrations: '["awesome"]' } });
  expect(plan.summary).toBe('## Plan\n');
  expect(plan.annotations).toEqual([
    {
      level: 'warning',
      message: 'Dated 2026-11-28, not today',
      file: 'awesome/CHANGELOG.md',
      line: 3,
      title: 'release notes: entry-date',
    },
  ]);
  expect(plan.steps).toEqual([
    {
      id: 'plan',
      name: 'org/agent-integration-ci/actions/plan@v1',
      stage: 'Main',
      result: 'success',
      seconds: 0.432775902,
    },
  ]);
  expect(jobs[2]!.steps).toEqual([{ id: 'ci/1', name: 'Set up ddev', stage: 'Post', result: 'success', seconds: 4 }]);
  expect(jobs[3]!.matrix).toEqual({ integration: 'awesome' });
});
