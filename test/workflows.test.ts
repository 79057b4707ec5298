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

describe('the root composite action runs each bundled action like the runner would', () => {
  const steps = (metadataOf(path.join(repoRoot, 'action.yml')).runs.steps ?? []).filter((step) => step.run);
  const direct = steps.map((step) => {
    const match = /node "\$GITHUB_ACTION_PATH\/actions\/([\w-]+)\/dist\/index\.js"/.exec(step.run!);
    return [match?.[1] ?? '(no bundled action)', step] as const;
  });

  test('it runs every bundled action but none other', () => {
    expect(direct.map(([name]) => name).sort()).toEqual([...actionNames].sort());
  });

  test.each(direct)('%s gets its inputs through env: INPUT_*, every defaulted one explicitly', (name, step) => {
    const inputs = metadataOf(path.join(repoRoot, 'actions', name, 'action.yml')).inputs ?? {};
    const variables = Object.keys(step.env ?? {}).filter((key) => key.startsWith('INPUT_'));
    const known = Object.keys(inputs).map((input) => `INPUT_${input.toUpperCase()}`);
    expect(variables.filter((key) => !known.includes(key))).toEqual([]);
    // A direct run does not read the bundled action.yml, so its non-empty defaults must be passed.
    const defaulted = Object.entries(inputs)
      .filter(([, input]) => input.default !== undefined && String(input.default) !== '')
      .map(([input]) => `INPUT_${input.toUpperCase()}`);
    expect(defaulted.filter((key) => !variables.includes(key))).toEqual([]);
    // Inputs reach the script only through env:, never through an expression inside it.
    expect(step.run).not.toContain('${{');
  });
});

describe('the reusable workflow and the starter workflows', () => {
  const reusable = parse(read(path.join(repoRoot, '.github/workflows/integration-ci.yml'))) as {
    on: { workflow_call: { inputs: Record<string, Input & { type: string; description?: string }> } };
    jobs: Record<string, { permissions?: unknown }>;
  };
  const inputs = reusable.on.workflow_call.inputs;

  test('every input is typed and documented', () => {
    expect(Object.keys(inputs).sort()).toEqual(
      [
        'build-wheel',
        'ddev-version',
        'integration-tests',
        'integrations',
        'integrations-path',
        'python-version',
        'release',
        'repo',
        'runs-on',
      ].sort(),
    );
    for (const [name, input] of Object.entries(inputs)) {
      expect([name, typeof input.type, (input.description ?? '').length > 0]).toEqual([name, 'string', true]);
    }
  });

  test("the ddev version default is setup-ddev's", () => {
    expect(String(inputs['ddev-version']!.default)).toBe(
      String(metadataOf(path.join(repoRoot, 'actions/setup-ddev/action.yml')).inputs!['ddev-version']!.default),
    );
  });

  test('every job states its own permissions', () => {
    for (const [name, job] of Object.entries(reusable.jobs))
      expect([name, job.permissions !== undefined]).toEqual([name, true]);
  });

  const starters = yamlIn('workflows').map(
    (file) =>
      [
        rel(file),
        parse(read(file)) as {
          permissions?: unknown;
          jobs: Record<string, { uses?: string; with?: Record<string, unknown>; permissions?: Record<string, string> }>;
        },
      ] as const,
  );

  test.each(starters)('%s calls the reusable workflow with known inputs and minimal permissions', (_name, workflow) => {
    expect(workflow.permissions).toEqual({});
    for (const job of Object.values(workflow.jobs)) {
      expect(job.uses).toBe(`${OWN}/.github/workflows/integration-ci.yml@v1`);
      expect(Object.keys(job.with ?? {}).filter((key) => !(key in inputs))).toEqual([]);
      const writes = job.with?.release === true;
      expect(job.permissions).toEqual({ contents: writes ? 'write' : 'read' });
    }
  });

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
