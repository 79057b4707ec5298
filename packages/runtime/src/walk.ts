import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** True when `file` is `folder` or inside it (both real paths). */
export function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The real path, or undefined for a dangling link, a loop or anything unreadable. */
export function realPath(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/**
 * What `file` is once links are followed — but only links that stay inside `boundary` (a folder's real path):
 * a link out of it, a dangling link or a loop is `other`, never followed.
 */
export function kindWithin(file: string, boundary: string): 'file' | 'directory' | 'other' {
  try {
    const stat = lstatSync(file);
    if (!stat.isSymbolicLink()) return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other';
    const real = realPath(file);
    if (real === undefined || !isInside(boundary, real)) return 'other';
    const target = statSync(real);
    return target.isDirectory() ? 'directory' : target.isFile() ? 'file' : 'other';
  } catch {
    return 'other';
  }
}

/**
 * Every file under `start` (paths as reached from `start`), without ever leaving `boundary` (default `start`):
 * symlinks are followed only to places inside it, each directory is read once (a link loop ends there), and
 * whatever cannot be read is skipped. `skipDirectory` prunes by name.
 */
export function walkFiles(
  start: string,
  options: { boundary?: string; skipDirectory?: (name: string) => boolean } = {},
): string[] {
  const boundary = realPath(options.boundary ?? start);
  const root = realPath(start);
  if (boundary === undefined || root === undefined || !isInside(boundary, root)) return [];
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string, real: string): void => {
    if (seen.has(real)) return;
    seen.add(real);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const full = path.join(dir, name);
      const kind = kindWithin(full, boundary);
      if (kind === 'file') found.push(full);
      else if (kind === 'directory' && !options.skipDirectory?.(name)) walk(full, realPath(full) ?? full);
    }
  };
  if (kindWithin(start, boundary) === 'directory') walk(start, root);
  return found;
}
