import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths.js';

/** What scripts/provision-python.sh installed (its env.json). */
export interface PythonTools {
  toolsDir: string;
  python: string;
  binDir: string;
  ddev: string;
  uv: string;
  hatch: string;
  checksPython: string;
  ddevVersion: string;
  uvCacheDir: string;
}

export function pythonTools(): PythonTools {
  const toolsDir = process.env.AIC_TOOLS_DIR || path.join(repoRoot, '.tools');
  const file = path.join(toolsDir, 'env.json');
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run \`bash scripts/provision-python.sh\` (npm test does it first).`);
  }
  const env = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  return {
    toolsDir,
    python: env.AIC_PYTHON!,
    binDir: env.AIC_TOOLS_BIN!,
    ddev: env.AIC_DDEV!,
    uv: env.AIC_UV!,
    hatch: env.AIC_HATCH!,
    checksPython: env.AIC_CHECKS_PYTHON!,
    ddevVersion: env.AIC_DDEV_VERSION!,
    uvCacheDir: env.UV_CACHE_DIR!,
  };
}

/**
 * The environment for running the provisioned ddev on a repository without touching the user's
 * home: a ddev config file of our own (DDEV_CONFIG) with `repo = "extras"` pointing at `repoPath`,
 * upgrade checks off, and ddev/hatch data under the tools dir (hatch envs are reused between runs).
 */
export function ddevEnvironment(repoPath: string, tools = pythonTools()): NodeJS.ProcessEnv {
  const configDir = mkdtempSync(path.join(os.tmpdir(), 'aic-ddev-config-'));
  const config = path.join(configDir, 'config.toml');
  writeFileSync(config, `repo = "extras"\nupgrade_check = false\n\n[repos]\nextras = ${JSON.stringify(repoPath)}\n`);
  const data = path.join(tools.toolsDir, 'ddev-data');
  mkdirSync(data, { recursive: true });
  return {
    ...process.env,
    PATH: `${tools.binDir}${path.delimiter}${process.env.PATH ?? ''}`,
    DDEV_CONFIG: config,
    DDEV_DATA_DIR: path.join(data, 'ddev'),
    DDEV_CACHE_DIR: path.join(data, 'ddev-cache'),
    HATCH_DATA_DIR: path.join(data, 'hatch'),
    HATCH_CACHE_DIR: path.join(data, 'hatch-cache'),
    UV_CACHE_DIR: tools.uvCacheDir,
    NO_COLOR: '1',
    DDEV_INTERACTIVE: 'false',
  };
}
