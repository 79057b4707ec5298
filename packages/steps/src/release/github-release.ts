import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UserError, withoutTrailingDots } from '@aic/runtime';

export interface GitHubTarget {
  token: string;
  /** `owner/name`. */
  repository: string;
  /** The REST API root (GITHUB_API_URL on a runner; a local double in tests). */
  apiUrl: string;
}

export interface PublishedRelease {
  url: string;
  created: boolean;
  uploaded: string[];
  alreadyAttached: string[];
}

interface ReleaseData {
  id: number;
  html_url: string;
  upload_url: string;
  assets: { name: string; size: number; digest?: string | null }[];
}

const status = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && 'status' in error
    ? Number((error as { status: unknown }).status)
    : undefined;

const sentence = (text: string) => withoutTrailingDots(text.trim()) + '.';

/** A failed API call as one line: unreachable (no answer at all) is not an HTTP error. */
function apiError(error: unknown, what: string, apiUrl: string): UserError {
  const message = error instanceof Error ? error.message : String(error);
  // Octokit reports a request that got no answer (refused, DNS, TLS, timeout) as status 500 with no response.
  const answered =
    typeof error === 'object' && error !== null && (error as { response?: unknown }).response !== undefined;
  if (!answered) {
    return new UserError(
      `GitHub API: ${what} failed: ${apiUrl} did not answer (${withoutTrailingDots(message.trim())}).`,
      {
        hint: 'Check that the runner reaches the GitHub API (GITHUB_API_URL, proxy settings), then re-run the job.',
        cause: error,
      },
    );
  }
  const code = status(error);
  const hint =
    code === 401 || code === 403 || code === 404
      ? 'The job needs `permissions: contents: write`, and github-token must be a token for this repository.'
      : 'Re-run the job; if it keeps failing, check https://www.githubstatus.com.';
  return new UserError(`GitHub API: ${what} failed${code ? ` (HTTP ${code})` : ''}: ${sentence(message)}`, {
    hint,
    cause: error,
  });
}

/**
 * The GitHub release of `tag` with `notes` as its body and `wheels` attached. Idempotent: an existing
 * release is kept, and a wheel already attached (same name and size) is not uploaded again.
 */
export async function publishRelease(
  target: GitHubTarget,
  release: {
    tag: string;
    title: string;
    notes: string;
    wheels: readonly { path: string; sha256: string }[];
    prerelease?: boolean;
  },
): Promise<PublishedRelease> {
  const [owner, repo] = target.repository.split('/') as [string, string];
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(target.token, { baseUrl: target.apiUrl.replace(/(?<!\/)\/+$/, '') });

  let data: ReleaseData;
  let created = false;
  try {
    data = (await octokit.rest.repos.getReleaseByTag({ owner, repo, tag: release.tag })).data;
  } catch (error) {
    if (status(error) !== 404) throw apiError(error, `reading the release ${release.tag}`, target.apiUrl);
    try {
      data = (
        await octokit.rest.repos.createRelease({
          owner,
          repo,
          tag_name: release.tag,
          name: release.title,
          body: release.notes,
          draft: false,
          prerelease: release.prerelease ?? false,
        })
      ).data;
      created = true;
    } catch (createError) {
      throw apiError(createError, `creating the release ${release.tag}`, target.apiUrl);
    }
  }

  const result: PublishedRelease = { url: data.html_url, created, uploaded: [], alreadyAttached: [] };
  for (const wheel of release.wheels) {
    const name = path.basename(wheel.path);
    // Read once: the bytes checked are the bytes uploaded, whatever happens to the file meanwhile.
    const bytes = readFileSync(wheel.path);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== wheel.sha256) {
      throw new UserError(
        `${name} changed since the release was planned (sha256 ${sha256}, expected ${wheel.sha256}); it was not uploaded.`,
        { hint: 'Something rewrote the wheels folder during the release: run the release in a job of its own.' },
      );
    }
    const size = bytes.length;
    const attached = data.assets.find((asset) => asset.name === name);
    if (attached) {
      if (attached.digest && attached.digest !== `sha256:${sha256}`) {
        throw new UserError(
          `The release ${release.tag} already has ${name} with a different sha256 (${attached.digest.replace(/^sha256:/, '')}, this build ${sha256}).`,
          {
            hint: 'Wheels are built reproducibly: check that this run built the tagged commit; delete the asset to replace it.',
          },
        );
      }
      if (attached.size !== size) {
        throw new UserError(
          `The release ${release.tag} already has ${name} with a different size (${attached.size} bytes, this build ${size}).`,
          {
            hint: 'Wheels are built reproducibly: check that this run built the tagged commit; delete the asset to replace it.',
          },
        );
      }
      result.alreadyAttached.push(name);
      continue;
    }
    try {
      await octokit.request({
        method: 'POST',
        url: data.upload_url,
        name,
        data: bytes as unknown as string,
        headers: { 'content-type': 'application/octet-stream', 'content-length': size },
      });
    } catch (error) {
      throw apiError(error, `uploading ${name} to the release ${release.tag}`, target.apiUrl);
    }
    result.uploaded.push(name);
  }
  return result;
}
