/** The `ddev test` command line for the installed ddev (20.x: TARGET_SPEC then pytest args after `--`). */

export type TestKind = 'unit' | 'integration';

export function ddevTestArgs(options: {
  integration: string;
  kind: TestKind;
  junitFile?: string;
  pytestArgs: readonly string[];
  ddevArgs: readonly string[];
}): string[] {
  const pytest = [
    '-m',
    options.kind,
    ...(options.junitFile ? [`--junitxml=${options.junitFile}`] : []),
    ...options.pytestArgs,
  ];
  return ['test', ...options.ddevArgs, options.integration, '--', ...pytest];
}

/** pytest's exit code 5: nothing was collected for that marker. */
export const NO_TESTS_COLLECTED = 5;
