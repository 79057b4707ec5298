import path from 'node:path';
import { interpolateCompose, readUntrustedYaml } from '@aic/integration';
import { isInside, kindWithin, readUserTextFile, realPath, relativeTo, UserError, walkFiles } from '@aic/runtime';

const COMPOSE_NAME = /^docker-compose.*\.ya?ml$/;

/**
 * Every `docker-compose*.y*ml` under an integration's `tests/`, all inside the integration once links are followed: a link
 * out of it (whose services would be pulled and `down --volumes`'d), a dangling one or a loop is skipped.
 */
export function findComposeFiles(integrationPath: string): string[] {
  return walkFiles(path.join(integrationPath, 'tests'), {
    boundary: integrationPath,
    skipDirectory: (name) => name === 'node_modules' || name.startsWith('.'),
  }).filter((file) => COMPOSE_NAME.test(path.basename(file)));
}

/** The compose files named by the `compose-files` input (relative to the repository): each a file inside it. */
export function namedComposeFiles(repoPath: string, named: readonly string[]): string[] {
  const root = realPath(repoPath) ?? path.resolve(repoPath);
  return named.map((name) => {
    const shown = name.length > 100 ? `${name.slice(0, 97)}...` : name;
    const file = path.resolve(repoPath, name);
    // The real path decides, not the text: `tests/x.yml` may be a link to a file outside the checkout.
    const real = realPath(file);
    if (!isInside(path.resolve(repoPath), file) || (real !== undefined && !isInside(root, real))) {
      throw new UserError(`Input 'compose-files': ${shown} is outside the repository ${repoPath}.`, {
        hint: 'Name compose files inside the checkout, relative to repo-path (a link out of it is not followed).',
      });
    }
    if (real === undefined || kindWithin(real, root) !== 'file') {
      throw new UserError(`Input 'compose-files': ${shown} is not a file in ${repoPath}.`, {
        hint: 'Paths are relative to repo-path; leave the input empty to use every tests/docker-compose*.y*ml.',
      });
    }
    return file;
  });
}

/** The images a compose file uses, read with a YAML parser; invalid YAML is an error on its line. */
export function composeImages(file: string, repoPath: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const shown = relativeTo(repoPath, file);
  // Bounded: an alias bomb or nested complex keys are an error on the file, not minutes of work.
  const read = readUntrustedYaml(readUserTextFile(file, shown, 'compose file'));
  if (!read.ok) {
    const what = read.kind === 'syntax' ? 'is not valid YAML' : 'cannot be read as YAML';
    throw new UserError(`${shown} ${what}: ${read.problem}.`, {
      location: { file: shown, ...(read.line === undefined ? {} : { line: read.line }) },
      hint: 'Fix the compose file (docker compose config reads it the same way).',
    });
  }
  const services = (read.data as { services?: Record<string, { image?: unknown }> } | null)?.services ?? {};
  return Object.values(services)
    .map((service) => service?.image)
    .filter((image): image is string => typeof image === 'string')
    .map((image) => interpolateCompose(image, env))
    .filter((image): image is string => image !== undefined);
}

/** Docker Hub's answer when the anonymous pull quota is used up. */
export function isRateLimited(output: string): boolean {
  return /toomanyrequests|429 Too Many Requests|rate limit/i.test(output);
}
