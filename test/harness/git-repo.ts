import { cpSync } from 'node:fs';
import path from 'node:path';
import { GitRepo as TempGitRepo } from '@aic/git/testing';
import { repoRoot } from './paths.js';

/** The project's git fixture (@aic/git/testing), with the bundled example integration at hand. */
export class GitRepo extends TempGitRepo {
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
}
