import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseJUnit, type TestCase, type TestLocation } from '@aic/junit';
import { commandEnvironment, ddevTarget, ddevTestArgs, JUNIT_FILE_NAME } from '@aic/ddev';
import type { LocatedIntegration } from '@aic/integration';
import { onStop, relativeTo, runProcess, stopSignal, UserError, whichOnPath, type Reporter } from '@aic/runtime';
import { composeImages, findComposeFiles } from './compose.js';
import { datadogProjectName } from './compose-project.js';
import { watchComposeContainers, type ContainerLog } from './container-logs.js';
import { dockerEngineAnswers, dumpDiagnostics, pullImages, tearDown } from './docker.js';
import { hatchBeside, readTestEnvVars } from './hatch-env.js';
import { findTestFiles } from './test-files.js';
import { judgeSession, type Counts, type Outcome } from './verdict.js';

export { composeImages, findComposeFiles, isRateLimited, namedComposeFiles } from './compose.js';
export { datadogProjectName, normalizeProjectName } from './compose-project.js';
export { watchComposeContainers, type ContainerLog } from './container-logs.js';
export { composeProjects, dockerEngineAnswers, tearDown, RATE_LIMIT_HINT } from './docker.js';
export { imageRegistry, rateLimitHint } from './registry.js';
export { findTestFiles } from './test-files.js';
export { countsFromSummary, judgeSession, type Counts, type Outcome, type Verdict } from './verdict.js';

export interface TestRunOptions {
  repoPath: string;
  integrations: LocatedIntegration[];
  /** A pytest marker expression to select tests (`-m`); undefined runs every test, as Datadog's CI does. */
  markers?: string | undefined;
  pytestArgs: string[];
  ddevArgs: string[];
  /** Compose files given by the user (absolute); default: found under each integration's tests/. */
  composeFiles: string[] | undefined;
  pull: boolean;
  pullRetries: number;
  pullBaseDelayMs: number;
  junit: boolean;
  /** Where JUnit files go: each run writes into a fresh directory of its own inside it. */
  reportDir: string;
  reporter: Reporter;
  /** The ddev to run; default `ddev` on PATH. */
  ddev?: string;
  env?: NodeJS.ProcessEnv;
}

/** One integration's one `ddev test` session (every environment of its hatch matrix). */
export interface IntegrationTestResult {
  integration: string;
  outcome: Outcome;
  /** Why it failed (or ran nothing) when the test cases alone do not say: see `judgeSession`. */
  reason: string | undefined;
  /** Where the reason points, relative to the repository (e.g. a conftest.py that failed to import). */
  reasonLocation: TestLocation | undefined;
  /** A fact worth a warning on a pass (every test skipped). */
  warning: string | undefined;
  exitCode: number;
  counts: Counts;
  /** The JUnit reports this session wrote (one per hatch environment). */
  junitFiles: string[];
  /** A problem reading a JUnit file (malformed), reported but not fatal. */
  junitProblem: string | undefined;
  cases: TestCase[];
  durationMs: number;
  dockerHint: string | undefined;
}

export interface TestRunResult {
  results: IntegrationTestResult[];
  /** Whether a Docker engine answered `docker info` (only asked when there are compose files). */
  engine: boolean;
  composeFiles: string[];
  /** This run's own report directory (fresh: nothing in it was written by another run). */
  reportDir: string;
  totals: { passed: number; failed: number; skipped: number; errors: number };
  durationMs: number;
  /** Why the pre-pull failed (the tests ran all the same), e.g. a registry's rate limit. */
  pullProblem: string | undefined;
  /** What each of our compose containers printed while the tests ran; kept when a session failed. */
  containerLogs: ContainerLog[];
  /** The compose projects torn down after the tests (datadog_checks.dev's names, and those seen starting). */
  composeProjects: string[];
}

const DOCKER_TROUBLE =
  /Cannot connect to the Docker daemon|docker: not found|Is the docker daemon running|error during connect|docker compose .* (failed|returned non-zero)/i;

/** Runs each integration's tests in one ddev session, with JUnit reports and Docker housekeeping. */
export async function runIntegrationTests(options: TestRunOptions): Promise<TestRunResult> {
  const started = Date.now();
  const { reporter } = options;
  const ddev = options.ddev ?? whichOnPath('ddev', options.env ?? process.env);
  if (!ddev) {
    throw new UserError('ddev is not on PATH.', {
      hint: 'Run the setup-ddev action (agent-integration-ci/actions/setup-ddev) before this step.',
    });
  }
  const env = options.env ?? process.env;
  const composeFiles =
    options.composeFiles ?? options.integrations.flatMap((integration) => findComposeFiles(integration.path));
  const engine = composeFiles.length > 0 ? await dockerEngineAnswers() : false;

  // What the tests' compose files see: each hatch test env's env-vars over this environment (as hatch runs them).
  const hatch = engine ? hatchBeside(ddev, env) : undefined;
  const varSets = new Map<LocatedIntegration, Record<string, string>[]>();
  for (const integration of options.integrations) {
    varSets.set(integration, engine ? await readTestEnvVars(hatch, integration.path, env, reporter) : [{}]);
  }
  const environments = [...varSets.values()].flat().map((vars) => ({ ...env, ...vars }));
  const images = [
    ...new Set(
      composeFiles.flatMap((file) => environments.flatMap((vars) => composeImages(file, options.repoPath, vars))),
    ),
  ];
  const named = [...varSets].flatMap(([integration, sets]) =>
    sets.map((vars) => datadogProjectName(integration.path, { ...env, ...vars })),
  );

  let pullProblem: string | undefined;
  if (composeFiles.length > 0) {
    if (!engine) {
      reporter.annotate({
        level: 'warning',
        message: `No Docker engine answered (docker info): running the tests anyway; their environment decides what to do without Docker (${composeFiles.length} compose file${composeFiles.length === 1 ? '' : 's'} found).`,
      });
    } else if (options.pull && images.length > 0) {
      try {
        await reporter.group(`Pulling ${images.length} image${images.length === 1 ? '' : 's'}`, () =>
          pullImages(images, { retries: options.pullRetries, baseDelayMs: options.pullBaseDelayMs, reporter }),
        );
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        // Tests that need no image (unit tests) still run; the step fails on the pull all the same.
        pullProblem = error.message;
        reporter.annotate({ level: 'error', message: `${pullProblem} Running the tests anyway.` });
      }
    }
  }

  mkdirSync(options.reportDir, { recursive: true });
  const reportDir = mkdtempSync(path.join(options.reportDir, 'run-'));
  const results: IntegrationTestResult[] = [];
  const watch = engine ? watchComposeContainers(composeFiles, env) : undefined;
  const projects = () => [...new Set([...named, ...(watch?.projects ?? [])])];
  // Stopped (SIGTERM, Ctrl-C) while the tests run: their containers go too.
  const forgetTeardown = engine ? onStop(() => tearDown(composeFiles, reporter, { projects: projects() })) : undefined;
  let containerLogs: ContainerLog[];
  try {
    for (const integration of options.integrations) {
      results.push(await runSession(options, ddev, integration, reportDir, engine));
    }
  } finally {
    containerLogs = (await watch?.stop()) ?? [];
    // Once stopped, the stop's own cleanup tears down (processes started here would be killed at once).
    if (engine && !stopSignal()) await tearDown(composeFiles, reporter, { projects: projects() });
    forgetTeardown?.();
  }
  const failed = results.some((result) => result.outcome === 'failed');
  if (engine && failed && !stopSignal()) await dumpDiagnostics(containerLogs, reporter);

  const sum = (key: keyof Counts) => results.reduce((total, result) => total + result.counts[key], 0);
  return {
    results,
    engine,
    composeFiles,
    reportDir,
    totals: { passed: sum('passed'), failed: sum('failed'), skipped: sum('skipped'), errors: sum('errors') },
    durationMs: Date.now() - started,
    pullProblem,
    containerLogs: failed ? containerLogs : [],
    composeProjects: projects(),
  };
}

async function runSession(
  options: TestRunOptions,
  ddev: string,
  integration: LocatedIntegration,
  runDir: string,
  engine: boolean,
): Promise<IntegrationTestResult> {
  const started = Date.now();
  const testFiles = findTestFiles(integration.path);
  const base = {
    integration: integration.name,
    reasonLocation: undefined,
    warning: undefined,
    exitCode: 0,
    counts: { passed: 0, failed: 0, errors: 0, skipped: 0 },
    junitFiles: [],
    junitProblem: undefined,
    cases: [],
    dockerHint: undefined,
  };
  if (testFiles.length === 0) {
    options.reporter.log(
      `${integration.name}: no tests (no test_*.py under ${relativeTo(options.repoPath, path.join(integration.path, 'tests'))}).`,
    );
    return {
      ...base,
      outcome: 'no-tests',
      reason: 'no tests: tests/ has no test_*.py',
      durationMs: Date.now() - started,
    };
  }
  if (!existsSync(path.join(integration.path, 'hatch.toml'))) {
    // ddev tests only what hatch.toml configures, and Datadog's CI has no test job for the rest.
    const reason = `not testable by ddev: no hatch.toml, so ddev runs none of its ${testFiles.length} test file${testFiles.length === 1 ? '' : 's'} (Datadog's CI neither); add one (ddev create makes it) to run them`;
    options.reporter.annotate({
      level: 'warning',
      message: `${integration.name}: ${reason}.`,
      file: relativeTo(options.repoPath, integration.path) || '.',
    });
    return { ...base, outcome: 'no-tests', reason, durationMs: Date.now() - started };
  }

  // Its own directory, empty: every report read back below was written by this session.
  const junitDir = options.junit ? mkdtempSync(path.join(runDir, `${integration.name}-`)) : undefined;
  const target = ddevTarget(integration);
  const args = ddevTestArgs({
    target,
    markers: options.markers,
    pytestArgs: options.pytestArgs,
    ddevArgs: options.ddevArgs,
    junitFile: junitDir ? path.join(junitDir, JUNIT_FILE_NAME) : undefined,
  });
  const result = await runProcess(ddev, args, {
    cwd: target.cwd,
    env: commandEnvironment(options.env ?? process.env),
    reporter: options.reporter,
    // Streamed to the log as it comes; the verdict reads pytest's closing lines, which the tail keeps.
    output: 'tail',
    group: `${integration.name}: tests (ddev ${args.join(' ')})`,
    timeoutMs: 60 * 60_000,
  });

  const junitFiles = junitDir
    ? readdirSync(junitDir)
        .filter((name) => name.endsWith('.xml'))
        .sort()
        .map((name) => path.join(junitDir, name))
    : [];
  let cases: TestCase[] | undefined;
  const problems: string[] = [];
  for (const file of junitFiles) {
    const parsed = parseJUnit(readFileSync(file, 'utf8'), { root: integration.path });
    if (parsed.ok) {
      cases = [
        ...(cases ?? []),
        ...parsed.report.cases.map((testCase) => relocate(testCase, integration, options.repoPath)),
      ];
    } else {
      problems.push(`${file}${parsed.line ? `:${parsed.line}` : ''}: ${parsed.problem}`);
    }
  }
  const output = `${result.stdout}\n${result.stderr}`;
  const verdict = judgeSession({
    exitCode: result.exitCode,
    timedOut: result.timedOut,
    output,
    cases,
    testFiles,
    markers: options.markers,
    pytestArgs: options.pytestArgs,
    root: integration.path,
    shown: (file) => relativeTo(options.repoPath, path.join(integration.path, file)),
  });
  const dockerHint =
    verdict.outcome === 'failed' && !engine && DOCKER_TROUBLE.test(output)
      ? "The tests failed on Docker errors, and no Docker engine answered on this runner: use a runner with Docker (ubuntu-*), or make the tests' environment work without it."
      : undefined;
  return {
    ...base,
    outcome: verdict.outcome,
    reason: verdict.reason,
    reasonLocation: verdict.location
      ? { ...verdict.location, file: relativeTo(options.repoPath, path.join(integration.path, verdict.location.file)) }
      : undefined,
    warning: verdict.warning,
    exitCode: result.exitCode,
    counts: verdict.counts,
    junitFiles,
    junitProblem: problems.length > 0 ? problems.join('; ') : undefined,
    cases: cases ?? [],
    durationMs: Date.now() - started,
    dockerHint,
  };
}

/** JUnit paths are relative to the integration folder (where pytest ran); annotations want the repository's. */
function relocate(testCase: TestCase, integration: LocatedIntegration, repoPath: string): TestCase {
  if (!testCase.location || path.isAbsolute(testCase.location.file)) return testCase;
  return {
    ...testCase,
    location: { ...testCase.location, file: relativeTo(repoPath, path.join(integration.path, testCase.location.file)) },
  };
}
