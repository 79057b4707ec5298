import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { UserError, whichOnPath } from '@aic/runtime';

export function findDdev(ddev: string | undefined, env: NodeJS.ProcessEnv): string {
  const found = ddev ?? whichOnPath('ddev', env);
  if (!found) {
    throw new UserError('ddev is not on PATH.', {
      hint: 'Run the setup-ddev action (agent-integration-ci/actions/setup-ddev) before this step.',
    });
  }
  return found;
}

/**
 * ddev's environment for one view: our config file, wide plain output for the parsers, and no GitHub
 * Actions marker — ddev would print its own `::error` commands, on staged paths and line 1.
 */
export function ddevEnv(base: NodeJS.ProcessEnv, configPath: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...base,
    DDEV_CONFIG: configPath,
    NO_COLOR: '1',
    COLUMNS: '1000',
    DDEV_INTERACTIVE: 'false',
  };
  delete env.GITHUB_ACTIONS;
  delete env.TF_BUILD;
  return env;
}

export function scratchDir(temp: string, label: string): string {
  const base = path.join(temp, 'agent-integration-ci');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(path.join(base, `${label}-`));
}
