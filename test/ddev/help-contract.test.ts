import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import {
  createCommand,
  ddevArgsFor,
  ddevTestArgs,
  FIX_COMMANDS,
  INTEGRATION_VALIDATIONS,
  REPOSITORY_VALIDATIONS,
  validationArgs,
} from '@aic/ddev';
import { TEMPLATES } from '@aic/steps/scaffold-check';
import { ddevEnvironment, pythonTools, repoRoot } from '../harness/index.js';

// Every ddev command line our steps build, held against this ddev's own --help ("read the installed ddev's
// --help: flags changed across versions"): the subcommand exists and lists each flag we pass. The help texts
// come from one Python process (ddev-help.py walks ddev's click commands) instead of ~20 ddev start-ups; one
// real `ddev create --help` shows they are the same text.
const tools = pythonTools();
const env = ddevEnvironment(repoRoot, tools);
const GLOBAL_FLAGS = new Set(['--here', '--no-interactive']);
const target = { cwd: repoRoot, target: 'awesome' };
function helpTexts(paths: string[][]): Record<string, string | null> {
  const script = path.join(repoRoot, 'test', 'ddev', 'ddev-help.py');
  const python = path.join(path.dirname(tools.ddev), 'python');
  const run = spawnSync(python, [script, ...paths.map((words) => JSON.stringify(words))], { env, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Record<string, string | null>;
}

// Which create this ddev has is read from its help, not from our version table, so that the table is tested.
const texts = helpTexts([[], ['create'], ...TEMPLATES.map((template) => ['create', template])]);
const createIsGroup = /^Commands:/m.test(texts.create ?? '');
const createPath = (template: string) => (createIsGroup ? ['create', template] : ['create']);

/** [the subcommand, the argument array after `ddev` that our code builds for it]. */
const commands: [string[], string[]][] = [
  ...[...INTEGRATION_VALIDATIONS, 'eula' as const].map((name): [string[], string[]] => [
    ['validate', name],
    validationArgs(name, 'awesome'),
  ]),
  ...REPOSITORY_VALIDATIONS.map((name): [string[], string[]] => [['validate', name], validationArgs(name, undefined)]),
  [['test'], validationArgs('lint', 'awesome')],
  ...FIX_COMMANDS.map((fix): [string[], string[]] => {
    const args = fix.args('awesome');
    return [args.slice(0, args[0] === 'validate' ? 2 : 1), args];
  }),
  [['test'], ddevTestArgs({ target, markers: 'unit', junitFile: 'j.xml', pytestArgs: [], ddevArgs: [] })],
  [['release', 'build'], ddevArgsFor(target, ['release', 'build'])],
  ...TEMPLATES.flatMap((template): [string[], string[]][] =>
    [true, false].map((dryRun) => [
      createPath(template),
      createCommand(tools.ddevVersion, { template, name: 'fresh', location: '/r', dryRun }).args,
    ]),
  ),
];

Object.assign(texts, helpTexts(commands.map(([words]) => words)));

/** A flag is listed as itself in click's help (`-s, --lint`, `--dry-run`, `--interactive / --no-interactive`). */
const lists = (text: string | null | undefined, flag: string) =>
  new RegExp(`(^|[\\s,/])${flag.replace(/-/g, '\\-')}([\\s,=]|$)`, 'm').test(text ?? '');

describe(`ddev ${tools.ddevVersion} takes every command line we build`, () => {
  test.each(commands.map(([words, args]) => [args.join(' '), words, args] as const))('ddev %s', (_, words, args) => {
    const text = texts[words.join(' ')];
    expect({ subcommand: words, exists: typeof text === 'string' }).toEqual({ subcommand: words, exists: true });
    const beforePytest = args.slice(0, args.includes('--') ? args.indexOf('--') : args.length);
    for (const flag of beforePytest.filter((arg) => arg.startsWith('-'))) {
      const where = GLOBAL_FLAGS.has(flag) ? texts[''] : text;
      expect({ flag, listed: lists(where, flag) }).toEqual({ flag, listed: true });
    }
    if (words[0] === 'create' && createIsGroup) expect(args.slice(1, 3)).toEqual(['create', words[1]]);
    if (words[0] === 'create' && !createIsGroup) {
      const type = args[args.indexOf('--type') + 1]!;
      expect(text).toMatch(new RegExp(`--type \\[[^\\]]*\\b${type}\\b`));
    }
  });

  test('the help texts are what the ddev command prints, and ddev --version names the version provisioned', () => {
    const notice = /^An upgrade to version .*\n?/m;
    const create = spawnSync(tools.ddev, ['create', '--help'], { env, encoding: 'utf8', timeout: 120_000 });
    expect(create.stdout.replace(notice, '').trimEnd()).toBe(texts.create?.trimEnd());
    const version = spawnSync(tools.ddev, ['--version'], { env, encoding: 'utf8', timeout: 120_000 });
    expect(version.stdout.trim()).toBe(`ddev, version ${tools.ddevVersion}`);
  });
});
