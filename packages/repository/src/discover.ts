import type { RepositoryView } from '@aic/git';
import { isIntegrationFolder, type IntegrationFolder } from '@aic/integration';

/** Folder names never taken for integrations: hidden and private ones. */
const skipped = (folder: string): boolean => folder.startsWith('.') || folder.startsWith('_');

const joined = (within: string, name: string): string => (within === '' ? name : `${within}/${name}`);

/**
 * The repository root as an integration (a partner repository holding one check): its name is the one
 * package under `datadog_checks/`.
 */
export async function rootIntegration(view: RepositoryView): Promise<IntegrationFolder | undefined> {
  const packages = ((await view.list(['datadog_checks'])).get('datadog_checks') ?? []).filter(
    (entry) => entry.type === 'folder' && !skipped(entry.name),
  );
  return packages.length === 1 ? { folder: '', name: packages[0]!.name } : undefined;
}

/**
 * Which of `names` (folders directly inside `within`, '' for the root) are integrations, by their marker
 * files, in one listing of those folders only. A folder that is not there is simply not one. Keyed by name.
 */
export async function integrationsAmong(
  view: RepositoryView,
  names: Iterable<string>,
  within = '',
): Promise<Map<string, IntegrationFolder>> {
  const wanted = [...new Set(names)].filter((name) => name !== '' && !name.includes('/') && !skipped(name));
  const listed = await view.list(wanted.map((name) => joined(within, name)));
  const found = new Map<string, IntegrationFolder>();
  for (const name of wanted) {
    const folder = joined(within, name);
    const entries = listed.get(folder);
    if (entries && isIntegrationFolder(entries.map((entry) => entry.name))) found.set(name, { folder, name });
  }
  return found;
}

/** Every integration: the root one, or each folder with a marker directly inside `within`, in name order. */
export async function allIntegrations(view: RepositoryView, within = ''): Promise<IntegrationFolder[]> {
  const root = within === '' ? await rootIntegration(view) : undefined;
  if (root) return [root];
  const top = ((await view.list([within])).get(within) ?? []).filter((entry) => entry.type === 'folder');
  const found = await integrationsAmong(
    view,
    top.map((entry) => entry.name),
    within,
  );
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}
