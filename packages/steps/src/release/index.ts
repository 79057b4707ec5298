import { UserError, type Reporter } from '@aic/runtime';
import { createAnnotatedTag, pushTag } from './git-tags.js';
import { publishRelease, type GitHubTarget } from './github-release.js';
import { describePlan, planRelease, type PlannedRelease, type ReleaseOptions } from './plan.js';

export { describePlan, planRelease, type PlannedRelease, type ReleasePlan, type ReleaseOptions } from './plan.js';
export { localTagCommit, pushTag, remoteEnv, remoteTagCommit, type Remote } from './git-tags.js';
export { publishRelease, type GitHubTarget } from './github-release.js';

export interface ReleaseRun extends ReleaseOptions {
  /** Print the plan and change nothing. */
  dryRun: boolean;
  github: GitHubTarget | undefined;
  reporter: Reporter;
}

export interface ReleasedIntegration {
  integration: string;
  version: string;
  tag: string;
  url: string;
  assets: string[];
}

export interface ReleaseResult {
  released: ReleasedIntegration[];
  skipped: { integration: string; reason: string }[];
  planned: PlannedRelease[];
}

/**
 * Tag, push, and publish each integration whose version went up: every check first (planRelease), then
 * the writes in an order a rerun can resume — tag, push, release, assets — each skipped when done.
 */
export async function runRelease(run: ReleaseRun): Promise<ReleaseResult> {
  if (!run.dryRun && run.wheelsDir && !run.builtWheels) {
    throw new UserError(
      "Input 'wheel-hashes' is empty: the release attaches only wheels whose sha256 the build reported.",
      {
        hint: "Pass the build-wheel step's `wheels` output: wheel-hashes: ${{ steps.<build step id>.outputs.wheels }} (or needs.<build job>.outputs.wheels).",
      },
    );
  }
  const plan = await planRelease(run);
  for (const line of describePlan(plan, run.remote.name)) run.reporter.log(`${run.dryRun ? '[dry run] ' : ''}${line}`);
  const result: ReleaseResult = { released: [], skipped: plan.skipped, planned: plan.releases };
  if (run.dryRun || plan.releases.length === 0) return result;
  if (!run.github) {
    throw new UserError("Input 'github-token' is empty: creating a GitHub release needs a token.", {
      hint: 'Pass github-token: ${{ github.token }} with `permissions: contents: write`, or use dry-run.',
    });
  }
  for (const release of plan.releases) {
    await run.reporter.group(`Release ${release.tag}`, async () => {
      if (release.tagState === 'new') {
        await createAnnotatedTag(
          run.repoPath,
          release.tag,
          release.commit,
          `${release.integration} ${release.version}`,
        );
        run.reporter.log(`Tagged ${release.commit.slice(0, 12)} as ${release.tag}.`);
      }
      if (release.tagState !== 'pushed') {
        await pushTag(run.repoPath, run.remote, release.tag);
        run.reporter.log(`Pushed ${release.tag} to ${run.remote.name}.`);
      }
      const published = await publishRelease(run.github!, {
        tag: release.tag,
        title: `${release.integration} ${release.version}`,
        notes: release.notes,
        wheels: release.wheels,
      });
      run.reporter.log(`${published.created ? 'Created' : 'Kept'} the release ${published.url}.`);
      for (const name of published.uploaded) run.reporter.log(`Attached ${name}.`);
      for (const name of published.alreadyAttached) run.reporter.log(`${name} was already attached.`);
      result.released.push({
        integration: release.integration,
        version: release.version,
        tag: release.tag,
        url: published.url,
        assets: [...published.alreadyAttached, ...published.uploaded],
      });
    });
  }
  return result;
}
