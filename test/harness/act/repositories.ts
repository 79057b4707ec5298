import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../paths.js';

// What `uses:` resolves to under act, offline: `--local-repository <owner>/<repo>@<ref>=<folder>` mappings for
// the third-party actions our files pin (from ../shared/third-party-actions, at the exact commits) and for our
// own `org/agent-integration-ci@<ref>` references (a copy of what this checkout ships).

export const OWN_REPOSITORY = 'org/agent-integration-ci';

/** Where the third-party actions are: AIC_THIRD_PARTY_ACTIONS, else ../shared/third-party-actions. */
export function thirdPartyActionsDir(): string | undefined {
  const dir = process.env.AIC_THIRD_PARTY_ACTIONS || path.join(repoRoot, '..', 'shared', 'third-party-actions');
  return existsSync(dir) ? dir : undefined;
}

/** `<owner>/<repo>@<sha>` → folder, for each action tree there (laid out as `<owner>/<repo>@<sha>/`). */
export function thirdPartyActions(dir: string): Record<string, string> {
  const mappings: Record<string, string> = {};
  for (const owner of readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const tree of readdirSync(path.join(dir, owner.name))) {
      if (tree.includes('@')) mappings[`${owner.name}/${tree}`] = path.join(dir, owner.name, tree);
    }
  }
  return mappings;
}

/**
 * A copy of what a partner's runner downloads for `org/agent-integration-ci@<ref>`: the root action.yml, each
 * bundled action's action.yml and dist/, and the reusable workflows — from `source` (this checkout) as it is
 * now, committed or not. (Mapping the checkout itself would make act read node_modules on every step.)
 */
export function stageOwnRepository(source = repoRoot): string {
  const staged = mkdtempSync(path.join(os.tmpdir(), 'aic-own-actions-'));
  const copy = (relative: string) => {
    const from = path.join(source, relative);
    if (!existsSync(from)) return;
    mkdirSync(path.dirname(path.join(staged, relative)), { recursive: true });
    cpSync(from, path.join(staged, relative), { recursive: true });
  };
  copy('action.yml');
  copy('.github/workflows');
  for (const name of readdirSync(path.join(source, 'actions'))) {
    copy(`actions/${name}/action.yml`);
    copy(`actions/${name}/dist`);
  }
  return staged;
}

export function removeStaged(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
