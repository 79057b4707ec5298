import type { PublishedRelease } from '@aic/ddev';
import { UserError, withRetry } from '@aic/runtime';

interface PypiJson {
  releases?: Record<string, { requires_python?: string | null; yanked?: boolean }[]>;
}

/** A project's releases (ddev's by default) as the package index lists them (PyPI's JSON API), retried with backoff. */
export async function publishedReleases(
  indexUrl = 'https://pypi.org/pypi',
  project = 'ddev',
): Promise<PublishedRelease[]> {
  const url = `${indexUrl.replace(/\/$/, '')}/${encodeURIComponent(project)}/json`;
  const body = await withRetry(
    async () => {
      const response = await fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(30_000),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status} from ${url}`);
      return (await response.json()) as PypiJson;
    },
    { attempts: 3, baseDelayMs: 1_000 },
  ).catch((error: unknown) => {
    throw new UserError(`Could not list ${project}'s releases from ${url}: ${(error as Error).message}.`, {
      hint: 'Check the network or proxy settings, or pin an exact ddev-version that is already in the tool cache.',
    });
  });
  return Object.entries(body.releases ?? {})
    .filter(([, files]) => files.length > 0)
    .map(([version, files]) => ({
      version,
      requiresPython: files[0]?.requires_python ?? undefined,
      yanked: files.every((file) => file.yanked === true),
    }));
}
