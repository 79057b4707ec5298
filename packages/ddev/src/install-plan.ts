/** The commands that install ddev into an isolated environment, as argument arrays. */

export const INSTALLERS = ['uv', 'pipx', 'pip'] as const;
export type Installer = (typeof INSTALLERS)[number];

export interface Command {
  command: string;
  args: string[];
  env?: Record<string, string>;
}

export interface InstallPlanInput {
  installer: Installer;
  version: string;
  python: string;
  /** Where the environment goes (the tool-cache folder). */
  target: string;
  /** The `uv` executable (installer uv). */
  uv?: string;
  /** The `pipx` executable (installer pipx). */
  pipx?: string;
}

export interface InstallPlan {
  commands: Command[];
  /** The `ddev` executable once installed. */
  ddev: string;
  /** The folder to put on PATH. */
  binDir: string;
}

export function installPlan(input: InstallPlanInput): InstallPlan {
  const requirement = `ddev==${input.version}`;
  const join = (...parts: string[]) => parts.join('/');
  switch (input.installer) {
    case 'uv': {
      const binDir = join(input.target, 'venv', 'bin');
      return {
        binDir,
        ddev: join(binDir, 'ddev'),
        commands: [
          {
            command: input.uv ?? 'uv',
            args: ['venv', '--quiet', '--seed', '--python', input.python, join(input.target, 'venv')],
          },
          {
            command: input.uv ?? 'uv',
            args: ['pip', 'install', '--quiet', '--python', join(binDir, 'python'), requirement],
          },
        ],
      };
    }
    case 'pip': {
      const binDir = join(input.target, 'venv', 'bin');
      return {
        binDir,
        ddev: join(binDir, 'ddev'),
        commands: [
          { command: input.python, args: ['-m', 'venv', join(input.target, 'venv')] },
          {
            command: join(binDir, 'python'),
            args: ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', requirement],
          },
        ],
      };
    }
    case 'pipx': {
      const binDir = join(input.target, 'bin');
      return {
        binDir,
        ddev: join(binDir, 'ddev'),
        commands: [
          {
            command: input.pipx ?? 'pipx',
            args: ['install', '--python', input.python, requirement],
            env: {
              PIPX_HOME: join(input.target, 'pipx'),
              PIPX_BIN_DIR: binDir,
              PIPX_MAN_DIR: join(input.target, 'man'),
            },
          },
        ],
      };
    }
  }
}

/** The tool-cache name: one entry per installer and Python minor version (the version is ddev's). */
export function toolCacheName(installer: Installer, pythonVersion: string): string {
  const minor = pythonVersion.split('.').slice(0, 2).join('.');
  return `ddev-${installer}-py${minor}`;
}

/**
 * The actions/cache key, built like setup-python's: everything that changes the installed files.
 * Restore keys are not used: a near match would be a different ddev version.
 */
export function cacheKey(parts: {
  os: string;
  arch: string;
  installer: Installer;
  pythonVersion: string;
  ddevVersion: string;
}): string {
  return `agent-integration-ci-ddev-${parts.os}-${parts.arch}-${parts.installer}-py${parts.pythonVersion}-ddev${parts.ddevVersion}`;
}

/** The ddev our tests pass with (also in scripts/python-pins.json and setup-ddev's action.yml; a test keeps them equal). */
export const PINNED_DDEV_VERSION = '20.1.0';
