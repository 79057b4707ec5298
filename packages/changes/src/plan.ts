import { affectsAllIntegrations, classifyIntegrationFile, type FileKind } from './file-kind.js';

export type ChangeStatus = 'added' | 'modified' | 'deleted';

export interface ChangedPath {
  /** Relative to the repository root, `/` separators. */
  path: string;
  status: ChangeStatus;
}

export interface IntegrationFolder {
  /** Relative to the repository root; '' when the repository root is the integration. */
  folder: string;
  name: string;
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
}

/**
 * Which integrations a diff touches. `integrationAt(folder)` says whether a top-level folder is an
 * integration at the head (undefined: not one, or deleted). When the repository root is itself the
 * integration, pass it as `rootIntegration`: every path then belongs to it.
 */
export function planChanges(
  changes: readonly ChangedPath[],
  integrationAt: (folder: string) => IntegrationFolder | undefined,
  rootIntegration?: IntegrationFolder,
): ChangePlan {
  let allBecause: string | undefined;
  const byFolder = new Map<
    string,
    { integration: IntegrationFolder; files: { path: string; kind: FileKind; reason: string }[] }
  >();
  for (const change of changes) {
    if (!rootIntegration && affectsAllIntegrations(change.path)) {
      allBecause ??= `${change.path} changed, and it affects every integration`;
      continue;
    }
    const slash = change.path.indexOf('/');
    const folder = rootIntegration ? '' : slash < 0 ? undefined : change.path.slice(0, slash);
    if (folder === undefined) continue;
    const integration = rootIntegration ?? integrationAt(folder);
    if (!integration) continue;
    const inner = folder === '' ? change.path : change.path.slice(folder.length + 1);
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
  return { allBecause, integrations };
}
