import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GitRepo } from '../git-repo.js';
import { repoRoot } from '../paths.js';
import { bareRemote, remoteTagCommit, tracked } from './remotes.js';
import { OWN_REPOSITORY, stageOwnRepository } from './repositories.js';

// This repository as its maintainer releases it, for .github/workflows/self-release.yml under act: the files of
// this checkout as they are now (tracked, and untracked but not ignored: committed or not) committed on `main` of
// a new repository whose `origin` is a local bare remote, plus the `push` payload GitHub sends for a tag.

const [OWNER, NAME] = OWN_REPOSITORY.split('/') as [string, string];

export class OwnRepo extends GitRepo {
  private constructor(
    dir: string,
    /** The bare repository `origin` points at. */
    readonly remote: string,
  ) {
    super(dir);
  }

  static fromCheckout(source = repoRoot): OwnRepo {
    const listed = spawnSync('git', ['-C', source, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (listed.status !== 0) throw new Error(`git ls-files in ${source}: ${listed.stderr}`);
    const base = GitRepo.create('aic-own-');
    tracked(base.path);
    for (const file of listed.stdout.split('\0').filter(Boolean)) {
      const from = path.join(source, file);
      if (!existsSync(from) || !lstatSync(from).isFile()) continue;
      mkdirSync(path.dirname(path.join(base.path, file)), { recursive: true });
      copyFileSync(from, path.join(base.path, file));
    }
    const repo = new OwnRepo(base.path, bareRemote());
    repo.commitAll('agent-integration-ci, as this checkout has it');
    repo.git('remote', 'add', 'origin', repo.remote);
    repo.git('push', '-q', 'origin', 'main');
    return repo;
  }

  /** The version of CHANGELOG.md's newest entry (what a release tag of this commit must say). */
  newestVersion(): string {
    const found = /^## (\d+\.\d+\.\d+) \//m.exec(this.read('CHANGELOG.md'));
    if (!found) throw new Error('CHANGELOG.md has no `## X.Y.Z / date` entry');
    return found[1]!;
  }

  /** Tags HEAD and pushes the tag, as a maintainer cuts a release; returns the `push` payload GitHub sends. */
  pushTag(tag: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
    this.git('tag', tag);
    this.git('push', '-q', 'origin', `refs/tags/${tag}`);
    return {
      ref: `refs/tags/${tag}`,
      before: '0'.repeat(40),
      after: this.head(),
      created: true,
      deleted: false,
      forced: false,
      base_ref: null,
      repository: { name: NAME, full_name: OWN_REPOSITORY, default_branch: 'main', owner: { login: OWNER } },
      pusher: { name: 'maintainer' },
      ...extra,
    };
  }

  /** The commit a tag of the remote points to, or undefined. */
  remoteTag(tag: string): string | undefined {
    return remoteTagCommit(this.remote, tag);
  }

  /** git in the remote, which has what the workflow pushed (act's jobs work in copies of this checkout). */
  remoteGit(...args: string[]): string {
    return new GitRepo(this.remote).git(...args);
  }

  /** The files of the remote's `commit` (git archive) in a temp folder. */
  extract(commit: string): string {
    const dir = tracked(mkdtempSync(path.join(os.tmpdir(), 'aic-own-tree-')));
    const archive = spawnSync('git', ['-C', this.remote, 'archive', '--format=tar', commit], {
      maxBuffer: 256 * 1024 * 1024,
    });
    if (archive.status !== 0) throw new Error(`git archive ${commit}: ${String(archive.stderr)}`);
    const untar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
    if (untar.status !== 0) throw new Error(`tar -x: ${String(untar.stderr)}`);
    return dir;
  }

  /** What a partner's runner downloads for `org/agent-integration-ci@<commit>` (see stageOwnRepository). */
  stage(commit: string): string {
    return tracked(stageOwnRepository(this.extract(commit)));
  }
}
