import { existsSync } from 'node:fs';
import path from 'node:path';
import { runChecked, UserError, whichOnPath, type Reporter } from '@aic/runtime';

/** ddev 20's scaffold subcommands (`ddev create --help`); `check` makes a new Agent check integration. */
export const TEMPLATES = ['check', 'check-only', 'jmx', 'logs', 'event', 'metrics-crawler'] as const;
export type Template = (typeof TEMPLATES)[number];

/**
 * Scaffolds a missing integration with the installed ddev, non-interactively: the dry run first, printed
 * in its own log group, then the real run. Returns the folder made.
 */
export async function createIntegration(options: {
  repoPath: string;
  name: string;
  template: Template;
  reporter: Reporter;
}): Promise<string> {
  const folder = path.join(options.repoPath, options.name);
  if (existsSync(folder))
    throw new UserError(`${options.name} already exists in ${options.repoPath}: nothing to create.`);
  const ddev = whichOnPath('ddev');
  if (!ddev)
    throw new UserError("Input 'create': ddev is not on PATH.", {
      hint: 'Run the setup-ddev action before this step.',
    });
  const args = ['--no-interactive', 'create', options.template, options.name, '--location', options.repoPath];
  await runChecked(ddev, [...args, '--dry-run'], {
    reporter: options.reporter,
    group: `ddev create ${options.template} ${options.name} (dry run)`,
    what: 'ddev create --dry-run',
  });
  await runChecked(ddev, args, {
    reporter: options.reporter,
    group: `ddev create ${options.template} ${options.name}`,
    what: 'ddev create',
  });
  if (!existsSync(folder)) throw new UserError(`ddev create finished but ${folder} was not made.`);
  return folder;
}
