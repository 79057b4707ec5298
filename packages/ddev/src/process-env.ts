/**
 * ddev's environment for a validation (or a fix) pointed at one view: our config file, wide plain output for
 * the parsers, and no GitHub Actions marker — ddev would print its own `::error` commands, on staged paths and
 * line 1.
 */
export function validationEnvironment(base: NodeJS.ProcessEnv, configPath: string): NodeJS.ProcessEnv {
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

/** ddev's environment for `ddev test` and `ddev release build`: plain output, no prompts. */
export function commandEnvironment(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...base, NO_COLOR: '1', DDEV_INTERACTIVE: 'false' };
}
