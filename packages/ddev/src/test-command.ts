import { ddevArgsFor, type DdevTarget } from './target.js';

/**
 * The `ddev test` command line for one integration, the way Datadog's gate runs it (integrations-core's
 * test-target.yml: `ddev test <target> -- <args>`): one pytest session over every test, no marker filter
 * unless the user asks for one.
 */
export function ddevTestArgs(options: {
  target: DdevTarget;
  /** A pytest marker expression (`-m`); none runs every test. */
  markers?: string | undefined;
  junitFile?: string | undefined;
  pytestArgs: readonly string[];
  ddevArgs: readonly string[];
}): string[] {
  const pytest = [
    ...(options.markers ? ['-m', options.markers] : []),
    // xunit1 carries each test's file and line, so that a failure with no project frame still has a place.
    ...(options.junitFile ? [`--junitxml=${options.junitFile}`, '-o', 'junit_family=xunit1'] : []),
    ...options.pytestArgs,
  ];
  return ddevArgsFor(options.target, ['test', ...options.ddevArgs], pytest.length > 0 ? ['--', ...pytest] : []);
}

/**
 * Hatch runs pytest once per environment of the integration's matrix and formats `{env_name}` in the
 * arguments, so that each environment writes its own report instead of overwriting the previous one.
 */
export const JUNIT_FILE_NAME = 'junit-{env_name}.xml';

/** pytest's exit codes (ddev exits with pytest's). */
export const PYTEST_EXIT = { ok: 0, testsFailed: 1, interrupted: 2, internalError: 3, usageError: 4, noTests: 5 };

const MARKER_EXPRESSION = /^[A-Za-z0-9_ ()]+$/;

/** A pytest `-m` expression as the user typed it, or a problem (it is passed as one argument, never to a shell). */
export function parseMarkers(raw: string): string | undefined | { problem: string } {
  const markers = raw.trim();
  if (markers === '') return undefined;
  if (!MARKER_EXPRESSION.test(markers)) {
    return {
      problem: `${JSON.stringify(markers)} is not a pytest marker expression: use marker names with and/or/not and parentheses, e.g. 'unit' or 'not e2e'.`,
    };
  }
  return markers;
}
