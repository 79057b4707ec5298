import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths.js';

/** A real git repository in a temp dir, for tests that need history. */
export class GitRepo {
  constructor(readonly path: string) {}

  static create(prefix = 'aic-repo-'): GitRepo {
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    const repo = new GitRepo(dir);
    repo.git('init', '-q', '-b', 'main');
    repo.git('config', 'user.email', 'partner@example.com');
    repo.git('config', 'user.name', 'Partner');
    repo.git('config', 'commit.gpgsign', 'false');
    return repo;
  }

  /** A repository holding `examples/awesome` (extras layout: the integration in its folder), committed. */
  static withExample(folder = 'awesome'): GitRepo {
    const repo = GitRepo.create();
    cpSync(path.join(repoRoot, 'examples', 'awesome'), path.join(repo.path, folder), {
      recursive: true,
      filter: (source) => !/(__pycache__|\.pytest_cache|\/dist$)/.test(source),
    });
    cpSync(path.join(repoRoot, 'examples', 'pyproject.toml'), path.join(repo.path, 'pyproject.toml'));
    repo.commitAll('Add the awesome integration');
    return repo;
  }

  git(...args: string[]): string {
    const result = spawnSync('git', ['-C', this.path, ...args], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout.trim();
  }

  write(file: string, text: string): void {
    writeFileSync(path.join(this.path, file), text);
  }

  read(file: string): string {
    return readFileSync(path.join(this.path, file), 'utf8');
  }

  /** Replaces `from` with `to` in a file (the test's edit). */
  edit(file: string, from: string | RegExp, to: string): void {
    const before = this.read(file);
    const after = before.replace(from, to);
    if (after === before) throw new Error(`${file} does not contain ${String(from)}`);
    this.write(file, after);
  }

  commitAll(message: string): string {
    this.git('add', '-A');
    this.git('commit', '-q', '-m', message);
    return this.head();
  }

  head(): string {
    return this.git('rev-parse', 'HEAD');
  }
}
