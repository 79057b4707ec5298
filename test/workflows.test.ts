import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './harness/index.js';

// Every workflow and action metadata file we ship, parsed with GitHub's own parser (@actions/workflow-parser),
// and every call of one of our actions checked against that action's action.yml.

const OWN = 'org/agent-integration-ci';
const rel = (file: string) => path.relative(repoRoot, file);
const yamlIn = (dir: string) =>
  readdirSync(path.join(repoRoot, dir))
    .filter((name) => name.endsWith('.yml'))
    .map((name) => path.join(repoRoot, dir, name));
const workflowFiles = [...yamlIn('.github/workflows'), ...yamlIn('workflows')];
const actionNames = readdirSync(path.join(repoRoot, 'actions')).filter((name) =>
  readdirSync(path.join(repoRoot, 'actions', name)).includes('action.yml'),
);
const actionFiles = [
  path.join(repoRoot, 'action.yml'),
  ...actionNames.map((name) => path.join(repoRoot, 'actions', name, 'action.yml')),
];

interface Input {
  required?: boolean;
  default?: unknown;
}
interface Metadata {
  inputs?: Record<string, Input>;
  runs: { using: string; steps?: Step[] };
}
interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

const read = (file: string) => readFileSync(file, 'utf8');
const metadataOf = (file: string) => parse(read(file)) as Metadata;

/** Our action a `uses:` names (full reference or local path), as its action.yml path. */
function ownAction(uses: string): string | undefined {
  const full = new RegExp(`^${OWN}(?:/actions/([\\w-]+))?@`).exec(uses);
  const local = /^\.\/(?:actions\/([\w-]+))?\/?$/.exec(uses);
  const match = full ?? local;
  if (!match) return undefined;
  return match[1] ? path.join(repoRoot, 'actions', match[1], 'action.yml') : path.join(repoRoot, 'action.yml');
}

function stepsOf(file: string): Step[] {
  const document = parse(read(file)) as { jobs?: Record<string, { steps?: Step[] }>; runs?: { steps?: Step[] } };
  return [...Object.values(document.jobs ?? {}).flatMap((job) => job.steps ?? []), ...(document.runs?.steps ?? [])];
}

describe('GitHub parses every file we ship without an error', () => {
  test.each(workflowFiles.map((file) => [rel(file), file]))('workflow %s', async (_name, file) => {
    const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await import('@actions/workflow-parser');
    const parsed = parseWorkflow({ name: rel(file), content: read(file) }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((error) => error.message)).toEqual([]);
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
    expect(template.errors ?? []).toEqual([]);
    expect(template.jobs.length).toBeGreaterThan(0);
  });

  test.each(actionFiles.map((file) => [rel(file), file]))('action metadata %s', async (_name, file) => {
    const { parseAction, convertActionTemplate } = await import('@actions/workflow-parser/actions/index');
    const { NoOperationTraceWriter } = await import('@actions/workflow-parser');
    const parsed = parseAction({ name: rel(file), content: read(file) }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((error) => error.message)).toEqual([]);
    const action = convertActionTemplate(parsed.context, parsed.value!);
    for (const input of action.inputs ?? []) expect(`${input.id}: ${input.description ?? ''}`).not.toMatch(/: $/);
  });
});

const calls = [...workflowFiles, ...actionFiles].flatMap((file) =>
  stepsOf(file)
    .filter((step) => step.uses && ownAction(step.uses))
    .map((step) => [`${rel(file)} → ${step.uses}`, step, ownAction(step.uses!)!] as const),
);

describe('every call of one of our actions matches its action.yml', () => {
  test('the workflows call our actions at all', () => expect(calls.length).toBeGreaterThanOrEqual(7));

  test.each(calls)('%s', (_name, step, actionFile) => {
    const inputs = metadataOf(actionFile).inputs ?? {};
    const given = Object.keys(step.with ?? {});
    expect(given.filter((key) => !(key in inputs))).toEqual([]);
    const required = Object.entries(inputs).filter(([, input]) => input.required && input.default === undefined);
    expect(required.map(([name]) => name).filter((name) => !given.includes(name))).toEqual([]);
  });
});

describe('the root composite action calls each bundled action the way the runner runs actions', () => {
  const steps = metadataOf(path.join(repoRoot, 'action.yml')).runs.steps ?? [];
  const called = steps.map((step) => /^org\/agent-integration-ci\/actions\/([\w-]+)@v1$/.exec(step.uses ?? '')?.[1]);

  // A `run:` step gets no post step (setup-ddev saves ddev to the actions cache in its post) and no runtime token
  // (build-wheel's artifact upload needs it): every step is a `uses:` of our action, at the reusable workflow's ref.
  test('every step is a `uses:` of one of our actions; together they are every bundled action', () => {
    expect(steps.filter((step) => step.run !== undefined)).toEqual([]);
    expect(called.filter((name) => name === undefined)).toEqual([]);
    expect([...new Set(called)].sort()).toEqual([...actionNames].sort());
  });

  test('an action called twice is a background pair: `start`, then a `collect` with the same other inputs', () => {
    const without = (step: (typeof steps)[number]) => {
      const { background: _background, ...rest } = (step.with ?? {}) as Record<string, unknown>;
      return { uses: step.uses, if: (step as { if?: string }).if, with: rest };
    };
    const twice = [...new Set(called.filter((name, index) => called.indexOf(name) !== index))];
    expect(twice.sort()).toEqual(['build-wheel', 'run-integration-tests']);
    for (const name of twice) {
      const pair = steps.filter((_step, index) => called[index] === name);
      expect(pair.map((step) => step.with?.background)).toEqual(['start', 'collect']);
      expect(without(pair[0]!)).toEqual(without(pair[1]!));
    }
  });

  test("every step after the plan checks the plan's one selection, never its own default", () => {
    for (const step of steps.slice(1)) {
      const inputs = metadataOf(
        path.join(repoRoot, 'actions', /actions\/([\w-]+)@/.exec(step.uses!)![1]!, 'action.yml'),
      ).inputs;
      if (!inputs?.integrations) continue;
      expect([step.uses, step.with?.integrations]).toEqual([step.uses, '${{ steps.plan.outputs.names }}']);
      expect([step.uses, (step as { if?: string }).if]).toEqual([
        step.uses,
        expect.stringContaining("steps.plan.outputs.count != '0'"),
      ]);
    }
  });

  test('the list outputs are `[]`, never empty, when their step is skipped', () => {
    const outputs = (parse(read(path.join(repoRoot, 'action.yml'))) as { outputs: Record<string, { value: string }> })
      .outputs;
    for (const name of ['integrations', 'wheels', 'tags']) expect(outputs[name]!.value).toMatch(/\|\| '\[\]' \}\}$/);
  });
});

describe('the reusable workflows and the starter workflows', () => {
  type Reusable = {
    on: { workflow_call: { inputs: Record<string, Input & { type: string; description?: string }> } };
    jobs: Record<string, { permissions?: unknown }>;
  };
  const reusableOf = (name: string) => parse(read(path.join(repoRoot, '.github/workflows', name))) as Reusable;
  const reusable = {
    'integration-ci.yml': reusableOf('integration-ci.yml'),
    'integration-release.yml': reusableOf('integration-release.yml'),
  };

  test.each([
    [
      'integration-ci.yml',
      [
        'build-wheel',
        'ddev-version',
        'integration-tests',
        'integrations',
        'integrations-path',
        'python-version',
        'repo',
        'runs-on',
      ],
    ],
    [
      'integration-release.yml',
      [
        'ddev-version',
        'integrations',
        'integrations-path',
        'python-version',
        'repo',
        'runs-on',
        'tag-format',
        'wheels',
      ],
    ],
  ] as const)('%s: every input is typed and documented', (name, expected) => {
    const declared = reusable[name].on.workflow_call.inputs;
    expect(Object.keys(declared).sort()).toEqual([...expected].sort());
    for (const [input, spec] of Object.entries(declared)) {
      expect([input, typeof spec.type, (spec.description ?? '').length > 0]).toEqual([input, 'string', true]);
    }
  });

  test.each(Object.keys(reusable))("%s: the ddev version default is setup-ddev's", (name) => {
    const declared = reusable[name as keyof typeof reusable].on.workflow_call.inputs;
    expect(String(declared['ddev-version']!.default)).toBe(
      String(metadataOf(path.join(repoRoot, 'actions/setup-ddev/action.yml')).inputs!['ddev-version']!.default),
    );
  });

  test.each(Object.keys(reusable))('%s: every job states its own permissions', (name) => {
    for (const [job, spec] of Object.entries(reusable[name as keyof typeof reusable].jobs))
      expect([job, spec.permissions !== undefined]).toEqual([job, true]);
  });

  const starters = yamlIn('workflows').map(
    (file) =>
      [
        rel(file),
        parse(read(file)) as {
          permissions?: unknown;
          jobs: Record<
            string,
            { uses?: string; needs?: string; with?: Record<string, unknown>; permissions?: Record<string, string> }
          >;
        },
      ] as const,
  );

  // Only the release workflow writes; permissions.test.ts checks that each grant covers the called jobs.
  const grantFor = { 'integration-ci.yml': 'read', 'integration-release.yml': 'write' } as const;

  test.each(starters)(
    '%s calls the reusable workflows with known inputs and minimal permissions',
    (_name, workflow) => {
      expect(workflow.permissions).toEqual({});
      for (const job of Object.values(workflow.jobs)) {
        const called = /^org\/agent-integration-ci\/\.github\/workflows\/([\w-]+\.yml)@v1$/.exec(job.uses ?? '')?.[1];
        expect(Object.keys(grantFor)).toContain(called);
        const known = reusable[called as keyof typeof reusable].on.workflow_call.inputs;
        expect(Object.keys(job.with ?? {}).filter((key) => !(key in known))).toEqual([]);
        expect(job.permissions).toEqual({ contents: grantFor[called as keyof typeof grantFor] });
        // The release runs only after the checks passed.
        if (called === 'integration-release.yml') expect(job.needs).toBe('ci');
      }
    },
  );

  test('no workflow runs on pull_request_target, and every checkout drops its credentials', () => {
    for (const file of workflowFiles) {
      const text = read(file);
      expect([rel(file), text.includes('pull_request_target')]).toEqual([rel(file), false]);
      for (const step of stepsOf(file).filter((s) => s.uses?.startsWith('actions/checkout@'))) {
        expect([rel(file), step.with?.['persist-credentials']]).toEqual([rel(file), false]);
      }
    }
  });

  test('third-party actions are pinned to a full commit SHA with a version comment', () => {
    for (const file of [...workflowFiles, ...actionFiles]) {
      for (const line of read(file)
        .split('\n')
        .filter((l) => /^\s*(-\s+)?uses:/.test(l))) {
        const uses = line.replace(/^\s*(-\s+)?uses:\s*/, '');
        if (uses.startsWith(OWN) || uses.startsWith('./')) continue;
        expect(uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
      }
    }
  });
});
