import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'smol-toml';
import { validationSet, type RepoName, type ValidationSet } from '@aic/ddev';
import { UserError } from '@aic/runtime';

/** The set for this checkout: its `.ddev/config.toml` `validations` list when it has one, else by repo kind. */
export function checkoutValidationSet(repoPath: string, repo: RepoName): ValidationSet {
  const file = path.join(repoPath, '.ddev', 'config.toml');
  if (!existsSync(file)) return validationSet(repo, undefined);
  let listed: unknown;
  try {
    listed = (parse(readFileSync(file, 'utf8')) as { validations?: unknown }).validations;
  } catch (error) {
    throw new UserError(`.ddev/config.toml is not valid TOML: ${(error as Error).message.split('\n')[0]}`, {
      location: { file: '.ddev/config.toml' },
      hint: 'Fix the file (ddev reads it too).',
    });
  }
  if (listed === undefined) return validationSet(repo, undefined);
  if (!Array.isArray(listed) || !listed.every((name) => typeof name === 'string')) {
    throw new UserError('.ddev/config.toml: `validations` must be a list of validation names.', {
      location: { file: '.ddev/config.toml' },
      hint: 'e.g. validations = ["config", "metadata", "readmes"]',
    });
  }
  return validationSet(repo, listed as string[]);
}
