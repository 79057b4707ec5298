import { existsSync } from 'node:fs';
import path from 'node:path';
import { runProcess, whichOnPath, type Reporter } from '@aic/runtime';
import { testEnvVars } from './hatch-env-vars.js';

/** The hatch beside ddev (the same venv), else the one on PATH. */
export function hatchBeside(ddev: string, env: NodeJS.ProcessEnv): string | undefined {
  const sibling = path.join(path.dirname(ddev), process.platform === 'win32' ? 'hatch.exe' : 'hatch');
  return existsSync(sibling) ? sibling : whichOnPath('hatch', env);
}

/**
 * The env-vars of each hatch environment `ddev test` runs for the integration (`hatch env show --json` in its
 * folder). When hatch cannot say, one empty set, and a line in the log: the tests' own environment then decides.
 */
export async function readTestEnvVars(
  hatch: string | undefined,
  integrationPath: string,
  env: NodeJS.ProcessEnv,
  reporter: Reporter,
): Promise<Record<string, string>[]> {
  if (!hatch || !existsSync(path.join(integrationPath, 'hatch.toml'))) return [{}];
  const result = await runProcess(hatch, ['env', 'show', '--json'], {
    cwd: integrationPath,
    env,
    timeoutMs: 120_000,
  }).catch(() => undefined);
  const vars = result?.exitCode === 0 ? testEnvVars(result.stdout) : undefined;
  if (vars && vars.length > 0) return vars;
  reporter.log(
    `hatch env show --json gave no environments in ${integrationPath}: compose files are read with this step's environment only.`,
  );
  return [{}];
}
