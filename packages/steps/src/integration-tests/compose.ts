import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { interpolateCompose } from '@aic/integration';
import { readUserTextFile, relativeTo, UserError } from '@aic/runtime';

const COMPOSE_NAME = /^docker-compose.*\.ya?ml$/;

/** Every `docker-compose*.y*ml` under an integration's `tests/`. */
export function findComposeFiles(integrationPath: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== 'node_modules' && !name.startsWith('.')) walk(full);
      } else if (COMPOSE_NAME.test(name)) {
        found.push(full);
      }
    }
  };
  const tests = path.join(integrationPath, 'tests');
  if (existsSync(tests)) walk(tests);
  return found;
}

/** The compose files named by the `compose-files` input (relative to the repository): each a file inside it. */
export function namedComposeFiles(repoPath: string, named: readonly string[]): string[] {
  return named.map((name) => {
    const file = path.resolve(repoPath, name);
    const inside = path.relative(repoPath, file);
    if (inside.startsWith('..') || path.isAbsolute(inside)) {
      throw new UserError(`Input 'compose-files': ${name} is outside the repository ${repoPath}.`, {
        hint: 'Name compose files inside the checkout, relative to repo-path.',
      });
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      throw new UserError(`Input 'compose-files': ${name} is not a file in ${repoPath}.`, {
        hint: 'Paths are relative to repo-path; leave the input empty to use every tests/docker-compose*.y*ml.',
      });
    }
    return file;
  });
}

/** The images a compose file uses, read with a YAML parser; invalid YAML is an error on its line. */
export function composeImages(file: string, repoPath: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const shown = relativeTo(repoPath, file);
  const document = parseDocument(readUserTextFile(file, shown, 'compose file'));
  const problem = document.errors[0];
  if (problem) {
    const line = problem.linePos?.[0]?.line;
    throw new UserError(`${shown} is not valid YAML: ${problem.message.split('\n')[0]}.`, {
      location: { file: shown, ...(line === undefined ? {} : { line }) },
      hint: 'Fix the compose file (docker compose config shows the same error).',
    });
  }
  const services = (document.toJS() as { services?: Record<string, { image?: unknown }> } | null)?.services ?? {};
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
