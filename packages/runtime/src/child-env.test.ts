import { describe, expect, test } from '@jest/globals';
import { childEnvironment } from './child-env.js';
import { runProcess } from './process.js';

const RUNNER = {
  ACTIONS_RUNTIME_TOKEN: 'runtime-token',
  ACTIONS_RUNTIME_URL: 'https://pipelines.example/',
  ACTIONS_RESULTS_URL: 'https://results.example/',
  ACTIONS_CACHE_URL: 'https://cache.example/',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-token',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.example/',
  GITHUB_TOKEN: 'ghs_job',
  GH_TOKEN: 'ghs_cli',
  'INPUT_GITHUB-TOKEN': 'ghs_input',
  INPUT_INTEGRATIONS: 'awesome',
  GITHUB_ENV: '/runner/_temp/_runner_file_commands/set_env_1',
  GITHUB_PATH: '/runner/_temp/_runner_file_commands/add_path_1',
  GITHUB_OUTPUT: '/runner/_temp/_runner_file_commands/set_output_1',
  GITHUB_STATE: '/runner/_temp/_runner_file_commands/save_state_1',
  GITHUB_STEP_SUMMARY: '/runner/_temp/_runner_file_commands/step_summary_1',
};
const KEPT = {
  PATH: process.env.PATH,
  HOME: '/home/runner',
  GITHUB_ACTIONS: 'true',
  GITHUB_WORKSPACE: '/work',
  GITHUB_REPOSITORY: 'partner/integrations',
  RUNNER_TEMP: '/runner/_temp',
  CI: 'true',
  DDEV_CONFIG: '/tmp/ddev.toml',
};

describe('child processes never get the runner credentials', () => {
  test('every child, whatever env the caller passes, sees none of them (one place: runProcess)', async () => {
    const printEnv = ['-e', 'console.log(JSON.stringify(process.env))'];
    for (const env of [{ ...KEPT, ...RUNNER }, undefined]) {
      const saved = { ...process.env };
      Object.assign(process.env, RUNNER);
      try {
        const seen = JSON.parse((await runProcess(process.execPath, printEnv, env ? { env } : {})).stdout) as Record<
          string,
          string
        >;
        for (const name of Object.keys(RUNNER)) expect(seen).not.toHaveProperty([name]);
        if (env) expect(seen).toMatchObject({ ...KEPT, PATH: process.env.PATH });
      } finally {
        for (const name of Object.keys(RUNNER)) if (!(name in saved)) delete process.env[name];
      }
    }
  });

  test('childEnvironment copies: the action itself keeps its inputs and tokens', () => {
    const env = { ...KEPT, ...RUNNER };
    expect(childEnvironment(env)).toEqual(KEPT);
    expect(env).toMatchObject(RUNNER);
  });
});
