import { UserError } from '../errors.js';
import { withoutTrailingDots } from '../text.js';

/** What became of an upload the service cannot take here (GitHub Enterprise Server): said, not failed. */
export type UploadOutcome = { uploaded: true } | { uploaded: false; reason: string };

/**
 * Workflow artifacts through @actions/artifact, loaded only when used (callers check `artifactService`).
 * A refusal by the service is the user's to act on (a UserError naming the artifact), not a bug of ours.
 */
export async function uploadFiles(name: string, files: string[], rootDirectory: string): Promise<UploadOutcome> {
  const { DefaultArtifactClient } = await import('@actions/artifact');
  try {
    await new DefaultArtifactClient().uploadArtifact(name, files, rootDirectory, { retentionDays: 7 });
    return { uploaded: true };
  } catch (error) {
    const refusal = artifactRefusal(error, name);
    if (refusal instanceof UserError) throw refusal;
    if (refusal) return { uploaded: false, reason: refusal.unsupported };
    throw error;
  }
}

const firstLine = (text: string) => withoutTrailingDots(text.split('\n')[0]!);

/**
 * How to report an error of @actions/artifact: `{ unsupported }` where the server has no artifact service it
 * can use (go on without the upload), a UserError for a refusal or an unreachable service, undefined for
 * anything else (a real bug).
 */
export function artifactRefusal(error: unknown, name: string): UserError | { unsupported: string } | undefined {
  if (!(error instanceof Error)) return undefined;
  const keep = "or set the input 'upload' to false to keep the wheels in the workspace";
  switch (error.name) {
    case 'GHESNotSupportedError':
      return {
        unsupported: `GitHub Enterprise Server does not offer the artifact service that @actions/artifact 2+ (upload-artifact v4+) uses, so '${name}' was not uploaded`,
      };
    case 'UsageError':
      return new UserError(`The GitHub artifact service refused '${name}': the artifact storage quota is used up.`, {
        hint: `Delete old artifacts or raise the quota (Settings → Billing), ${keep}.`,
        cause: error,
      });
    case 'NetworkError':
      return new UserError(
        `Cannot reach the GitHub artifact service to upload '${name}': ${firstLine(error.message)}.`,
        {
          hint: `A self-hosted runner must reach GitHub's artifact endpoints; re-run the job, ${keep}.`,
          cause: error,
        },
      );
    case 'FilesNotFoundError':
      return undefined;
  }
  // The service's own answers: "Failed to CreateArtifact: …", "Received non-retryable error: …", an invalid response.
  if (
    error.name === 'InvalidResponseError' ||
    /^(Failed to |Received non-retryable error|Failed to make request)/.test(error.message)
  ) {
    const unreachable = /Unable to make request|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET/.test(error.message);
    return new UserError(
      unreachable
        ? `Cannot reach the GitHub artifact service to upload '${name}': ${firstLine(error.message)}.`
        : `The GitHub artifact service refused '${name}': ${firstLine(error.message)}.`,
      {
        hint: `Re-run the job; if it keeps failing, check https://www.githubstatus.com (a self-hosted runner must reach GitHub's artifact endpoints), ${keep}.`,
        cause: error,
      },
    );
  }
  return undefined;
}
