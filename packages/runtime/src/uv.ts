import { existsSync } from 'node:fs';
import path from 'node:path';
import { runChecked, withRetry } from './process.js';
import { whichOnPath } from './python.js';
import type { Reporter } from './reporter.js';
import { ToolCache } from './services/tool-cache.js';

export const UV_VERSION = '0.13.9';

/**
 * A `uv` for installing: the one on PATH, else uv from PyPI (a wheel, pip-installed with `--target` into
 * its tool-cache folder: no venv to create, which halves the time) — never a binary download.
 */
export async function ensureUv(options: { python: string; toolCache: string; reporter: Reporter }): Promise<string> {
  const onPath = whichOnPath('uv');
  if (onPath) return onPath;
  const tool = 'uv-from-pypi';
  const cache = new ToolCache(options.toolCache);
  const found = await cache.find(tool, UV_VERSION);
  if (found && existsSync(path.join(found, 'bin', 'uv'))) return path.join(found, 'bin', 'uv');
  const folder = cache.installFolder(tool, UV_VERSION);
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
  cache.markComplete(tool, UV_VERSION);
  return path.join(folder, 'bin', 'uv');
}
