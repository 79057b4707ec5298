// Issue 12's trial: every Agent check of DataDog/integrations-extras at a pinned commit, through our pipeline
// (the bundled actions, run by the runner harness) and, beside it, through Datadog's own gate (the ddev
// commands of integrations-core's run-validations.yml and test-target.yml) — then one table of where the
// verdicts differ and why. Resumable: results are cached per commit, check, step and bundle in
// bench/extras-trial.cache.json. Usage: npm run extras-trial -- --help
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ddevEnvironment, pythonTools, removeRunnerScratch } from '../test/harness/index.js';
import { bundleHash, ResultCache } from './trial/cache.js';
import { inventory, prepareCheckout, resolveCommit } from './trial/checkout.js';
import { parseOptions, usage, type TrialOptions } from './trial/options.js';
import { actionPath } from './trial/ours.js';
import { renderMarkdown } from './trial/report.js';
import { pairOf, repositoryPair, type Pair, type Versions } from './trial/results.js';
import { runCheck, runRepository, type Trial } from './trial/run-check.js';
import { CHECK_STEPS, REPO_STEPS, REPOSITORY, type StepName } from './trial/types.js';

const OUR_ACTIONS = ['scaffold-check', 'run-integration-tests', 'build-wheel', 'validate-integration'];

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function selectChecks(all: readonly string[], options: TrialOptions): string[] {
  const unknown = options.only.filter((name) => !all.includes(name));
  if (unknown.length) fail(`--only: no Agent check named ${unknown.join(', ')} at this commit.`);
  const chosen = options.only.length ? all.filter((name) => options.only.includes(name)) : [...all];
  return chosen.slice(0, options.limit ?? chosen.length);
}

async function inPool<T>(items: readonly T[], jobs: number, work: (item: T, index: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
}

let options: TrialOptions;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`);
}

let commit: string;
try {
  commit = resolveCommit(options.mirror, options.commit);
} catch (error) {
  fail((error as Error).message);
}
const checkout = prepareCheckout(options.mirror, commit, options.workdir);
const { checks: allChecks, tileOnly } = inventory(checkout);
const checks = selectChecks(allChecks, options);
const tools = pythonTools();
const env = { ...ddevEnvironment(checkout.root, tools) };
const versions: Versions = {
  ours: Object.fromEntries(OUR_ACTIONS.map((action) => [action, bundleHash(actionPath(options, action))])),
  theirs: `ddev-${tools.ddevVersion}`,
};
const cache = new ResultCache(options.cacheFile, commit, options.fresh);
const started = Date.now();
const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);

const trial: Trial = {
  ours: { checkout, env, tools, actionsDir: options.actionsDir, overrides: options.overrides },
  theirs: { checkout, env, tools },
  cache,
  versions,
  steps: options.steps,
  log,
};

if (!options.reportOnly) {
  log(
    `${allChecks.length} Agent checks and ${tileOnly.length} tile-only folders at ${commit.slice(0, 9)} in ${checkout.root}; ` +
      `running ${checks.length} with ${options.jobs} job(s); our bundles ${JSON.stringify(versions.ours)}`,
  );
  await runRepository(trial);
  await inPool(checks, options.jobs, (check, index) => runCheck(trial, check, `[${index + 1}/${checks.length}]`));
  removeRunnerScratch();
  log(`done in ${Math.round((Date.now() - started) / 60_000)} min`);
}

const steps = [...CHECK_STEPS, ...REPO_STEPS].filter((step) => options.steps.has(step));
const results = new Map<string, Map<StepName, Pair>>();
for (const check of checks) {
  results.set(
    check,
    new Map(CHECK_STEPS.filter((s) => options.steps.has(s)).map((s) => [s, pairOf(cache, versions, check, s)])),
  );
}
const repository = new Map(
  REPO_STEPS.filter((s) => options.steps.has(s)).map((s) => [s, repositoryPair(cache, versions, checks, s)]),
);
results.set(REPOSITORY, repository);

const markdown = renderMarkdown(
  {
    commit,
    checks: allChecks.length,
    tileOnly: tileOnly.length,
    versions: `ddev ${tools.ddevVersion}; our bundles ${Object.entries(versions.ours)
      .map(([a, h]) => `${a} ${h}`)
      .join(', ')}`,
    results,
    steps,
  },
  new Date(),
);
writeFileSync(options.markdownFile, markdown);
console.log(`\n${markdown}\n(also in ${path.relative(process.cwd(), options.markdownFile)})`);
