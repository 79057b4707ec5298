import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { runChecked, withRetry, type Reporter } from '@aic/runtime';
import { findTool, markToolComplete, toolFolder } from '@aic/runtime/services/tool-cache';
import { whichOnPath } from './python.js';

export const UV_VERSION = '0.13.9';

/**
 * A `uv` for installing: the one on PATH, else uv from PyPI (a wheel, pip-installed with `--target` into
 * its tool-cache folder: no venv to create, which halves the time) — never a binary download.
 */
export async function ensureUv(options: {
  python: string;
  toolCache: string;
  arch: string;
  reporter: Reporter;
}): Promise<string> {
  const onPath = whichOnPath('uv');
  if (onPath) return onPath;
  const tool = 'uv-from-pypi';
  const found = await findTool(options.toolCache, tool, UV_VERSION, options.arch);
  const folder = found ?? toolFolder(options.toolCache, tool, UV_VERSION, options.arch);
  const uv = path.join(folder, 'bin', 'uv');
  if (found && existsSync(uv)) return uv;
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  await withRetry(
    () =>
      runChecked(
        options.python,
        [
          '-m',
          'pip',
          'install',
          '--quiet',
          '--disable-pip-version-check',
          '--no-deps',
          '--upgrade',
          '--target',
          folder,
          `uv==${UV_VERSION}`,
        ],
        {
          what: `pip install uv==${UV_VERSION}`,
          reporter: options.reporter,
          timeoutMs: 300_000,
          hint: `Check that PyPI is reachable and that ${options.python} has pip.`,
        },
      ),
    { attempts: 3, baseDelayMs: 2_000 },
  );
  markToolComplete(options.toolCache, tool, UV_VERSION, options.arch);
  return uv;
}
