import path from 'node:path';
import { kindWithin, realPath, UserError } from '@aic/runtime';

/** A folder of the repository once links are followed, and still inside it. */
function isFolder(full: string, repoPath: string): boolean {
  return kindWithin(full, realPath(repoPath) ?? repoPath) === 'directory';
}

/**
 * The `integrations-path` input: the folder that holds the integrations (`integrations` for
 * `integrations/<name>`), relative to the repository. '' (or `.`) is the repository root, where the
 * integrations are top-level folders or the root is itself the integration.
 */
export function resolveIntegrationsPath(raw: string, repoPath: string, input = "Input 'integrations-path'"): string {
  const trimmed = raw.trim().replace(/\\/g, '/');
  if (trimmed === '' || trimmed === '.' || trimmed === './') return '';
  if (path.isAbsolute(trimmed) || /^[A-Za-z]:/.test(trimmed)) {
    throw new UserError(`${input}: ${JSON.stringify(raw)} is an absolute path.`, {
      hint: "Give the folder relative to the repository, e.g. 'integrations'.",
    });
  }
  const normalized = path.posix.normalize(trimmed).replace(/(?<!\/)\/+$/, '');
  if (normalized === '..' || normalized.startsWith('../')) {
    throw new UserError(`${input}: ${JSON.stringify(raw)} is outside the repository.`, {
      hint: "Give a folder inside the repository, e.g. 'integrations'.",
    });
  }
  if (normalized === '.') return '';
  if (!isFolder(path.join(repoPath, normalized), repoPath)) {
    throw new UserError(
      `${input}: there is no folder '${normalized.slice(0, 200)}' in ${repoPath} (a link out of it does not count).`,
      {
        hint: "Name the folder that holds the integrations (e.g. 'integrations'), or '.' for the repository root.",
      },
    );
  }
  return normalized;
}
