import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The runner's tool cache (RUNNER_TOOL_CACHE), in @actions/tool-cache's layout:
 * `<root>/<tool>/<version>/<arch>` plus an `<arch>.complete` marker. We install straight into the
 * final folder because a Python venv cannot be moved after it is made.
 */
export function toolFolder(root: string, tool: string, version: string, arch: string): string {
  return path.join(root, tool, version, arch);
}

export async function findTool(root: string, tool: string, version: string, arch: string): Promise<string | undefined> {
  const previous = process.env.RUNNER_TOOL_CACHE;
  process.env.RUNNER_TOOL_CACHE = root;
  try {
    const toolCache = await import('@actions/tool-cache');
    return toolCache.find(tool, version, arch) || undefined;
  } finally {
    if (previous === undefined) delete process.env.RUNNER_TOOL_CACHE;
    else process.env.RUNNER_TOOL_CACHE = previous;
  }
}

/** Marks a folder filled by `toolFolder` as complete, so that `findTool` finds it. */
export function markToolComplete(root: string, tool: string, version: string, arch: string): void {
  const folder = toolFolder(root, tool, version, arch);
  mkdirSync(folder, { recursive: true });
  writeFileSync(`${folder}.complete`, '');
}
