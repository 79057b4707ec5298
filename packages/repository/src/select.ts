import path from 'node:path';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { checkIntegrationName } from '@aic/integration';
import type { IntegrationFolder } from '@aic/changes';
import { splitList, UserError, type Reporter } from '@aic/runtime';
import { detectChanges } from '../plan/index.js';
import { hasPythonPackage, integrationAt, listIntegrations, rootIntegration } from './discover.js';
import { nothingFound, strayCode } from './empty-selection.js';

export { hasPythonPackage, integrationAt, listIntegrations, rootIntegration } from './discover.js';
export { ddevArgsFor, ddevTarget, type DdevTarget } from './ddev-target.js';

/** The `integrations` input: named ones, every one, or those the change touched. */
export type IntegrationsSpec = { kind: 'all' } | { kind: 'changed' } | { kind: 'names'; names: string[] };

/**
 * Parses the `integrations` input. Empty means `changed` on pull requests and `all` otherwise.
 * Returns `{ problem }` for a name that is not one (path, shell characters, …).
 */
export function parseIntegrationsSpec(raw: string, eventName?: string): IntegrationsSpec | { problem: string } {
  const items = splitList(raw);
  if (items.length === 0) return eventName === 'pull_request' ? { kind: 'changed' } : { kind: 'all' };
  if (items.length === 1 && (items[0] === 'all' || items[0] === 'changed')) return { kind: items[0] };
  const names: string[] = [];
  for (const item of items) {
    const check = checkIntegrationName(item);
    if (!check.ok) return { problem: check.problem };
    if (!names.includes(check.name)) names.push(check.name);
  }
  return { names, kind: 'names' };
}

export interface SelectedIntegration extends IntegrationFolder {
  /** Absolute path of the integration folder. */
  path: string;
}

export interface SelectOptions {
  repoPath: string;
  /** The folder that holds the integrations, relative to the repository ('' for the root). */
  within?: string;
  /** Needed for `changed`; without one, `changed` falls back to all with a notice. */
  baseRef?: string;
  headRef?: string;
  reporter?: Reporter;
}

/** The base of a pull request from the event payload (GITHUB_EVENT_PATH), or the previous commit of a push. */
export function baseFromEvent(eventPath: string | undefined): string | undefined {
  if (!eventPath || !existsSync(eventPath)) return undefined;
  try {
    const event = JSON.parse(readFileSync(eventPath, 'utf8')) as {
      pull_request?: { base?: { sha?: string } };
      before?: string;
    };
    const before = event.before && !/^0+$/.test(event.before) ? event.before : undefined;
    return event.pull_request?.base?.sha ?? before;
  } catch {
    return undefined;
  }
}

export async function selectIntegrations(
  spec: IntegrationsSpec,
  options: SelectOptions,
): Promise<SelectedIntegration[]> {
  const withPath = (found: IntegrationFolder): SelectedIntegration => ({
    ...found,
    path: path.join(options.repoPath, found.folder),
  });
  const within = options.within ?? '';
  if (spec.kind === 'names') {
    const root = within === '' ? rootIntegration(options.repoPath) : undefined;
    return spec.names.map((name) => {
      if (root) {
        if (root.name === name) return withPath(root);
      } else {
        const found = integrationAt(options.repoPath, name, within);
        if (found) return withPath(found);
      }
      const known = listIntegrations(options.repoPath, within).map((item) => item.name);
      throw new UserError(`Input 'integrations': there is no integration '${name}' in ${options.repoPath}.`, {
        hint:
          known.length > 0 ? `Known: ${known.slice(0, 20).join(', ')}.` : 'No integration folders were found there.',
      });
    });
  }
  if (spec.kind === 'changed' && options.baseRef) {
    const plan = await detectChanges({
      repoPath: options.repoPath,
      baseRef: options.baseRef,
      within,
      ...(options.headRef ? { headRef: options.headRef } : {}),
    });
    if (plan.integrations.length === 0 && plan.strayCheckCode.length > 0) throw strayCode(plan.strayCheckCode, within);
    if (plan.allBecause === undefined) return plan.integrations.map(withPath);
    options.reporter?.log(`All integrations selected: ${plan.allBecause}.`);
  } else if (spec.kind === 'changed') {
    options.reporter?.annotate({
      level: 'notice',
      message:
        "integrations: 'changed' needs a base commit (a pull request event or 'base-ref'); checking all integrations.",
    });
  }
  const all = listIntegrations(options.repoPath, within);
  if (all.length === 0) throw nothingFound(within);
  return all.map(withPath);
}

/**
 * The `integrations-path` input: the folder that holds the integrations (`integrations` for
 * `integrations/<name>`), relative to the repository. '' (or `.`) is the repository root, where the
 * integrations are top-level folders or the root is itself the integration.
 */
export function resolveIntegrationsPath(raw: string, repoPath: string, input = "Input 'integrations-path'"): string {
  const trimmed = raw.trim().replace(/\\/g, '/');
  if (trimmed === '' || trimmed === '.' || trimmed === './') return '';
  if (path.isAbsolute(trimmed) || /^[A-Za-z]:/.test(trimmed)) {
    throw new UserError(`${input}: ${JSON.stringify(raw)} is an absolute path.`, {
      hint: "Give the folder relative to the repository, e.g. 'integrations'.",
    });
  }
  const normalized = path.posix.normalize(trimmed).replace(/\/+$/, '');
  if (normalized === '..' || normalized.startsWith('../')) {
    throw new UserError(`${input}: ${JSON.stringify(raw)} is outside the repository.`, {
      hint: "Give a folder inside the repository, e.g. 'integrations'.",
    });
  }
  if (normalized === '.') return '';
  if (!isFolder(path.join(repoPath, normalized))) {
    throw new UserError(`${input}: there is no folder '${normalized}' in ${repoPath}.`, {
      hint: "Name the folder that holds the integrations (e.g. 'integrations'), or '.' for the repository root.",
    });
  }
  return normalized;
}

function isFolder(full: string): boolean {
  try {
    return statSync(full).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The integrations that ship Python. Tile-only ones (a manifest, assets and docs) are named in the log
 * and left out: tests and wheels do not apply to them, as Datadog's CI runs none for them.
 */
export function withPythonPackage(
  integrations: readonly SelectedIntegration[],
  reporter: Reporter,
  step: string,
): SelectedIntegration[] {
  const tiles = integrations.filter((integration) => !hasPythonPackage(integration.path));
  for (const tile of tiles) reporter.log(`${tile.name}: tile-only (no Python package): no ${step}.`);
  return integrations.filter((integration) => !tiles.includes(integration));
}
