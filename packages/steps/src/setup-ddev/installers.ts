import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { runChecked, withRetry, type Reporter } from '@aic/runtime';
import { findTool, markToolComplete, toolFolder } from '@aic/runtime/services/tool-cache';
import { whichOnPath } from './python.js';

export const UV_VERSION = '0.13.9';

/**
 * A `uv` for installing: the one on PATH, else uv from PyPI (a wheel, pip-installed into its own
 * venv in the tool cache) — never a binary download.
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
  mkdirSync(path.dirname(folder), { recursive: true });
  await runChecked(options.python, ['-m', 'venv', '--clear', folder], { what: 'Creating a venv for uv' });
  await withRetry(
    () =>
      runChecked(
        path.join(folder, 'bin', 'python'),
        ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', `uv==${UV_VERSION}`],
        {
          what: `pip install uv==${UV_VERSION}`,
          reporter: options.reporter,
          timeoutMs: 300_000,
        },
      ),
    { attempts: 3, baseDelayMs: 2_000 },
  );
  markToolComplete(options.toolCache, tool, UV_VERSION, options.arch);
  return uv;
}
