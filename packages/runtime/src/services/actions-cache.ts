/**
 * The GitHub Actions cache service, loaded only when used. Callers check
 * `readRunnerEnvironment().cacheService` first: outside GitHub there is no service.
 */

/** Restores `paths` saved under exactly `key` (no restore keys: a near match would be wrong). */
export async function restoreExact(paths: string[], key: string): Promise<boolean> {
  const cache = await import('@actions/cache');
  const hit = await cache.restoreCache(paths, key, [], {}, false);
  return hit === key;
}

export async function save(paths: string[], key: string): Promise<void> {
  const cache = await import('@actions/cache');
  await cache.saveCache(paths, key);
}
