import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The runner's tool cache (RUNNER_TOOL_CACHE), in @actions/tool-cache's layout (read without loading it,
 * so that no workflow command reaches a terminal):
 * `<root>/<tool>/<version>/<arch>` plus an `<arch>.complete` marker. We install straight into the
 * final folder because a Python venv cannot be moved after it is made.
 */
export function toolFolder(root: string, tool: string, version: string, arch: string): string {
  return path.join(root, tool, version, arch);
}

/** The cached folder, when it is there and complete (what @actions/tool-cache's `find` checks for an exact version). */
export async function findTool(root: string, tool: string, version: string, arch: string): Promise<string | undefined> {
  const folder = toolFolder(root, tool, version, arch);
  return existsSync(folder) && existsSync(`${folder}.complete`) ? folder : undefined;
}

/** Marks a folder filled by `toolFolder` as complete, so that `findTool` finds it. */
export function markToolComplete(root: string, tool: string, version: string, arch: string): void {
  const folder = toolFolder(root, tool, version, arch);
  mkdirSync(folder, { recursive: true });
  writeFileSync(`${folder}.complete`, '');
}
