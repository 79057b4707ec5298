import fc from 'fast-check';
import { backgroundPhase } from '@aic/runtime/actions';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { classifyIntegrationFile, affectsAllIntegrations, checkFolderOf, planChanges } from '@aic/changes';
import {
  hasRuffSettings,
  INTEGRATION_VALIDATIONS,
  parseMarkers,
  parseValidationOutput,
  parseVersionRequest,
  plainText,
  pythonAllowed,
  REPOSITORY_VALIDATIONS,
  supportVerdict,
  type ValidationName,
} from '@aic/ddev';
import { checkIntegrationName, isPep440, normalizeCheckName, readAboutVersion, tomlKeyLine } from '@aic/integration';
import { fileFromClassname, locationFromTraceback, parseJUnit, projectFile, tracebackFrames } from '@aic/junit';
import {
  bumpKind,
  isCalendarDate,
  lintChangelog,
  lintHistory,
  parseChangelog,
  staleVersionReferences,
} from '@aic/release-notes';
import {
  argumentList,
  boolean,
  choice,
  commandLine,
  describeError,
  integer,
  lastLines,
  list,
  markdown,
  readInputs,
  readUserTextFile,
  splitArguments,
  splitList,
  text,
} from '@aic/runtime';
import {
  isJmxIntegration,
  parseBuiltWheels,
  parseRecord,
  parseWheelFilename,
  readMetadata,
  readWheel,
  requirementLines,
  inspectWheel,
} from '@aic/wheel';
import { resolveOutDir } from '@aic/steps/build-wheel';
import { gatherFacts } from '../../packages/steps/src/scaffold-check/gather.js';
import { composeImages, countsFromSummary, isRateLimited, namedComposeFiles } from '@aic/steps/integration-tests';
import { interpolateCompose } from '@aic/integration';
import { checkTagFormat, checkTagName, tagName } from '@aic/release-notes';
import { baseFromEvent, parseIntegrationsSpec, resolveIntegrationsPath } from '@aic/repository';
import { parseCli } from '../../packages/cli/src/args.js';
import { readActionInputs as buildWheelInputs } from '../../actions/build-wheel/src/inputs.js';
import { readActionInputs as planInputs } from '../../actions/plan/src/inputs.js';
import { readActionInputs as releaseInputs } from '../../actions/release-integration/src/inputs.js';
import { readActionInputs as testsInputs } from '../../actions/run-integration-tests/src/inputs.js';
import { readActionInputs as scaffoldInputs } from '../../actions/scaffold-check/src/inputs.js';
import { readActionInputs as setupInputs } from '../../actions/setup-ddev/src/inputs.js';
import { readActionInputs as validateInputs } from '../../actions/validate-integration/src/inputs.js';
import { readActionInputs as notesInputs } from '../../actions/validate-release-notes/src/inputs.js';
import { hostileLines, hostileText, inputText, zipBytes } from './arbitraries.js';

/** One thing that reads user input: how to make such input, and how to feed it. */
export interface FuzzTarget {
  name: string;
  arbitrary: fc.Arbitrary<unknown>;
  run(input: unknown): unknown;
}

const target = <T>(name: string, arbitrary: fc.Arbitrary<T>, run: (input: T) => unknown): FuzzTarget => ({
  name,
  arbitrary,
  run: run as (input: unknown) => unknown,
});

const CHANGELOG = [
  '#',
  '##',
  '###',
  '####',
  '## 1.0.0 / 2024-01-31',
  '1.2.3',
  'v1.0',
  '***Added***:',
  '***Fixed***:',
  '***',
  '**',
  '_',
  'Added',
  'Removed',
  'Security',
  '* ',
  '- ',
  '  ',
  '2024-13-45',
  '0099-01-01',
  '/',
  ' - ',
  '<!--',
  '-->',
  '===',
  '---',
  '(',
  ')',
];
const VERSION = [
  '1',
  '0',
  '.',
  '1.0.0',
  'rc',
  'a',
  'b',
  'post',
  'dev',
  '+',
  '-',
  '_',
  '!',
  'v',
  '*',
  '(',
  '[',
  '\\',
  '$',
];
const PATHS = [
  'awesome/',
  'datadog_checks/',
  'tests/',
  'README.md',
  'CHANGELOG.md',
  'manifest.json',
  '.py',
  '../',
  '/',
  '//',
  'assets/',
  'hatch.toml',
  'pyproject.toml',
  'conftest.py',
  '.github/',
  'docs/',
  'images/',
];
const PYTEST = [
  '=',
  '==',
  '=== ',
  ' in ',
  '1.2s',
  ' passed',
  ' failed',
  ' skipped',
  ' error',
  ' errors',
  ', ',
  '(0:00:03)',
  '9',
  'E   ',
  'ImportError while loading conftest',
  "'",
  'Unknown target: ',
  'FAILED',
  'tests/test_x.py:12: AssertionError',
  'File "',
  '", line ',
  ', in ',
];
const XML = [
  '<?xml version="1.0"?>',
  '<testsuites>',
  '</testsuites>',
  '<testsuite name="x" tests="1">',
  '</testsuite>',
  '<testcase classname="tests.test_x" name="t" file="tests/test_x.py" line="3">',
  '</testcase>',
  '<failure message="m">',
  '</failure>',
  '<error/>',
  '<skipped/>',
  '<![CDATA[',
  ']]>',
  '&amp;',
  '&lt;',
  '&#x0;',
  '&e;',
  '<!DOCTYPE x [<!ENTITY e "eeee">]>',
  '="',
  '"',
  '<',
  '>',
  '/>',
];
const TOML = [
  '[project]',
  '[tool.hatch.version]',
  '[[x]]',
  'name',
  ' = ',
  '"',
  "'",
  '"""',
  'path',
  '.',
  'version = {',
  '}',
  '#',
  'a.b.c',
  '[env.collectors.datadog-checks]',
  'ruff',
  '[tool.ruff]',
  'select',
  '= [',
];
const YAML = [
  'init_config:',
  'instances:',
  '  - ',
  '&a ',
  '*a',
  '[*a, *a, *a]',
  'is_jmx: true',
  'services:',
  '  image: ',
  '${VAR:-x}',
  '${',
  '}',
  ': ',
  '- ',
  '{',
  '}',
  '!!python/object',
  '|',
  '>',
  '---',
  '...',
  '? ',
];
const DDEV = [
  'Validating ',
  'error: ',
  'File: ',
  'line ',
  ':',
  'datadog_checks/',
  'spec.yaml',
  '- name: ',
  'Expected',
  '*** 22,28 ****',
  '--- 22,28 ----',
  '! ',
  '- ',
  '+ ',
  '[',
  ']',
  'pyproject.toml',
  'FAILED',
  'Traceback',
  '\u001b[31m',
  'OK',
];

const VALIDATIONS: readonly ValidationName[] = [...INTEGRATION_VALIDATIONS, ...REPOSITORY_VALIDATIONS, 'lint', 'eula'];

let scratch: string | undefined;
/** A folder of this worker's own, for the readers that take a file. */
function scratchDir(): string {
  // In memory where the machine has it (/dev/shm): ten thousand small writes per target.
  scratch ??= mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'aic-fuzz-'));
  return scratch;
}
function scratchFile(name: string, content: string | Uint8Array): string {
  const file = path.join(scratchDir(), name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

/** Raw inputs for an action: each of its inputs, set or not, to hostile or plausible text. */
function actionInputs(actionName: string): fc.Arbitrary<Record<string, string>> {
  const metadata = parseYaml(
    readFileSync(new URL(`../../actions/${actionName}/action.yml`, import.meta.url), 'utf8'),
  ) as {
    inputs: Record<string, unknown>;
  };
  const names = Object.keys(metadata.inputs);
  return fc.record(
    Object.fromEntries(
      names.map((name) => [
        name,
        inputText([
          'a',
          'b',
          ',',
          ' ',
          '\n',
          '-',
          '<version>',
          '<integration>',
          '${{',
          '1.0.0',
          'dist',
          '[]',
          '{"filename":"x.whl","sha256":"',
        ]),
      ]),
    ),
    {
      requiredKeys: [],
    },
  ) as fc.Arbitrary<Record<string, string>>;
}

type ReadInputs = (source: (name: string) => string | undefined) => unknown;
const READERS: Record<string, ReadInputs> = {
  'build-wheel': buildWheelInputs,
  plan: planInputs,
  'release-integration': releaseInputs,
  'run-integration-tests': testsInputs,
  'scaffold-check': scaffoldInputs,
  'setup-ddev': setupInputs,
  'validate-integration': validateInputs,
  'validate-release-notes': notesInputs,
};

const actionTarget = (actionName: string) =>
  target(
    `actions/${actionName} inputs`,
    fc.tuple(actionInputs(actionName), fc.constantFrom(undefined, 'push', 'pull_request', 'workflow_dispatch')),
    ([inputs]) => READERS[actionName]!((name) => inputs[name]),
  );

export const targets: FuzzTarget[] = [
  // release notes
  target('changelog: parse', hostileLines(CHANGELOG, 40), (text) => parseChangelog(text)),
  target('changelog: parse + lint', hostileLines(CHANGELOG, 40), (text) => {
    const changelog = parseChangelog(text);
    return [lintChangelog(changelog, '2026-01-31'), lintHistory(changelog, '2026-01-31')];
  }),
  target('changelog: one hostile line', hostileText(CHANGELOG, { maxChunks: 60 }), (line) =>
    parseChangelog(`## 1.0.0\n\n${line}\n`),
  ),
  target(
    'stale version references',
    fc.tuple(
      hostileLines(['datadog-', 'datadog_', 'awesome', '==', ' ', '-py3', '1.0.0', '.whl'], 20),
      hostileText(['awesome', '_', '-']),
      hostileText(VERSION),
    ),
    ([text, integration, previous]) => staleVersionReferences(text, integration, previous),
  ),
  target('bump kind', fc.tuple(fc.option(hostileText(VERSION)), hostileText(VERSION)), ([previous, next]) =>
    bumpKind(previous ?? undefined, next),
  ),
  target('calendar date', hostileText(['2024', '-', '01', '31', '0099', '02-29', '13']), (value) =>
    isCalendarDate(value),
  ),
  // integration layout
  target(
    '__about__.py version',
    hostileLines(['__version__', ' = ', '"', "'", '1.0.0', '#', '\\', 'u', 'f', 'b"'], 10),
    (value) => readAboutVersion(value),
  ),
  target('integration name', inputText(['awesome', '_', '-', '.', 'A', '1', '/', '..']), (value) => [
    checkIntegrationName(value),
    normalizeCheckName(value),
  ]),
  target('PEP 440 version', hostileText(VERSION), (value) => isPep440(value)),
  target(
    'TOML key line',
    fc.tuple(hostileLines(TOML, 30), hostileText(['project', 'name', '.', 'tool', 'hatch', '"'])),
    ([text, key]) => tomlKeyLine(text, key),
  ),
  // changes
  target('changed path kind', hostileText(PATHS), (value) => [
    classifyIntegrationFile(value),
    affectsAllIntegrations(value),
    checkFolderOf(value),
  ]),
  target(
    'change plan',
    fc.tuple(
      fc.array(
        fc.record({
          path: hostileText(PATHS, { maxChunks: 8 }),
          status: fc.constantFrom('added', 'modified', 'deleted'),
        }),
        { maxLength: 40 },
      ),
      fc.constantFrom('', 'integrations', 'a/b'),
    ),
    ([changes, within]) =>
      planChanges(
        changes as never,
        (folder) => (folder.includes('awesome') ? { folder, name: 'awesome' } : undefined),
        undefined,
        within,
      ),
  ),
  // wheels
  target('wheel: read (zip)', zipBytes(), (bytes) => readWheel(bytes)),
  target('wheel: inspect', zipBytes(), (bytes) => {
    const files = readWheel(bytes);
    if ('problem' in files) return files;
    return [
      inspectWheel(files, {
        filename: 'datadog_awesome-1.0.0-py3-none-any.whl',
        integration: 'awesome',
        project: 'datadog-awesome',
        version: '1.0.0',
      }),
      isJmxIntegration(files, 'datadog_checks/awesome'),
    ];
  }),
  target(
    'wheel: METADATA',
    hostileLines(['Name: ', 'Version: ', 'Requires-Dist: ', 'datadog-checks-base', '>=', ':', ' '], 20),
    (value) => readMetadata(value),
  ),
  target('wheel: RECORD (CSV)', hostileLines(['"', '""', ',', 'sha256=', 'datadog_checks/x.py', '\r\n'], 30), (value) =>
    parseRecord(value),
  ),
  target(
    'wheel: file name',
    hostileText(['datadog_awesome', '-', '1.0.0', 'py3', 'none', 'any', '.whl', '_', '.', 'py2.py3']),
    (value) => parseWheelFilename(value),
  ),
  target(
    'wheel: requirements',
    hostileLines(
      ['datadog-checks-base', '[', ']', '==', '>=', ';', 'python_version', '#', '-r ', '--hash=', '\\', 'http://'],
      20,
    ),
    (value) => requirementLines(value),
  ),
  target(
    'wheel hashes input',
    inputText([
      '[',
      ']',
      '{',
      '}',
      '"filename"',
      '"sha256"',
      ':',
      ',',
      '"x.whl"',
      '"' + 'a'.repeat(64) + '"',
      'null',
      '../',
    ]),
    (value) => parseBuiltWheels(value),
  ),
  // JUnit
  target('JUnit report', hostileLines(XML, 20), (xml) => parseJUnit(xml, { root: '/work/awesome' })),
  target('tracebacks', hostileLines(PYTEST, 20), (value) => [
    tracebackFrames(value),
    locationFromTraceback(value, 'tests/test_x.py'),
    fileFromClassname(value),
    projectFile(value, '/work/awesome'),
  ]),
  // ddev
  target('ddev version request', inputText(VERSION.concat(['latest', '>=', '<', '~=', ',', '==', ' '])), (value) => [
    parseVersionRequest(value),
    supportVerdict(value),
  ]),
  target(
    'python allowed',
    fc.tuple(fc.option(hostileText(VERSION.concat(['>=', '<', ',', '!=']))), hostileText(VERSION)),
    ([requires, python]) => pythonAllowed(requires ?? undefined, python),
  ),
  target('ruff settings (pyproject)', hostileLines(TOML, 30), (value) => hasRuffSettings(value)),
  target(
    'ddev validation output',
    fc.tuple(
      fc.constantFrom(...VALIDATIONS),
      fc.integer({ min: 0, max: 2 }),
      hostileLines(DDEV, 40),
      fc.constantFrom('awesome', 'a-b', 'x(y'),
    ),
    ([validation, exitCode, output, name]) => [
      plainText(output),
      parseValidationOutput({
        validation,
        exitCode,
        output,
        target: name,
        integrationPath: `/repo/${name}`,
        readFile: () => output,
      }),
    ],
  ),
  // runtime
  target(
    'typed inputs',
    fc.dictionary(
      fc.constantFrom('name', 'flag', 'mode', 'count', 'items', 'args'),
      inputText(['true', 'yes', '1', 'a', ',', '"', "'", '\\']),
    ),
    (raw) =>
      readInputs(
        {
          name: text({ required: true }),
          flag: boolean(false),
          mode: choice(['a', 'b'] as const, 'a'),
          count: integer({ default: 1, min: 0, max: 9 }),
          items: list(),
          args: argumentList(),
        },
        (name) => raw[name],
      ),
  ),
  target('argument splitting', hostileText(['"', "'", '\\', ' ', '-k', 'a b', '--tb=short']), (value) => [
    splitArguments(value),
    splitList(value),
  ]),
  target('markdown and messages', hostileLines(['|', '<', '>', '&', '`', '```', '\n', '*'], 10), (value) => [
    markdown.escapeCell(value),
    markdown.escapeHtml(value),
    markdown.codeBlock(value),
    markdown.details(value, value),
    commandLine(value, [value]),
    lastLines(value),
    describeError(new Error(value)),
  ]),
  // steps
  target('pytest summary', hostileLines(PYTEST, 30), (value) => countsFromSummary(value)),
  target('markers input', inputText(['unit', 'integration', 'not', 'and', 'or', '(', ')', ' ', 'e2e']), (value) =>
    parseMarkers(value),
  ),
  target('background input', inputText(['start', 'collect', ' ', '\n', 'START', ';']), (value) =>
    backgroundPhase({ INPUT_BACKGROUND: value }),
  ),
  target(
    'integrations input',
    fc.tuple(
      inputText(['all', 'changed', ',', ' ', 'awesome', '../', '-x']),
      fc.constantFrom(undefined, 'push', 'pull_request'),
    ),
    ([value]) => parseIntegrationsSpec(value),
  ),
  target(
    'compose interpolation',
    fc.tuple(
      hostileText(['${', '}', 'VAR', ':-', '-', '$$', 'x', '${VAR:-${X}}']),
      fc.dictionary(fc.constantFrom('VAR', 'X', 'TAG'), fc.string({ maxLength: 5 })),
    ),
    ([value, env]) => [interpolateCompose(value, env), isRateLimited(value)],
  ),
  target(
    'tag format and names',
    fc.tuple(
      inputText(['<integration>', '<version>', '<', '>', '/', '.lock', '..', '@{', '-', 'v']),
      hostileText(['awesome', '_']),
      hostileText(VERSION),
    ),
    ([format, integration, version]) => {
      const problem = checkTagFormat(format);
      return problem ?? checkTagName(tagName(format, integration, version));
    },
  ),
  target(
    'integrations-path and out-dir inputs',
    inputText(['.', '..', '/', 'integrations', '\\', 'C:', './', 'a/../..']),
    (value) => {
      const repo = scratchDir();
      return [resolveIntegrationsPath(value, repo), resolveOutDir(repo, value)];
    },
  ),
  target(
    'compose-files input',
    fc.array(inputText(['tests/', 'docker-compose.yml', '../', '/', '..', '.']), { maxLength: 3 }),
    (names) => namedComposeFiles(scratchDir(), names),
  ),
  target(
    'event payload file',
    hostileLines(
      [
        '{',
        '}',
        '"pull_request"',
        '"base"',
        '"sha"',
        '"before"',
        ':',
        '"0000000000000000000000000000000000000000"',
        '[',
        ']',
        'null',
        ',',
      ],
      5,
    ),
    (value) => baseFromEvent(scratchFile('event.json', value)),
  ),
  target(
    'user text file',
    fc.oneof(
      hostileText(CHANGELOG).map((value) => Buffer.from(value)),
      fc.uint8Array({ maxLength: 200 }),
    ),
    (bytes) => readUserTextFile(scratchFile('text.md', bytes), 'text.md'),
  ),
  target('compose file', hostileLines(YAML, 30), (value) =>
    composeImages(scratchFile('tests/docker-compose.yml', value), scratchDir(), { VAR: 'v' }),
  ),
  target(
    'integration files (pyproject, hatch.toml, conf.yaml.example)',
    fc.tuple(hostileLines(TOML, 15), hostileLines(TOML, 10), hostileLines(YAML, 20)),
    ([pyproject, hatch, example]) => {
      const folder = path.join(scratchDir(), 'awesome');
      scratchFile('awesome/pyproject.toml', pyproject);
      scratchFile('awesome/hatch.toml', hatch);
      scratchFile('awesome/datadog_checks/awesome/data/conf.yaml.example', example);
      return gatherFacts({ folder: 'awesome', name: 'awesome', path: folder }, {}, (file) => `awesome/${file}`);
    },
  ),
  target(
    'aic command line',
    fc.array(
      inputText([
        'check',
        'test',
        'wheel',
        'release',
        '--repo',
        '--base',
        '-i',
        '--',
        '--json',
        '--integrations-path',
        '-k',
        '=',
      ]),
      { maxLength: 8 },
    ),
    (argv) => parseCli(argv, scratchDir()),
  ),
  // every action's input reader
  ...Object.keys(READERS).map(actionTarget),
];
