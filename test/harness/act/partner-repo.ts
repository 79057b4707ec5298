import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GitRepo } from '../git-repo.js';
import { repoRoot } from '../paths.js';
import { bareRemote, removeAllRepositories, tracked } from './remotes.js';

// A partner's repository for workflow runs: examples/awesome (extras layout) with the workflow files under test
// in .github/workflows, pushed to a local bare remote (`origin`, where release tags go), plus the event payloads
// GitHub would send for a pull request or a push of it.

export const REPOSITORY = { owner: 'partner', name: 'integrations' } as const;

const repositoryPayload = {
  name: REPOSITORY.name,
  full_name: `${REPOSITORY.owner}/${REPOSITORY.name}`,
  default_branch: 'main',
  owner: { login: REPOSITORY.owner },
};

export class PartnerRepo extends GitRepo {
  /** Removes every repository and remote this process made (ours too: see remotes.ts). */
  static removeAll(): void {
    removeAllRepositories();
  }

  private constructor(
    dir: string,
    /** The bare repository `origin` points at. */
    readonly remote: string,
  ) {
    super(dir);
  }

  /**
   * The repository with `workflows` (file name → text) committed on main and pushed. `extraIntegration` adds a
   * second integration (`unmarked`); `marketplace` gives the README the section Marketplace listings need.
   */
  static withWorkflows(
    workflows: Record<string, string>,
    options: { extraIntegration?: boolean; marketplace?: boolean } = {},
  ): PartnerRepo {
    const base = GitRepo.withExample();
    const repo = new PartnerRepo(tracked(base.path), bareRemote());
    if (options.extraIntegration) {
      cpSync(path.join(repoRoot, 'test', 'fixtures', 'unmarked-tests', 'unmarked'), path.join(repo.path, 'unmarked'), {
        recursive: true,
      });
    }
    if (options.marketplace) {
      repo.edit(
        'awesome/README.md',
        '## Troubleshooting',
        '## Uninstallation\n\nRemove the check with `datadog-agent integration remove datadog-awesome`.\n\n## Troubleshooting',
      );
    }
    mkdirSync(path.join(repo.path, '.github', 'workflows'), { recursive: true });
    for (const [name, text] of Object.entries(workflows))
      writeFileSync(path.join(repo.path, '.github', 'workflows', name), text);
    repo.commitAll('CI workflows');
    repo.git('remote', 'add', 'origin', repo.remote);
    repo.git('push', '-q', 'origin', 'main');
    return repo;
  }

  /** Starts a pull request branch from main. */
  branch(name: string): void {
    this.git('checkout', '-q', '-b', name);
  }

  /** A functional change to awesome's check (it needs a version bump). */
  changeCheck(): void {
    this.edit(
      'awesome/datadog_checks/awesome/check.py',
      "SERVICE_CHECK = 'search'",
      "SERVICE_CHECK = 'search'\nSEARCH_TIMEOUT = 10  # seconds",
    );
  }

  /** Bumps awesome from 1.1.0 to `version` with its changelog entry (dated today) and the README's wheel name. */
  bump(version = '1.2.0'): void {
    this.write('awesome/datadog_checks/awesome/__about__.py', `__version__ = '${version}'\n`);
    const today = new Date().toISOString().slice(0, 10);
    this.edit(
      'awesome/CHANGELOG.md',
      '## 1.1.0',
      `## ${version} / ${today}\n\n***Fixed***:\n\n* Time the search out after 10 seconds.\n\n## 1.1.0`,
    );
    this.edit('awesome/README.md', 'datadog_awesome-1.1.0-', `datadog_awesome-${version}-`);
  }

  /** The `pull_request` payload for the current branch against main. */
  pullRequest(number = 7): Record<string, unknown> {
    const head = this.git('rev-parse', 'HEAD');
    const base = this.git('rev-parse', 'main');
    return {
      action: 'synchronize',
      number,
      pull_request: {
        number,
        head: { ref: this.git('rev-parse', '--abbrev-ref', 'HEAD'), sha: head },
        base: { ref: 'main', sha: base },
      },
      repository: repositoryPayload,
    };
  }

  /** Merges the current branch into main (fast-forward), pushes, and returns the `push` payload. */
  mergeAndPush(): Record<string, unknown> {
    const branch = this.git('rev-parse', '--abbrev-ref', 'HEAD');
    const before = this.git('rev-parse', 'main');
    this.git('checkout', '-q', 'main');
    if (branch !== 'main') this.git('merge', '-q', '--ff-only', branch);
    this.git('push', '-q', 'origin', 'main');
    return {
      ref: 'refs/heads/main',
      before,
      after: this.head(),
      repository: repositoryPayload,
      pusher: { name: 'partner' },
    };
  }

  /** The tags the remote has. */
  remoteTags(): string[] {
    return new GitRepo(this.remote).git('tag', '--list').split('\n').filter(Boolean);
  }
}
