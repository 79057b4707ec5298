import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseValidationOutput, type ValidationFinding } from './validation-output.js';
import type { ValidationName } from './validation-set.js';

// Fixtures are real ddev 20.1.0 output, captured on examples/awesome (staged at /tmp/vt/f/awesome) with one
// planted fault each; lint outputs keep ruff's colours as hatch prints them.
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string) => readFileSync(path.join(fixtures, `${name}.txt`), 'utf8');

const SPEC = [
  'name: Awesome',
  'files:',
  '- name: awesome.yaml',
  '  options:',
  '  - template: instances',
  '    options:',
  '    - name: timeout',
  '      value:',
  '        type: number',
].join('\n');

const parse = (validation: ValidationName, name: string, exitCode: number) =>
  parseValidationOutput({
    validation,
    exitCode,
    output: fixture(name),
    target: 'awesome',
    integrationPath: '/tmp/vt/f/awesome',
    readFile: (file) => (file === 'assets/configuration/spec.yaml' ? SPEC : undefined),
  });

/** A matcher standing in for one finding in the expected list. */
const at = (
  file: string | undefined,
  line: number | undefined,
  message: RegExp | string,
  level = 'error',
): ValidationFinding =>
  expect.objectContaining({
    level,
    file,
    line,
    message: typeof message === 'string' ? message : expect.stringMatching(message),
  }) as unknown as ValidationFinding;

describe('parseValidationOutput, on real ddev output', () => {
  test.each<[ValidationName, string, number, ValidationFinding[]]>([
    ['config', 'config-pass', 0, []],
    [
      'config',
      'config-legacy',
      1,
      [at('datadog_checks/awesome/data/conf.yaml.example', 34, 'Type number is not accepted')],
    ],
    [
      'config',
      'config-sync',
      1,
      [
        at(
          'datadog_checks/awesome/data/conf.yaml.example',
          25,
          /conf\.yaml\.example is not in sync with assets\/configuration\/spec\.yaml: run "ddev validate config awesome -s"/,
        ),
      ],
    ],
    [
      'config',
      'config-spec-error',
      1,
      [at('assets/configuration/spec.yaml', 7, /^Option name 'timeout' contains .* - 'bogus_key' Value-level/)],
    ],
    [
      'metadata',
      'metadata',
      1,
      [
        at('metadata.csv', 4, 'awesome.short has the wrong number of columns.'),
        at('metadata.csv', undefined, /`bad` appears 1 time\(s\) and does not match metric_prefix/),
      ],
    ],
    [
      'metadata',
      'metadata-prefix',
      1,
      [at('manifest.json', undefined, /metric_prefix does not exist .* Set assets\.integration\.metrics\.prefix/)],
    ],
    [
      'imports',
      'imports',
      1,
      [at('datadog_checks/awesome/old.py', 2, /`from datadog_checks.checks import AgentCheck`/)],
    ],
    // ddev prints the legacy signature but exits 0: Datadog's CI passes, so it is a warning here.
    ['legacy-signature', 'legacy-signature', 0, [at('old.py', 6, /Legacy Agent signature/, 'warning')]],
    [
      'package',
      'package',
      1,
      [at('pyproject.toml', undefined, 'The name in pyproject.toml: awesome must be: `datadog-awesome`')],
    ],
    ['readmes', 'readmes', 1, [at('README.md', undefined, 'readme is missing a Overview H2 (##) section')]],
    [
      'lint',
      'lint-check',
      1,
      [
        at('datadog_checks/awesome/old.py', 1, 'ruff I001: Import block is un-sorted or un-formatted'),
        at('datadog_checks/awesome/old.py', 1, 'ruff F401: `os` imported but unused'),
        at('datadog_checks/awesome/old.py', 7, 'ruff F841: Local variable `x` is assigned to but never used'),
      ],
    ],
    [
      'models',
      'models-sync',
      1,
      [
        at(
          'datadog_checks/awesome/config_models/instance.py',
          undefined,
          'instance.py is not in sync with assets/configuration/spec.yaml: run "ddev validate models awesome -s" (or aic fix).',
        ),
      ],
    ],
    ['lint', 'lint-format', 1, [at('datadog_checks/awesome/fmt.py', 1, /ruff format/)]],
  ])('%s: %s (exit %d)', (validation, name, exitCode, expected) => {
    expect(parse(validation, name, exitCode)).toEqual(expected);
  });

  test('a failed run that no parser recognises still fails, with its last meaningful lines', () => {
    expect(
      parseValidationOutput({
        validation: 'ci',
        exitCode: 1,
        output: 'CI configuration is not in sync, try again with the `--sync` flag\n',
        target: 'awesome',
        integrationPath: '/repo/awesome',
      }),
    ).toEqual([
      {
        level: 'error',
        file: '.github/workflows/test-all.yml',
        line: undefined,
        message: 'ddev validate ci failed (exit 1): CI configuration is not in sync, try again with the `--sync` flag',
      },
    ]);
  });

  test('ddev cannot find the target: the failure says so', () => {
    const [finding] = parseValidationOutput({
      validation: 'lint',
      exitCode: 1,
      output: 'No testable targets found\n',
      target: 'awesome',
      integrationPath: '/repo/awesome',
    });
    expect(finding).toMatchObject({
      level: 'error',
      message: 'ddev test --lint failed (exit 1): No testable targets found',
    });
  });
});
