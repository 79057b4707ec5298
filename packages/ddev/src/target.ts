import path from 'node:path';

/**
 * How ddev is pointed at one integration, whatever the repository's shape: `ddev --here <command> <target>`
 * run in `cwd`. An integration in a folder (`<repo>/<name>`, `<repo>/integrations/<name>`) is named from
 * the folder that holds it; one at the repository's root is `.` from the root (ddev's own form for it).
 */
export interface DdevTarget {
  cwd: string;
  target: string;
}

/** `integration.folder` is '' when the repository root is the integration; `path` is absolute. */
export function ddevTarget(integration: { folder: string; path: string }): DdevTarget {
  if (integration.folder === '') return { cwd: integration.path, target: '.' };
  return { cwd: path.dirname(integration.path), target: path.basename(integration.path) };
}

/** `ddev --here <command…> <target> [rest…]`: the argument array for one integration. */
export function ddevArgsFor(target: DdevTarget, command: readonly string[], rest: readonly string[] = []): string[] {
  return ['--here', ...command, target.target, ...rest];
}
