import { parseArgs } from 'node:util';
import { UserError } from '@aic/runtime';

export const COMMANDS = ['ci', 'plan', 'check', 'validate', 'fix', 'notes', 'test', 'wheel', 'release'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface CliOptions {
  command: CommandName;
  /** Integration names; empty means "changed" when a base is given, else all. */
  integrations: string[];
  repo: string;
  base: string | undefined;
  json: boolean;
  /** `test`/`ci`: which tests. */
  tests: 'unit' | 'integration' | 'all';
  ddevVersion: string | undefined;
  /** The interpreter for ddev, builds and smoke tests (3.13 for ddev 15+). */
  python: string;
  /** `notes --changelog FILE`: lint one file, no integration. */
  changelog: string | undefined;
  outDir: string | undefined;
  /** Arguments after `--`, passed to pytest by `test`. */
  pytestArgs: string[];
  /** The folder that holds the integrations, as given ('' for the repository root). */
  integrationsPath: string;
  repoKind: 'auto' | 'extras' | 'marketplace' | 'core';
  builder: 'ddev' | 'pip' | 'uv' | undefined;
  smokeTest: boolean;
  /** The Agent's package set for the smoke test: '' (the Agent release's), `pypi`, a path or an https URL. */
  agentRequirements: string;
}

export const USAGE = `Usage: aic <command> [options]

Commands:
  ci        the whole pipeline, in order: plan, setup ddev, scaffold check, release notes, tests, wheel
  check     the integration's layout and AgentCheck (scaffold check)
  validate  Datadog's own validations (ddev validate …, as integrations-extras' CI runs them) and ddev test --lint
  fix       ddev's syncing forms (validate config -s, validate models -s, test --fmt); prints what changed
  plan      which integrations changed since --base
  notes     release notes and the version bump (--changelog FILE lints one file)
  test      every test through ddev, one session per integration (pytest args after --)
  wheel     build, inspect and smoke-install the wheel
  release   what a release would tag and publish (--dry-run; tags and releases are made by the action)

Options:
  -i, --integration NAME   an integration to run (repeatable; default: changed since --base, else all)
  -r, --repo PATH          the repository (default: the current directory)
      --integrations-path DIR  the folder in the repository that holds the integrations (default: .)
      --repo-kind KIND     the ddev repository kind: auto, extras, marketplace or core (default: auto)
  -b, --base REF           the base to compare with (default: none; with none, every integration)
      --tests KIND         all (default: every test, as Datadog's CI), unit or integration (-m filter)
      --ddev-version V     the ddev to install (default: the pinned version)
      --python PATH        the interpreter (default: $AIC_PYTHON, else python3; ddev needs 3.13)
      --changelog FILE     notes: lint this changelog file only
      --out-dir DIR        wheel: where wheels go (default: dist in the repository)
      --builder TOOL       wheel: ddev, pip or uv (default: ddev once set up, else pip)
      --no-smoke-test      wheel: build and inspect only, no smoke install
      --agent-requirements SET  wheel: the Agent's package set for the smoke test: a file, an https URL,
                           or pypi (default: the Agent release's agent_requirements.in, else pypi)
      --dry-run            release: print the plan, change nothing (required)
      --json               print the results as JSON (for machines)
  -h, --help               this text
`;

export function parseCli(argv: readonly string[], cwd: string): CliOptions | 'help' {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') return 'help';
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UserError(`Unknown command '${command}'.`, { hint: `Use one of: ${COMMANDS.join(', ')} (aic --help).` });
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      strict: true,
      options: {
        integration: { type: 'string', short: 'i', multiple: true },
        repo: { type: 'string', short: 'r' },
        base: { type: 'string', short: 'b' },
        tests: { type: 'string' },
        'ddev-version': { type: 'string' },
        python: { type: 'string' },
        changelog: { type: 'string' },
        'out-dir': { type: 'string' },
        'integrations-path': { type: 'string' },
        'repo-kind': { type: 'string' },
        builder: { type: 'string' },
        'no-smoke-test': { type: 'boolean' },
        'agent-requirements': { type: 'string' },
        json: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UserError(`${(error as Error).message.replace(/\. To specify.*$/s, '')}.`, { hint: 'See aic --help.' });
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const dashDash = rest.indexOf('--');
  const pytestArgs = dashDash >= 0 ? rest.slice(dashDash + 1) : [];
  const stray = positionals.slice(0, positionals.length - pytestArgs.length);
  if (stray.length > 0) {
    throw new UserError(`Unexpected argument '${stray[0]}'.`, { hint: 'Name integrations with --integration NAME.' });
  }
  if (pytestArgs.length > 0 && command !== 'test' && command !== 'ci') {
    throw new UserError(`Arguments after '--' are for pytest, which only 'aic test' and 'aic ci' run.`);
  }
  const tests = values.tests ?? 'all';
  if (tests !== 'unit' && tests !== 'integration' && tests !== 'all') {
    throw new UserError(`--tests ${JSON.stringify(tests)} is not one of unit, integration, all.`);
  }
  const repoKind = values['repo-kind'] ?? 'auto';
  if (repoKind !== 'auto' && repoKind !== 'extras' && repoKind !== 'marketplace' && repoKind !== 'core') {
    throw new UserError(`--repo-kind ${JSON.stringify(repoKind)} is not one of auto, extras, marketplace, core.`);
  }
  const builder = values.builder;
  if (builder !== undefined && builder !== 'ddev' && builder !== 'pip' && builder !== 'uv') {
    throw new UserError(`--builder ${JSON.stringify(builder)} is not one of ddev, pip, uv.`);
  }
  if (command === 'release' && !values['dry-run']) {
    throw new UserError('aic release only prints the plan: add --dry-run.', {
      hint: 'Tags and GitHub releases are made by the release-integration action on your default branch.',
    });
  }
  return {
    command: command as CommandName,
    integrations: values.integration ?? [],
    repo: values.repo ?? cwd,
    base: values.base,
    json: values.json ?? false,
    tests,
    ddevVersion: values['ddev-version'],
    python: values.python ?? process.env.AIC_PYTHON ?? 'python3',
    changelog: values.changelog,
    outDir: values['out-dir'],
    pytestArgs,
    integrationsPath: values['integrations-path'] ?? '',
    repoKind,
    builder,
    smokeTest: !values['no-smoke-test'],
    agentRequirements: values['agent-requirements'] ?? '',
  };
}
