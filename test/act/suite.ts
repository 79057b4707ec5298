import { describe } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { GitHubApiDouble } from '../doubles/github-api/server.js';
import {
  ActSandbox,
  PartnerRepo,
  thirdPartyActions,
  thirdPartyActionsDir,
  type WorkflowRun,
} from '../harness/act/index.js';
import { pythonTools, repoRoot } from '../harness/index.js';

// What every act scenario shares: one sandbox (the GitHub side: actions cache, artifacts, our staged actions),
// the GitHub API double (checked against @octokit/openapi) for releases, and the files under test as partners
// get them. Without ../shared/third-party-actions (actions/checkout, setup-python, download-artifact at the
// commits we pin) nothing can run offline: the suite says so in one line and skips.

const actions = thirdPartyActionsDir();
export const present = actions !== undefined;
if (!present) {
  process.stderr.write(
    'skipped: the act suite needs the third-party actions beside this clone (../shared/third-party-actions, or AIC_THIRD_PARTY_ACTIONS)\n',
  );
}
export const describeAct: typeof describe.skip = present ? describe : describe.skip;

export interface Suite {
  sandbox: ActSandbox;
  github: GitHubApiDouble;
  /** Variables every run's jobs get: the API double as GITHUB_API_URL. */
  env: Record<string, string>;
}

export async function startSuite(): Promise<Suite> {
  const sandbox = ActSandbox.create({ thirdParty: thirdPartyActions(actions!), python: pythonTools().python });
  const github = await new GitHubApiDouble().start();
  return { sandbox, github, env: { GITHUB_API_URL: github.url, UV_CACHE_DIR: pythonTools().uvCacheDir } };
}

export async function stopSuite(suite: Suite | undefined): Promise<void> {
  await suite?.github.stop();
  suite?.sandbox.dispose();
  PartnerRepo.removeAll();
}

export const readShipped = (relative: string): string => readFileSync(path.join(repoRoot, relative), 'utf8');

/** The README's ```yaml block that contains `needle`, as the partner would paste it. */
export function readmeSnippet(needle: string): string {
  const blocks = [...readShipped('README.md').matchAll(/^```ya?ml\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
  const found = blocks.find((block) => block.includes(needle));
  if (!found) throw new Error(`README.md has no yaml block with ${needle}`);
  return found;
}

/**
 * `workflow` with one more job that needs every other job and writes their results and outputs as its own
 * step outputs (`needs` = toJSON(needs)): how a test reads what jobs pass on, the way a partner's next job would.
 * (act 0.2.89 does not start it after a failed reusable-workflow call, `if: always()` notwithstanding.)
 */
export function withObserver(workflow: string): string {
  const document = parse(workflow) as { jobs: Record<string, unknown> };
  const others = Object.keys(document.jobs);
  document.jobs.observe = {
    needs: others,
    if: 'always()',
    'runs-on': 'ubuntu-24.04',
    permissions: {},
    steps: [
      {
        id: 'needs',
        env: { NEEDS: '${{ toJSON(needs) }}' },
        run: 'node -e \'require("fs").appendFileSync(process.env.GITHUB_OUTPUT, "needs=" + JSON.stringify(JSON.parse(process.env.NEEDS)) + "\\n")\'',
      },
    ],
  };
  return stringify(document, { lineWidth: 0 });
}

/** What the observer job saw: each job's result and outputs. */
export function observed(run: WorkflowRun): Record<string, { result: string; outputs: Record<string, string> }> {
  const job = run.jobsOf('observe')[0];
  const text = job?.outputs.needs?.needs;
  if (!text) throw new Error(`the observer job set no output:\n${job?.messages.join('\n') ?? run.log.slice(-4000)}`);
  return JSON.parse(text) as Record<string, { result: string; outputs: Record<string, string> }>;
}
