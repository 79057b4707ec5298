import { readdirSync } from 'node:fs';
import path from 'node:path';
import { inferRepo, type RepoName } from '@aic/ddev';
import { runProcess, UserError } from '@aic/runtime';
import { listIntegrations } from '../integrations/discover.js';

/** `repo: auto` as setup-ddev decides it: integrations-core, marketplace, or extras (a partner's own repository). */
export async function repoKind(
  choice: 'auto' | RepoName,
  repoPath: string,
): Promise<{ repo: RepoName; reason: string }> {
  if (choice !== 'auto') return { repo: choice, reason: 'set by the repo input' };
  const remote = await runProcess('git', ['-C', repoPath, 'remote', 'get-url', 'origin']).catch(() => undefined);
  const inference = inferRepo({
    folderName: path.basename(repoPath),
    remoteUrl: remote?.exitCode === 0 ? remote.stdout.trim() : undefined,
    entries: readdirSync(repoPath),
    integrationCount: listIntegrations(repoPath).length,
  });
  if (!inference.ok) {
    throw new UserError(`Input 'repo': auto ${inference.problem.replace(/\.$/, '')} in ${repoPath}.`, {
      hint: "Check 'repo-path', or set 'repo' to extras, marketplace or core.",
    });
  }
  return { repo: inference.repo, reason: inference.reason };
}
