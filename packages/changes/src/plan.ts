import type { IntegrationFolder } from '@aic/integration';
import { affectsAllIntegrations, classifyIntegrationFile, type FileKind } from './file-kind.js';

export type ChangeStatus = 'added' | 'modified' | 'deleted';

export interface ChangedPath {
  /** Relative to the repository root, `/` separators. */
  path: string;
  status: ChangeStatus;
}

export interface PlannedIntegration extends IntegrationFolder {
  /** True when a change ships to users (needs a version bump). */
  functional: boolean;
  /** True when only docs, images or the changelog changed. */
  docsOnly: boolean;
  /** One line per kind of change, e.g. "Python code: datadog_checks/x/check.py". */
  reasons: string[];
  files: string[];
}

export interface ChangePlan {
  /** Set when a root file changed that affects every integration. */
  allBecause: string | undefined;
  integrations: PlannedIntegration[];
  /**
   * Changed Python files of a check package (`…/datadog_checks/….py`) that no integration holds: a sign
   * that the integrations live in another folder than the one searched.
   */
  strayCheckCode: string[];
}

/** A changed `<folder>/datadog_checks/<pkg>/….py` outside every known integration: its integration folder. */
export function checkFolderOf(changedPath: string): string | undefined {
  const at = changedPath.indexOf('datadog_checks/');
  if (at < 0 || !changedPath.endsWith('.py') || (at > 0 && changedPath[at - 1] !== '/')) return undefined;
  return changedPath.slice(0, Math.max(0, at - 1));
}

/**
 * Which integrations a diff touches. `integrationAt(folder)` says whether a folder directly inside
 * `within` (the folder that holds the integrations, '' for the repository root) is an integration at
 * the head (undefined: not one, or deleted). When the repository root is itself the integration, pass
 * it as `rootIntegration`: every path then belongs to it.
 */
export function planChanges(
  changes: readonly ChangedPath[],
  integrationAt: (folder: string) => IntegrationFolder | undefined,
  rootIntegration?: IntegrationFolder,
  within = '',
): ChangePlan {
  let allBecause: string | undefined;
  const strayCheckCode: string[] = [];
  const prefix = within === '' ? '' : `${within}/`;
  const byFolder = new Map<
    string,
    { integration: IntegrationFolder; files: { path: string; kind: FileKind; reason: string }[] }
  >();
  for (const change of changes) {
    const integration = rootIntegration ?? integrationOf(change.path);
    if (!integration) {
      if (
        !rootIntegration &&
        change.path.startsWith(prefix) &&
        affectsAllIntegrations(change.path.slice(prefix.length))
      )
        allBecause ??= `${change.path} changed, and it affects every integration`;
      else if (change.status !== 'deleted' && checkFolderOf(change.path) !== undefined)
        strayCheckCode.push(change.path);
      continue;
    }
    const inner = integration.folder === '' ? change.path : change.path.slice(integration.folder.length + 1);
    const { kind, reason } = classifyIntegrationFile(inner);
    let entry = byFolder.get(integration.folder);
    if (!entry) byFolder.set(integration.folder, (entry = { integration, files: [] }));
    entry.files.push({ path: inner, kind, reason });
  }
  const integrations = [...byFolder.values()]
    .map(({ integration, files }) => {
      const reasons = new Map<string, string[]>();
      for (const file of files) reasons.set(file.reason, [...(reasons.get(file.reason) ?? []), file.path]);
      return {
        ...integration,
        functional: files.some((file) => file.kind === 'functional'),
        docsOnly: files.every((file) => file.kind === 'docs'),
        reasons: [...reasons].map(([reason, paths]) => `${reason}: ${paths.join(', ')}`),
        files: files.map((file) => file.path),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return { allBecause, integrations, strayCheckCode };

  function integrationOf(changed: string): IntegrationFolder | undefined {
    if (!changed.startsWith(prefix)) return undefined;
    const slash = changed.indexOf('/', prefix.length);
    return slash < 0 ? undefined : integrationAt(changed.slice(prefix.length, slash));
  }
}
