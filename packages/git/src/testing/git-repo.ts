import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];

/** Removes every repository `GitRepo.create` made in this process (call it from afterAll). */
export function removeGitRepos(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

function run(args: string[]): string {
  const result = spawnSync('git', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}

/** An empty bare repository in a temp dir (a local remote to push to); returns its path. */
export function bareRepo(): string {
  const dir = tempDir('aic-remote-');
  run(['init', '-q', '--bare', '-b', 'main', dir]);
  return dir;
}

/** A clone of `remote` (a path or URL) with `depth` commits of history, in a temp dir. */
export function shallowClone(remote: string, depth = 1): GitRepo {
  const dir = tempDir('aic-clone-');
  run(['clone', '-q', `--depth=${depth}`, remote.includes('://') ? remote : `file://${remote}`, dir]);
  return new GitRepo(dir);
}

/** A real git repository in a temp dir, for tests that need history: the one git fixture of the project. */
export class GitRepo {
  constructor(readonly path: string) {}

  /** An empty repository on branch `main`, with an identity of its own. */
  static create<T extends GitRepo>(this: new (dir: string) => T, prefix = 'aic-repo-'): T {
    const repo = new this(tempDir(prefix));
    repo.git('init', '-q', '-b', 'main');
    repo.git('config', 'user.email', 'partner@example.com');
    repo.git('config', 'user.name', 'Partner');
    repo.git('config', 'commit.gpgsign', 'false');
    return repo;
  }

  /** A repository holding `files`, committed. */
  static withFiles<T extends GitRepo>(this: new (dir: string) => T, files: Record<string, string>): T {
    const repo = (GitRepo.create as (this: new (dir: string) => T) => T).call(this);
    repo.writeFiles(files);
    repo.commitAll('initial');
    return repo;
  }

  git(...args: string[]): string {
    return run(['-C', this.path, ...args]);
  }

  write(file: string, text: string): void {
    mkdirSync(path.dirname(path.join(this.path, file)), { recursive: true });
    writeFileSync(path.join(this.path, file), text);
  }

  /** Writes each file (making its folders); `null` removes the file or folder. */
  writeFiles(files: Record<string, string | null>): void {
    for (const [file, text] of Object.entries(files)) {
      if (text === null) rmSync(path.join(this.path, file), { recursive: true, force: true });
      else this.write(file, text);
    }
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

  /** Commits everything (an empty commit when nothing changed); returns the new head. */
  commitAll(message: string): string {
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.head();
  }

  /** `writeFiles`, then `commitAll`. */
  commit(files: Record<string, string | null>, message = 'change'): string {
    this.writeFiles(files);
    return this.commitAll(message);
  }

  head(): string {
    return this.git('rev-parse', 'HEAD');
  }
}
