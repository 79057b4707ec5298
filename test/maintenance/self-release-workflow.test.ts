import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import { truthy } from '@actions/expressions/result';
import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { resolve } from '../doubles/github-api/openapi.js';
import { repoRoot } from '../harness/index.js';

// The shape promises of .github/workflows/self-release.yml (its logic is tested in self-release.test.ts; the
// workflow itself runs under act in the act suite: test/act/extended/self-release.test.ts).
interface Step {
  uses?: string;
  run?: string;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  steps: Step[];
}
const workflow = parse(readFileSync(path.join(repoRoot, '.github/workflows/self-release.yml'), 'utf8')) as {
  on: { push: { tags: string[]; branches?: unknown } };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};

test('runs on version tags only, with no permission unless a job asks', () => {
  expect(workflow.on).toEqual({ push: { tags: ['v[0-9]+.[0-9]+.[0-9]+', 'v[0-9]+.[0-9]+.[0-9]+-*'] } });
  expect(workflow.permissions).toEqual({});
});

test('checks, then the whole CI, then publishes; only the publishing job may write', () => {
  expect(workflow.jobs.test?.needs).toBe('check');
  expect(workflow.jobs.publish?.needs).toEqual(['check', 'test']);
  expect(workflow.jobs.check?.permissions).toEqual({ contents: 'read' });
  expect(workflow.jobs.test?.permissions).toEqual({ contents: 'read' });
  expect(workflow.jobs.publish?.permissions).toEqual({ contents: 'write' });
  expect(workflow.jobs.test?.steps.map((step) => step.run).filter(Boolean)).toEqual(['bash .ci/run']);
  const check = workflow.jobs.check!.steps.map((step) => step.run ?? '').join('\n');
  expect(check).toContain('npm run check-dist');
  expect(check).toContain('scripts/maintenance/validate-own-changelog.ts --expect-version');
  expect(check).toContain('scripts/maintenance/release/main.ts check');
});

test('under act (an event with "act": true) the long test job may be skipped; on GitHub publish needs it green', () => {
  expect(workflow.jobs.test?.if).toBe('${{ !github.event.act }}');
  expect(workflow.jobs.publish?.if).toBe(
    "${{ !cancelled() && needs.check.result == 'success' && (needs.test.result == 'success' || (github.event.act && needs.test.result == 'skipped')) }}",
  );
  // What act runs with only actions/checkout available offline: check and publish use no other action.
  for (const name of ['check', 'publish']) {
    expect(workflow.jobs[name]!.steps.filter((step) => step.uses).map((step) => step.uses!.split('@')[0])).toEqual([
      'actions/checkout',
    ]);
  }
});

test('the write token reaches our script only, in a job with no third-party action but checkout', () => {
  const publish = workflow.jobs.publish!;
  expect(publish.steps.filter((step) => step.uses).map((step) => step.uses!.split('@')[0])).toEqual([
    'actions/checkout',
  ]);
  const withToken = publish.steps.filter((step) => JSON.stringify(step.env ?? {}).includes('github.token'));
  expect(withToken.map((step) => step.run)).toEqual(['npx tsx scripts/maintenance/release/main.ts publish']);
  expect(publish.steps.find((step) => step.run?.startsWith('npm ci'))?.run).toContain('--ignore-scripts');
  for (const job of Object.values(workflow.jobs)) {
    const checkout = job.steps.find((step) => step.uses?.startsWith('actions/checkout@')) as {
      with?: Record<string, unknown>;
    };
    expect(checkout.with?.['persist-credentials']).toBe(false);
  }
});

/** A job's `if:` evaluated by GitHub's own expression evaluator (@actions/expressions), no job cancelled. */
function evaluateIf(condition: string, contexts: Record<string, unknown>): boolean {
  const text = condition.replace(/^\$\{\{([\s\S]*)\}\}$/, '$1').trim();
  const status = (value: boolean) => ({ minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(value) });
  const functions = new Map([
    ['cancelled', { name: 'cancelled', ...status(false) }],
    ['always', { name: 'always', ...status(true) }],
  ]);
  const expression = new Parser(new Lexer(text).lex().tokens, Object.keys(contexts), [...functions.values()]).parse();
  const context = JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary;
  return truthy(new Evaluator(expression, context, functions).evaluate());
}

test('GitHub never takes the act path: its push payload has no `act`, so publish runs only after the whole CI passed', () => {
  // The one trigger is `push`, whose payload GitHub writes; its schema (GitHub's OpenAPI description, x-webhooks)
  // has no `act` at the top level, the only place the workflow reads it.
  expect(Object.keys(workflow.on)).toEqual(['push']);
  const schema = resolve<{ properties: Record<string, unknown> }>({ $ref: '#/components/schemas/webhook-push' });
  expect(Object.keys(schema.properties)).toContain('ref');
  expect(Object.keys(schema.properties)).not.toContain('act');
  const text = readFileSync(path.join(repoRoot, '.github/workflows/self-release.yml'), 'utf8');
  const reads = Object.entries(workflow.jobs).filter(([, job]) => job.if?.includes('github.event.act'));
  expect(reads.map(([name]) => name)).toEqual(['test', 'publish']);
  expect(
    text.split('\n').filter((line) => line.includes('github.event.act') && !line.trim().startsWith('#')),
  ).toHaveLength(2);

  const github = { event: { ref: 'refs/tags/v1.2.3', created: true, deleted: false, forced: false } };
  const act = { event: { ...github.event, act: true } };
  const publishes = (event: typeof github, check: string, test: string) =>
    evaluateIf(workflow.jobs.publish!.if!, {
      github: event,
      needs: { check: { result: check, outputs: {} }, test: { result: test, outputs: {} } },
    });
  expect(evaluateIf(workflow.jobs.test!.if!, { github })).toBe(true);
  expect(evaluateIf(workflow.jobs.test!.if!, { github: act })).toBe(false);
  const results = ['success', 'failure', 'skipped', 'cancelled'];
  const on = (event: typeof github) =>
    results.flatMap((check) =>
      results.filter((test) => publishes(event, check, test)).map((test) => `${check}/${test}`),
    );
  expect(on(github)).toEqual(['success/success']);
  expect(on(act)).toEqual(['success/success', 'success/skipped']);
});
