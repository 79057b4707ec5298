import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ddevConfigToml, EXTRAS_RUFF_SETTINGS, hasRuffSettings, type RepoName } from '@aic/ddev';
import type { LocatedIntegration } from '@aic/integration';
import { runChecked } from '@aic/runtime';

/** Where ddev is pointed for one integration: its config (repos.<kind> = root) and the name it is given. */
export interface DdevView {
  /** The folder ddev takes for the repository (`repos.<kind>`). */
  root: string;
  target: string;
  /** `<root>/<target>`: the path ddev prints for the integration's files. */
  integrationPath: string;
  configPath: string;
  repo: RepoName;
}

const readText = (file: string): string | undefined => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);

function writeConfig(dir: string, repo: RepoName, root: string): string {
  const configPath = path.join(dir, 'config.toml');
  writeFileSync(configPath, ddevConfigToml(repo, root));
  return configPath;
}

/**
 * ddev names integrations by folder inside its repository. An integration in a folder is named from the
 * folder that holds it; one at the repository root cannot be (`ddev validate config .` finds nothing), so it
 * is seen through `<stage>/<name>` → the checkout, in a stage that ddev takes for integrations-extras.
 */
export async function ddevView(integration: LocatedIntegration, repo: RepoName, scratch: string): Promise<DdevView> {
  const dir = mkdtempSync(path.join(scratch, 'view-'));
  if (integration.folder === '') {
    const root = path.join(dir, 'repo');
    mkdirSync(root);
    symlinkSync(integration.path, path.join(root, integration.name), 'dir');
    // ddev's metadata and jmx-metrics ask git about the repository (`git worktree list`).
    await runChecked('git', ['init', '-q', root]);
    return {
      root,
      target: integration.name,
      integrationPath: path.join(root, integration.name),
      configPath: writeConfig(dir, 'extras', root),
      repo: 'extras',
    };
  }
  const root = path.dirname(integration.path);
  const target = path.basename(integration.path);
  return { root, target, integrationPath: integration.path, configPath: writeConfig(dir, repo, root), repo };
}

/** ddev's config for the repository-wide validations: the checkout itself, as the kind it is. */
export function repositoryConfig(repo: RepoName, repoPath: string, scratch: string): string {
  return writeConfig(mkdtempSync(path.join(scratch, 'repository-')), repo, repoPath);
}

/** Folders of tools, not of the integration: neither copied nor compared. */
export const TOOL_FOLDERS: ReadonlySet<string> = new Set([
  '.git',
  '.venv',
  'venv',
  '.tox',
  'node_modules',
  '.ruff_cache',
  '.mypy_cache',
  '__pycache__',
  '.pytest_cache',
]);

/** Folders never worth copying into a lint stage (ruff excludes them anyway). */
const NOT_COPIED = new Set([...TOOL_FOLDERS, 'dist', 'build']);

/** Where `ddev test --lint/--fmt` runs, and how its changes get back to the checkout. */
export interface LintView extends DdevView {
  /** Set when the integration was copied: its files are here, under `<root>/<target>`. */
  copy: string | undefined;
}

/**
 * `ddev test --lint` runs ruff with `--config <settings>/pyproject.toml`, the settings folder being the
 * integration itself when its pyproject.toml has [tool.ruff], else the folder above it (resolved through
 * symlinks, and ruff walks no symlinked folder). Where that folder has no ruff settings of ours (an integration
 * at the repository root, or a repository without extras' pyproject.toml), lint a copy placed under a stage
 * holding extras' settings: what Datadog's CI would lint it with.
 */
export async function lintView(integration: LocatedIntegration, repo: RepoName, scratch: string): Promise<LintView> {
  const own = readText(path.join(integration.path, 'pyproject.toml'));
  const parent =
    integration.folder === '' ? undefined : readText(path.join(path.dirname(integration.path), 'pyproject.toml'));
  if (hasRuffSettings(own) || hasRuffSettings(parent))
    return { ...(await ddevView(integration, repo, scratch)), copy: undefined };
  const dir = mkdtempSync(path.join(scratch, 'lint-'));
  const root = path.join(dir, 'repo');
  const target = integration.folder === '' ? integration.name : path.basename(integration.path);
  const copy = path.join(root, target);
  cpSync(integration.path, copy, {
    recursive: true,
    filter: (source) => !NOT_COPIED.has(path.basename(source)) || source === integration.path,
  });
  writeFileSync(path.join(root, 'pyproject.toml'), EXTRAS_RUFF_SETTINGS);
  // `ddev test` finds its targets through git ("Unknown target" outside a repository).
  await runChecked('git', ['init', '-q', root]);
  const kind: RepoName = integration.folder === '' ? 'extras' : repo;
  return { root, target, integrationPath: copy, configPath: writeConfig(dir, kind, root), repo: kind, copy };
}
