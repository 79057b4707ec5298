import { expect, test } from '@jest/globals';
import { describeError, UserError } from '../errors.js';
import { artifactRefusal } from './artifact.js';

// The errors @actions/artifact 6 throws (by name and message, as its classes set them) and what we report.
const named = (name: string, message: string): Error => Object.assign(new Error(message), { name });

test.each([
  [
    'GitHub Enterprise Server: said, and the run goes on',
    named(
      'GHESNotSupportedError',
      '@actions/artifact v2.0.0+, upload-artifact@v4+ and download-artifact@v4+ are not currently supported on GHES.',
    ),
    "unsupported: GitHub Enterprise Server does not offer the artifact service that @actions/artifact 2+ (upload-artifact v4+) uses, so 'wheels' was not uploaded",
  ],
  [
    'a refusal of the service',
    new Error(
      'Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run',
    ),
    "The GitHub artifact service refused 'wheels': Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run. Re-run the job; if it keeps failing, check https://www.githubstatus.com (a self-hosted runner must reach GitHub's artifact endpoints), or set the input 'upload' to false to keep the wheels in the workspace.",
  ],
  [
    'an unreachable service',
    new Error(
      'Failed to CreateArtifact: Unable to make request: ECONNREFUSED\nIf you are using self-hosted runners, please make sure your runner has access to all GitHub endpoints',
    ),
    "Cannot reach the GitHub artifact service to upload 'wheels': Failed to CreateArtifact: Unable to make request: ECONNREFUSED. Re-run the job; if it keeps failing, check https://www.githubstatus.com (a self-hosted runner must reach GitHub's artifact endpoints), or set the input 'upload' to false to keep the wheels in the workspace.",
  ],
  [
    'the storage quota',
    named(
      'UsageError',
      'Artifact storage quota has been hit. Unable to upload any new artifacts.\nMore info on storage limits: https://docs.github.com/…',
    ),
    "The GitHub artifact service refused 'wheels': the artifact storage quota is used up. Delete old artifacts or raise the quota (Settings → Billing), or set the input 'upload' to false to keep the wheels in the workspace.",
  ],
  [
    'files we did not build: our bug, reported as one',
    named('FilesNotFoundError', 'No files were found to upload'),
    undefined,
  ],
  ['anything else: our bug', new TypeError("Cannot read properties of undefined (reading 'size')"), undefined],
] as const)('%s', (_name, error, expected) => {
  const refusal = artifactRefusal(error, 'wheels');
  const text =
    refusal instanceof UserError ? describeError(refusal) : refusal ? `unsupported: ${refusal.unsupported}` : undefined;
  expect(text).toBe(expected);
});
