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

export function scratchDir(temp: string, label: string): string {
  const base = path.join(temp, 'agent-integration-ci');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(path.join(base, `${label}-`));
}
