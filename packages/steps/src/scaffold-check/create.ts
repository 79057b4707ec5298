import { existsSync } from 'node:fs';
import path from 'node:path';
import { createCommand, parseDdevVersionOutput } from '@aic/ddev';
import { runChecked, UserError, whichOnPath, type Reporter } from '@aic/runtime';

/** ddev 17+'s scaffold subcommands (`ddev create --help`; older ddev takes them as `--type`, with underscores). */
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
  // The command line changed in ddev 17 (subcommands; before, --type and prompts): ask the installed one.
  const version = parseDdevVersionOutput(
    (await runChecked(ddev, ['--version'], { timeoutMs: 60_000, what: 'ddev --version' })).stdout,
  );
  const form = { template: options.template, name: options.name, location: options.repoPath };
  const dryRun = createCommand(version, { ...form, dryRun: true });
  await runChecked(ddev, dryRun.args, {
    reporter: options.reporter,
    group: `ddev create ${options.template} ${options.name} (dry run)`,
    what: 'ddev create --dry-run',
    ...(dryRun.input === undefined ? {} : { input: dryRun.input }),
  });
  const create = createCommand(version, { ...form, dryRun: false });
  await runChecked(ddev, create.args, {
    reporter: options.reporter,
    group: `ddev create ${options.template} ${options.name}`,
    what: 'ddev create',
    ...(create.input === undefined ? {} : { input: create.input }),
  });
  if (!existsSync(folder)) throw new UserError(`ddev create finished but ${folder} was not made.`);
  return folder;
}
