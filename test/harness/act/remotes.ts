import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GitRepo } from '../git-repo.js';

// The temp repositories of the act scenarios and their local bare remotes (`origin`, where tags are pushed and
// read back), removed together when the suite ends.

const made: string[] = [];

/** Remembers a temp folder for removeAllRepositories(). */
export function tracked(dir: string): string {
  made.push(dir);
  return dir;
}

/** A new, empty bare repository on `main`. */
export function bareRemote(): string {
  const remote = tracked(mkdtempSync(path.join(os.tmpdir(), 'aic-remote-')));
  new GitRepo(remote).git('init', '-q', '--bare', '-b', 'main');
  return remote;
}

/** Removes every repository and remote this process made. */
export function removeAllRepositories(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The commit a tag of `remote` points to (peeled), or undefined. */
export function remoteTagCommit(remote: string, tag: string): string | undefined {
  try {
    return new GitRepo(remote).git('rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`);
  } catch {
    return undefined;
  }
}
