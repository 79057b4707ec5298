import { readdirSync } from 'node:fs';
import path from 'node:path';
import { inferRepo, type RepoName } from '@aic/ddev';
import { originUrl, workingTreeView } from '@aic/git';
import { UserError } from '@aic/runtime';
import { allIntegrations } from './discover.js';

/** `repo: auto` as setup-ddev and the validations decide it: integrations-core, marketplace, or extras (a partner's own). */
export async function repoKind(
  choice: 'auto' | RepoName,
  repoPath: string,
  within = '',
): Promise<{ repo: RepoName; reason: string }> {
  if (choice !== 'auto') return { repo: choice, reason: 'set by the repo input' };
  const inference = inferRepo({
    folderName: path.basename(repoPath),
    remoteUrl: await originUrl(repoPath),
    entries: readdirSync(repoPath),
    integrationCount: (await allIntegrations(workingTreeView(repoPath), within)).length,
  });
  if (!inference.ok) {
    throw new UserError(`Input 'repo': auto ${inference.problem.replace(/\.$/, '')} in ${repoPath}.`, {
      hint: "Check 'repo-path', or set 'repo' to extras, marketplace or core.",
    });
  }
  return { repo: inference.repo, reason: inference.reason };
}
