import type { Reporter } from './reporter.js';

export interface CacheInPost {
  /** Called by main once it built what `paths` hold: the post step saves them under `key`. */
  saveLater(reporter: Reporter, cache: { key: string; paths: readonly string[] }): void;
  /** The action's post step: saves what main asked for, if anything (setup-python's cache-save). */
  post(reporter: Reporter): Promise<void>;
}

/**
 * Saving to the actions cache after the job's steps ran, only when main installed what it restores next
 * time: main records the key and paths in the action's state, the post step saves them.
 */
export function saveCacheInPost(name: string, what: string): CacheInPost {
  const keyState = `${name}-cache-key`;
  const pathsState = `${name}-cache-paths`;
  return {
    saveLater(reporter, cache) {
      reporter.saveState(keyState, cache.key);
      reporter.saveState(pathsState, JSON.stringify(cache.paths));
    },
    async post(reporter) {
      const key = reporter.getState(keyState);
      if (!key) return;
      const paths = JSON.parse(reporter.getState(pathsState)) as string[];
      const { save } = await import('./services/actions-cache.js');
      await save(paths, key);
      reporter.log(`Saved ${what} to the actions cache under ${key}.`);
    },
  };
}
