import { statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from './errors.js';
import { quotedInput } from './inputs.js';

/**
 * The `repo-path` input resolved against the workspace, and there: a path that does not exist would
 * otherwise select no integration, check nothing and pass.
 */
export function resolveRepoPath(workspace: string, raw: string, input = 'repo-path'): string {
  const resolved = path.resolve(workspace, raw);
  let isDirectory = false;
  try {
    isDirectory = statSync(resolved).isDirectory();
  } catch {
    // Missing: the same error below.
  }
  if (!isDirectory) {
    throw new UserError(
      `Input '${input}': ${quotedInput(raw)} is not a folder (resolved to ${resolved.slice(0, 200)}).`,
      {
        hint: 'Point it at the repository checkout (default: the workspace, where actions/checkout puts it).',
      },
    );
  }
  return resolved;
}
