import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/**
 * The name a version has in the cache. @actions/tool-cache finds only semver versions; anything else (a PEP 440
 * `1.2.3.4`, a content hash) is kept as a semver pre-release of 0.0.0, which it finds as exactly that.
 */
export function cachedVersion(version: string): string {
  return SEMVER.test(version) ? version : `0.0.0-v${version.replace(/[^0-9A-Za-z-]/g, '-')}`;
}

/**
 * The runner's tool cache (RUNNER_TOOL_CACHE, or the CLI's own folder). Finding a tool is @actions/tool-cache's
 * `find`: its layout `<root>/<tool>/<version>/<arch>` and its `<arch>.complete` marker. What it cannot do is an
 * install in place (its `cacheDir` copies a finished folder, and a Python venv cannot be moved once made), so
 * `installFolder` empties the very folder `find` looks in and `markComplete` marks it. The architecture is always
 * this machine's (`os.arch()`, as @actions/tool-cache has it), never RUNNER_ARCH's spelling.
 */
export class ToolCache {
  constructor(readonly root: string) {}

  /** The complete folder of exactly this version, or undefined. */
  async find(tool: string, version: string): Promise<string | undefined> {
    const { find } = await import('@actions/tool-cache');
    return quietly(this.root, () => find(tool, cachedVersion(version), os.arch())) || undefined;
  }

  /** The folder `find` will return once complete, emptied, for an install straight into it. */
  installFolder(tool: string, version: string): string {
    const folder = this.folder(tool, version);
    rmSync(`${folder}.complete`, { force: true });
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    return folder;
  }

  /** Where a version lives (complete or not): restore an actions cache there, then `markComplete`. */
  folder(tool: string, version: string): string {
    return path.join(this.root, tool, cachedVersion(version), os.arch());
  }

  markComplete(tool: string, version: string): void {
    const folder = this.folder(tool, version);
    mkdirSync(folder, { recursive: true });
    writeFileSync(`${folder}.complete`, '');
  }
}

/**
 * @actions/tool-cache reads its root from RUNNER_TOOL_CACHE and prints `::debug::` workflow commands on stdout.
 * `find` is synchronous, so for that one call the root is ours and, off a runner (the CLI on a terminal), its
 * stdout lines are dropped; nothing else can run in between.
 */
function quietly<T>(root: string, work: () => T): T {
  const saved = process.env.RUNNER_TOOL_CACHE;
  const write = process.stdout.write;
  process.env.RUNNER_TOOL_CACHE = root;
  if (process.env.GITHUB_ACTIONS !== 'true') process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return work();
  } finally {
    process.stdout.write = write;
    if (saved === undefined) delete process.env.RUNNER_TOOL_CACHE;
    else process.env.RUNNER_TOOL_CACHE = saved;
  }
}
