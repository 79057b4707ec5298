import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseJUnit, type TestCase } from '@aic/junit';
import { readFileSync } from 'node:fs';
import { lastLines, runProcess, UserError, type Reporter } from '@aic/runtime';
import { relativeTo } from '../files/index.js';
import type { SelectedIntegration } from '../integrations/index.js';
import { whichOnPath } from '../setup-ddev/python.js';
import { ddevTestArgs, NO_TESTS_COLLECTED, type TestKind } from './command.js';
import { composeImages, findComposeFiles } from './compose.js';
import { dockerEngineAnswers, dumpDiagnostics, pullImages } from './docker.js';

export { ddevTestArgs, type TestKind } from './command.js';
export { composeImages, findComposeFiles, interpolate, isRateLimited, namedComposeFiles } from './compose.js';
export { dockerEngineAnswers, tearDown, RATE_LIMIT_HINT } from './docker.js';

export interface TestRunOptions {
  repoPath: string;
  integrations: SelectedIntegration[];
  kinds: TestKind[];
  pytestArgs: string[];
  ddevArgs: string[];
  /** Compose files given by the user (absolute); default: found under each integration's tests/. */
  composeFiles: string[] | undefined;
  pull: boolean;
  pullRetries: number;
  pullBaseDelayMs: number;
  junit: boolean;
  /** Where JUnit files go. */
  reportDir: string;
  reporter: Reporter;
  /** The ddev to run; default `ddev` on PATH. */
  ddev?: string;
  env?: NodeJS.ProcessEnv;
}

export interface KindResult {
  integration: string;
  kind: TestKind;
  outcome: 'passed' | 'failed' | 'no-tests';
  exitCode: number;
  junitFile: string | undefined;
  /** A problem reading the JUnit file (malformed), reported but not fatal. */
  junitProblem: string | undefined;
  cases: TestCase[];
  durationMs: number;
  dockerHint: string | undefined;
}

export interface TestRunResult {
  results: KindResult[];
  engine: boolean;
  composeFiles: string[];
  totals: { passed: number; failed: number; skipped: number; errors: number };
  durationMs: number;
}

const DOCKER_TROUBLE =
  /Cannot connect to the Docker daemon|docker: not found|Is the docker daemon running|error during connect|docker compose .* (failed|returned non-zero)/i;

/** Runs each integration's tests of each kind through ddev, with JUnit reports and Docker housekeeping. */
export async function runIntegrationTests(options: TestRunOptions): Promise<TestRunResult> {
  const started = Date.now();
  const { reporter } = options;
  const ddev = options.ddev ?? whichOnPath('ddev', options.env ?? process.env);
  if (!ddev) {
    throw new UserError('ddev is not on PATH.', {
      hint: 'Run the setup-ddev action (agent-integration-ci/actions/setup-ddev) before this step.',
    });
  }
  const composeFiles =
    options.composeFiles ?? options.integrations.flatMap((integration) => findComposeFiles(integration.path));
  const images = options.kinds.includes('integration')
    ? composeFiles.flatMap((file) => composeImages(file, options.repoPath))
    : [];

  const engine = composeFiles.length > 0 ? await dockerEngineAnswers() : false;
  if (options.kinds.includes('integration') && composeFiles.length > 0) {
    if (!engine) {
      reporter.annotate({
        level: 'warning',
        message: `No Docker engine answered (docker info): running the integration tests anyway; their environment decides what to do without Docker (${composeFiles.length} compose file${composeFiles.length === 1 ? '' : 's'} found).`,
      });
    } else if (options.pull && images.length > 0) {
      await reporter.group(`Pulling ${images.length} image${images.length === 1 ? '' : 's'}`, () =>
        pullImages(images, { retries: options.pullRetries, baseDelayMs: options.pullBaseDelayMs, reporter }),
      );
    }
  }

  mkdirSync(options.reportDir, { recursive: true });
  const results: KindResult[] = [];
  for (const integration of options.integrations) {
    for (const kind of options.kinds) {
      results.push(await runKind(options, ddev, integration, kind, engine));
    }
  }
  if (engine && results.some((result) => result.outcome === 'failed')) await dumpDiagnostics(composeFiles, reporter);

  const cases = results.flatMap((result) => result.cases);
  return {
    results,
    engine,
    composeFiles,
    totals: {
      passed: cases.filter((c) => c.status === 'passed').length,
      failed: cases.filter((c) => c.status === 'failed').length,
      skipped: cases.filter((c) => c.status === 'skipped').length,
      errors: cases.filter((c) => c.status === 'error').length,
    },
    durationMs: Date.now() - started,
  };
}

async function runKind(
  options: TestRunOptions,
  ddev: string,
  integration: SelectedIntegration,
  kind: TestKind,
  engine: boolean,
): Promise<KindResult> {
  const junitFile = options.junit ? path.join(options.reportDir, `${integration.name}-${kind}.xml`) : undefined;
  const args = ddevTestArgs({
    integration: integration.name,
    kind,
    pytestArgs: options.pytestArgs,
    ddevArgs: options.ddevArgs,
    ...(junitFile ? { junitFile } : {}),
  });
  const started = Date.now();
  const result = await runProcess(ddev, args, {
    cwd: options.repoPath,
    env: { ...(options.env ?? process.env), NO_COLOR: '1', DDEV_INTERACTIVE: 'false' },
    reporter: options.reporter,
    group: `${integration.name}: ${kind} tests (ddev ${args.join(' ')})`,
    timeoutMs: 60 * 60_000,
  });
  const outcome = result.exitCode === 0 ? 'passed' : result.exitCode === NO_TESTS_COLLECTED ? 'no-tests' : 'failed';
  if (outcome === 'no-tests')
    options.reporter.log(`${integration.name}: no ${kind} tests (pytest collected none with -m ${kind}).`);

  let cases: TestCase[] = [];
  let junitProblem: string | undefined;
  if (junitFile && existsSync(junitFile)) {
    const parsed = parseJUnit(readFileSync(junitFile, 'utf8'));
    if (parsed.ok) cases = parsed.report.cases.map((testCase) => relocate(testCase, integration, options.repoPath));
    else
      junitProblem = `${relativeTo(options.repoPath, junitFile)}${parsed.line ? `:${parsed.line}` : ''}: ${parsed.problem}`;
  } else if (junitFile && outcome !== 'no-tests') {
    junitProblem = `ddev produced no JUnit report (${relativeTo(options.repoPath, junitFile)}): ${lastLines(result.stderr || result.stdout, 3).join(' ')}`;
  }
  const output = `${result.stdout}\n${result.stderr}`;
  const dockerHint =
    outcome === 'failed' && kind === 'integration' && !engine && DOCKER_TROUBLE.test(output)
      ? "The integration tests failed on Docker errors, and no Docker engine answered on this runner: use a runner with Docker (ubuntu-*), or make the tests' environment work without it."
      : undefined;
  return {
    integration: integration.name,
    kind,
    outcome,
    exitCode: result.exitCode,
    junitFile,
    junitProblem,
    cases,
    durationMs: Date.now() - started,
    dockerHint,
  };
}

/** JUnit paths are relative to the integration folder (where pytest ran); annotations want the repository's. */
function relocate(testCase: TestCase, integration: SelectedIntegration, repoPath: string): TestCase {
  if (!testCase.location || path.isAbsolute(testCase.location.file)) return testCase;
  return {
    ...testCase,
    location: { ...testCase.location, file: relativeTo(repoPath, path.join(integration.path, testCase.location.file)) },
  };
}
