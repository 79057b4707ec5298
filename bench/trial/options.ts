import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../../test/harness/index.js';
import { CHECK_VALIDATIONS, REPO_VALIDATIONS, validationStep, type StepName } from './types.js';

export interface TrialOptions {
  mirror: string;
  commit: string;
  workdir: string;
  actionsDir: string;
  /** --use name=dir: one action from elsewhere (another branch's worktree, bundled there). */
  overrides: Record<string, string>;
  cacheFile: string;
  markdownFile: string;
  only: string[];
  limit: number | undefined;
  jobs: number;
  steps: Set<StepName>;
  fresh: boolean;
  /** Print the table from the cache, run nothing. */
  reportOnly: boolean;
}

export const usage = `Usage: npm run extras-trial -- [options]
  --mirror <dir>    bare git mirror of DataDog/integrations-extras (env AIC_EXTRAS_MIRROR)
  --commit <rev>    pinned commit (default 57e9d599)
  --only a,b        these checks only          --limit N    the first N checks
  --jobs N          checks run at once (default 1)
  --steps s,…       scaffold, tests, validate (all) or validate:<name>, lint, wheel (default all)
  --actions <dir>   the bundled actions to try (default ./actions)
  --use name=dir    one action from elsewhere, e.g. validate-integration=../wt-validate/actions/validate-integration
  --cache <file>    the results cache (default bench/extras-trial.cache.json)
  --fresh           ignore cached results       --report     print the table from the cache only`;

/** `validate` stands for every validation; `validate:config` for one. */
function parseSteps(text: string | undefined): Set<StepName> {
  const all: StepName[] = [
    'scaffold',
    'tests',
    ...[...CHECK_VALIDATIONS, ...REPO_VALIDATIONS].map(validationStep),
    'lint',
    'wheel',
  ];
  if (!text) return new Set(all);
  const steps = new Set<StepName>();
  for (const word of text
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean)) {
    if (word === 'validate') all.filter((s) => s.startsWith('validate ')).forEach((s) => steps.add(s));
    else {
      const step = word.replace(/^validate:/, 'validate ') as StepName;
      if (!all.includes(step)) throw new Error(`--steps: unknown step '${word}' (one of ${all.join(', ')}).`);
      steps.add(step);
    }
  }
  return steps;
}

function parseOverrides(uses: readonly string[]): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const use of uses) {
    const match = /^([\w-]+)=(.+)$/.exec(use);
    if (!match) throw new Error(`--use: '${use}' is not name=dir.`);
    overrides[match[1]!] = path.resolve(match[2]!);
  }
  return overrides;
}

function positiveInteger(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(text)) throw new Error(`--${flag}: '${text}' is not a positive integer.`);
  return Number(text);
}

export function parseOptions(argv: readonly string[]): TrialOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      mirror: { type: 'string' },
      commit: { type: 'string' },
      workdir: { type: 'string' },
      actions: { type: 'string' },
      use: { type: 'string', multiple: true },
      cache: { type: 'string' },
      only: { type: 'string' },
      limit: { type: 'string' },
      jobs: { type: 'string' },
      steps: { type: 'string' },
      fresh: { type: 'boolean' },
      report: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  return {
    mirror: values.mirror ?? process.env.AIC_EXTRAS_MIRROR ?? '/work/.mirror/DataDog+integrations-extras/repo',
    commit: values.commit ?? '57e9d599',
    workdir: values.workdir ?? path.join(os.tmpdir(), 'aic-extras-trial'),
    actionsDir: path.resolve(values.actions ?? path.join(repoRoot, 'actions')),
    overrides: parseOverrides(values.use ?? []),
    cacheFile: path.resolve(values.cache ?? path.join(repoRoot, 'bench', 'extras-trial.cache.json')),
    markdownFile: path.join(repoRoot, 'bench', 'extras-trial.md'),
    only: (values.only ?? '')
      .split(',')
      .map((w) => w.trim())
      .filter(Boolean),
    limit: positiveInteger('limit', values.limit),
    jobs: positiveInteger('jobs', values.jobs) ?? 1,
    steps: parseSteps(values.steps),
    fresh: values.fresh ?? false,
    reportOnly: values.report ?? false,
  };
}
