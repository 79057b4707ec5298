/**
 * The GitHub Actions cache service, loaded only when used. Callers check
 * `readRunnerEnvironment().cacheService` first: outside GitHub there is no service.
 */

/**
 * Whether the key the cache service restored is the one asked for. The service (and actions/cache) matches keys
 * case-insensitively, so a cache saved as `ddev-Linux-…` is the hit for `ddev-linux-…`.
 */
export function isExactHit(restored: string | undefined, key: string): boolean {
  return restored !== undefined && restored.toLowerCase() === key.toLowerCase();
}

/** Restores `paths` saved under exactly `key` (no restore keys: a near match would be wrong). */
export async function restoreExact(paths: string[], key: string): Promise<boolean> {
  const cache = await import('@actions/cache');
  return isExactHit(await cache.restoreCache(paths, key, [], {}, false), key);
}

export async function save(paths: string[], key: string): Promise<void> {
  const cache = await import('@actions/cache');
  await cache.saveCache(paths, key);
}
