import { describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './harness/index.js';
import {
  grantOf,
  refusedCalls,
  RESTRICTED_DEFAULT,
  type ResolveWorkflow,
  type WorkflowDocument,
} from './harness/workflow-permissions.js';

// GitHub's permission rule for reusable workflows, checked on every caller we ship or document: the starter
// workflows, our own workflows, and each YAML block of the README. No double: the files are read as GitHub
// reads them (YAML), and the rule is the one GitHub applies before a run starts.

const OWN_WORKFLOW = /^(?:org\/agent-integration-ci\/|\.\/)\.github\/workflows\/([\w.-]+\.ya?ml)(?:@.+)?$/;

const resolveOwn: ResolveWorkflow = (uses) => {
  const match = OWN_WORKFLOW.exec(uses);
  if (!match) return undefined;
  const file = path.join(repoRoot, '.github', 'workflows', match[1]!);
  if (!existsSync(file)) throw new Error(`${uses} names a workflow we do not ship (${file} is missing)`);
  return { name: `.github/workflows/${match[1]}`, document: parse(readFileSync(file, 'utf8')) as WorkflowDocument };
};

const workflowFiles = ['.github/workflows', 'workflows'].flatMap((dir) =>
  readdirSync(path.join(repoRoot, dir))
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => `${dir}/${name}`),
);

/** The ```yaml blocks of a markdown file that are workflows (they have `jobs:`), with their line. */
function workflowSnippets(file: string): { name: string; document: WorkflowDocument }[] {
  const lines = readFileSync(path.join(repoRoot, file), 'utf8').split('\n');
  const snippets: { name: string; document: WorkflowDocument }[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (!/^```ya?ml\s*$/.test(lines[index]!)) continue;
    const start = index + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end++;
    const document = parse(lines.slice(start, end).join('\n')) as WorkflowDocument | null;
    if (document && typeof document === 'object' && document.jobs) {
      snippets.push({ name: `${file}:${start}`, document });
    }
    index = end;
  }
  return snippets;
}

const callers = [
  ...workflowFiles.map((file) => ({
    name: file,
    document: parse(readFileSync(path.join(repoRoot, file), 'utf8')) as WorkflowDocument,
  })),
  ...workflowSnippets('README.md'),
];

describe("GitHub's rule: a called workflow's jobs ask for no more than the caller grants", () => {
  test('the README documents the reusable workflows (its snippets are checked here)', () => {
    const snippetCalls = callers
      .filter((caller) => caller.name.startsWith('README.md:'))
      .flatMap((caller) => Object.values(caller.document.jobs ?? {}).filter((job) => job.uses));
    expect(snippetCalls.length).toBeGreaterThanOrEqual(1);
  });

  test.each(callers.map((caller) => [caller.name, caller] as const))('%s', (_name, caller) => {
    expect(refusedCalls(caller.name, caller.document, resolveOwn)).toEqual([]);
  });

  test.each(callers.map((caller) => [caller.name, caller] as const))(
    '%s: a job that releases with the root action grants contents: write',
    (_name, caller) => {
      const workflowGrant = grantOf(caller.document.permissions, caller.name);
      for (const [id, job] of Object.entries(
        (caller.document.jobs ?? {}) as Record<
          string,
          { permissions?: unknown; steps?: { uses?: string; with?: Record<string, unknown> }[] }
        >,
      )) {
        const releases = (job.steps ?? []).some(
          (step) => /^org\/agent-integration-ci@/.test(step.uses ?? '') && String(step.with?.release) === 'true',
        );
        if (!releases) continue;
        const grant = grantOf(job.permissions, `${caller.name}: jobs.${id}`) ?? workflowGrant ?? RESTRICTED_DEFAULT;
        expect([id, grant.contents]).toEqual([id, 'write']);
      }
    },
  );
});

describe('the rule itself (table)', () => {
  const called =
    (jobs: WorkflowDocument['jobs'], permissions?: unknown): ResolveWorkflow =>
    () => ({ name: 'called.yml', document: { ...(permissions === undefined ? {} : { permissions }), jobs } });
  const caller = (permissions: unknown): WorkflowDocument => ({
    permissions: {},
    jobs: { ci: { uses: 'org/agent-integration-ci/.github/workflows/called.yml@v1', permissions } },
  });

  test.each([
    [
      'a nested write job under a read grant is refused (the bug of issue 14)',
      caller({ contents: 'read' }),
      called({ check: { permissions: { contents: 'read' } }, release: { permissions: { contents: 'write' } } }),
      [
        "caller.yml → jobs.ci (org/agent-integration-ci/.github/workflows/called.yml@v1): the nested job 'release' is requesting 'contents: write', but is only allowed 'contents: read'.",
      ],
    ],
    [
      'a write grant covers read and write jobs',
      caller({ contents: 'write' }),
      called({ check: { permissions: { contents: 'read' } }, release: { permissions: { contents: 'write' } } }),
      [],
    ],
    ['`{}` asks for nothing', caller({}), called({ ok: { permissions: {} } }), []],
    [
      "a job without permissions takes its workflow's",
      caller({ contents: 'read' }),
      called({ job: {} }, { contents: 'write', 'pull-requests': 'write' }),
      [
        "caller.yml → jobs.ci (org/agent-integration-ci/.github/workflows/called.yml@v1): the nested job 'job' is requesting 'contents: write', but is only allowed 'contents: read'.",
        "caller.yml → jobs.ci (org/agent-integration-ci/.github/workflows/called.yml@v1): the nested job 'job' is requesting 'pull-requests: write', but is only allowed 'pull-requests: none'.",
      ],
    ],
    ['a job with neither inherits the grant', caller({ contents: 'read' }), called({ job: {} }), []],
    [
      'no permissions anywhere: the restricted default (contents: read)',
      { jobs: { ci: { uses: 'org/agent-integration-ci/.github/workflows/called.yml@v1' } } },
      called({ release: { permissions: { contents: 'write' } } }),
      [
        "caller.yml → jobs.ci (org/agent-integration-ci/.github/workflows/called.yml@v1): the nested job 'release' is requesting 'contents: write', but is only allowed 'contents: read'.",
      ],
    ],
    ['write-all covers everything', caller('write-all'), called({ job: { permissions: 'write-all' } }), []],
  ] as const)('%s', (_name, workflow, resolve, problems) => {
    expect(refusedCalls('caller.yml', workflow as WorkflowDocument, resolve)).toEqual(problems);
  });
});
