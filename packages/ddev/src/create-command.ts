import { ddevAtLeast } from './support-range.js';

/** ddev 17.0.0 turned `ddev create --type <type> NAME` into one subcommand per template (`ddev create check NAME`). */
export const CREATE_SUBCOMMANDS_SINCE = '17.0.0';

/**
 * What ddev before 17 asks when it scaffolds outside integrations-core (it refuses `--non-interactive` there):
 * a lower-case NAME is confirmed first, then extras asks an email and an author, marketplace an email, a
 * company name, a homepage and a sales email. One answer list serves both — extra lines are never read —
 * and it holds the author ddev 17+ writes without asking, so both ends of the range scaffold alike.
 */
const LEGACY_ANSWERS = ['help@datadoghq.com', 'Datadog', 'https://www.datadoghq.com', 'info@datadoghq.com'];

export interface CreateCommand {
  args: string[];
  /** Lines for ddev's prompts on stdin (ddev before 17); undefined when it asks nothing. */
  input: string | undefined;
}

/** Python's str.islower() for an integration name: some cased letter, none upper-case. */
const pythonIsLower = (text: string) => /\p{Ll}/u.test(text) && !/\p{Lu}/u.test(text);

/**
 * The `ddev create` command line (after `ddev`) for the installed ddev: `create <template> NAME` from 17,
 * `create --type <template_with_underscores> NAME` before. `ddevVersion` undefined: the newest form.
 */
export function createCommand(
  ddevVersion: string | undefined,
  options: { template: string; name: string; location: string; dryRun: boolean },
): CreateCommand {
  const dryRun = options.dryRun ? ['--dry-run'] : [];
  if (ddevAtLeast(ddevVersion, CREATE_SUBCOMMANDS_SINCE)) {
    return {
      args: ['--no-interactive', 'create', options.template, options.name, '--location', options.location, ...dryRun],
      input: undefined,
    };
  }
  const answers = [...(pythonIsLower(options.name) ? ['y'] : []), ...(options.dryRun ? [] : LEGACY_ANSWERS)];
  return {
    args: [
      '--no-interactive',
      'create',
      '--type',
      options.template.replaceAll('-', '_'),
      options.name,
      '--location',
      options.location,
      ...dryRun,
    ],
    input: answers.length > 0 ? `${answers.join('\n')}\n` : undefined,
  };
}
