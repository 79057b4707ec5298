import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { IntegrationShape, RepositoryFacts, RepoName } from '@aic/ddev';

const isFile = (file: string) => existsSync(file) && statSync(file).isFile();

function holdsPython(folder: string): boolean {
  if (!existsSync(folder)) return false;
  return readdirSync(folder, { withFileTypes: true }).some((entry) =>
    entry.isDirectory() ? holdsPython(path.join(folder, entry.name)) : entry.name.endsWith('.py'),
  );
}

/** What ddev looks at to select an integration folder for each validation (see validationApplies). */
export function integrationShape(integrationPath: string, target: string): IntegrationShape {
  const packageName = target.replace(/-/g, '_');
  return {
    hasVersionFile: isFile(path.join(integrationPath, 'datadog_checks', packageName, '__about__.py')),
    hasManifest: isFile(path.join(integrationPath, 'manifest.json')),
    isTestable: isFile(path.join(integrationPath, 'hatch.toml')) && existsSync(path.join(integrationPath, 'tests')),
    hasCode: holdsPython(path.join(integrationPath, 'datadog_checks')),
  };
}

export function repositoryFacts(repoPath: string, repo: RepoName): RepositoryFacts {
  return {
    repo,
    hasCodeowners: isFile(path.join(repoPath, '.github', 'CODEOWNERS')),
    hasTestAllWorkflow: isFile(path.join(repoPath, '.github', 'workflows', 'test-all.yml')),
  };
}
