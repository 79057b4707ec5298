import path from 'node:path';
import { commitView, workingTreeView } from '@aic/git';
import type { IntegrationFolder, LocatedIntegration } from '@aic/integration';
import { notice, UserError, type Reporter } from '@aic/runtime';
import { detectChanges } from './changes.js';
import { allIntegrations, integrationsAmong, rootIntegration } from './discover.js';
import { nothingFound, strayCode } from './empty-selection.js';
import { resolveHead } from './head.js';
import type { IntegrationsSpec } from './spec.js';

/** An integration a run is about, with what its change is (when a diff chose it). */
export interface SelectedIntegration extends LocatedIntegration {
  /** A change that ships (needs tests, a wheel and a version bump); true when no diff chose it. */
  functional: boolean;
  /** Only docs, images or the changelog changed. */
  docsOnly: boolean;
  /** Why it is selected, in one line. */
  reason: string;
}

export interface SelectOptions {
  repoPath: string;
  /** The `integrations` input; undefined when not given: `changed` when a base commit is known, else `all`. */
  spec: IntegrationsSpec | undefined;
  /** The folder that holds the integrations, relative to the repository ('' for the root). */
  within?: string | undefined;
  /** The commit to compare with (the `base-ref` input, else the event's); needed for `changed`. */
  baseRef?: string | undefined;
  /**
   * The base is a push event's previous commit, which a force-push may have removed from the remote: with
   * no `integrations` given, checking every integration (with a notice) then replaces failing.
   */
  baseFromPush?: boolean;
  headRef?: string | undefined;
  /**
   * Where integrations are looked for by name and for `all`: the working tree (default: the files the steps
   * read), or the head commit (the plan: what each matrix leg will check out).
   */
  source?: 'working-tree' | 'head';
  reporter?: Reporter | undefined;
}

export interface Selection {
  /** How the integrations were chosen. */
  selection: 'changed' | 'all' | 'names';
  /** Set when every integration was selected, and why. */
  allBecause: string | undefined;
  integrations: SelectedIntegration[];
  /** The head commit, when git was asked (source `head`, or `changed`). */
  head: string | undefined;
  /** The merge base compared with, for `changed`. */
  mergeBase: string | undefined;
  changedFiles: number;
}

/** How a selected integration's change is named in summaries. */
export function changeKind(integration: Pick<SelectedIntegration, 'functional' | 'docsOnly'>): string {
  return integration.functional ? 'functional' : integration.docsOnly ? 'docs only' : 'tests only';
}

const quoted = (names: readonly string[]) => names.map((name) => `'${name}'`).join(', ');

/** A base that cannot be compared with: missing from the checkout and the remote, or with no common history. */
const isAboutBase = (error: unknown): error is UserError =>
  error instanceof UserError &&
  (error.message.includes("'base-ref'") || error.message.startsWith('No common ancestor'));

/**
 * The one selection of integrations, for every action and the CLI: the named ones, every one, or the ones
 * the change since the base touched (every one when a root file that affects them all changed). Checking
 * nothing is never a pass: a repository with no integration, or check code outside every integration, fails.
 */
export async function selectIntegrations(options: SelectOptions): Promise<Selection> {
  const { repoPath, reporter } = options;
  const within = options.within ?? '';
  const spec = options.spec ?? (options.baseRef ? { kind: 'changed' as const } : { kind: 'all' as const });
  const head = options.source === 'head' ? await resolveHead(repoPath, options.headRef) : undefined;
  const view = head ? commitView(repoPath, head) : workingTreeView(repoPath);
  const located = ({ folder, name }: IntegrationFolder) => ({ folder, name, path: path.join(repoPath, folder) });
  const chosen = (found: IntegrationFolder, reason: string): SelectedIntegration => ({
    ...located(found),
    functional: true,
    docsOnly: false,
    reason,
  });
  const every = async (because: string, git: Pick<Selection, 'head' | 'mergeBase' | 'changedFiles'>) => {
    const found = await allIntegrations(view, within);
    if (found.length === 0) throw nothingFound(within);
    reporter?.log(`All integrations selected: ${because}.`);
    const integrations = found.map((integration) => chosen(integration, because));
    return { selection: 'all' as const, allBecause: because, integrations, ...git };
  };
  const noDiff = { head, mergeBase: undefined, changedFiles: 0 };

  if (spec.kind === 'names') {
    const root = within === '' ? await rootIntegration(view) : undefined;
    const found = root ? new Map([[root.name, root]]) : await integrationsAmong(view, spec.names, within);
    const missing = spec.names.filter((name) => !found.has(name));
    if (missing.length > 0) {
      const known = (await allIntegrations(view, within)).map((item) => item.name);
      throw new UserError(
        `Input 'integrations': there is no integration ${quoted(missing)} ${head ? `at ${options.headRef || 'HEAD'}` : `in ${repoPath}`}.`,
        {
          hint:
            known.length > 0 ? `Known: ${known.slice(0, 20).join(', ')}.` : 'No integration folders were found there.',
        },
      );
    }
    const integrations = spec.names.map((name) => chosen(found.get(name)!, 'named in the integrations input'));
    return { selection: 'names', allBecause: undefined, integrations, ...noDiff };
  }
  if (spec.kind === 'all') return every('integrations: all', noDiff);
  if (!options.baseRef) {
    if (reporter)
      notice(
        reporter,
        "integrations: 'changed' needs a base commit (a pull request event or 'base-ref'); checking all integrations.",
      );
    return every("integrations: 'changed' without a base commit selects all", noDiff);
  }

  let changes;
  try {
    changes = await detectChanges({ repoPath, baseRef: options.baseRef, headRef: head ?? options.headRef, within });
  } catch (error) {
    if (options.spec !== undefined || !options.baseFromPush || !isAboutBase(error)) throw error;
    if (reporter)
      notice(
        reporter,
        `The push's previous commit cannot be compared with (${error.message}); checking all integrations.`,
      );
    return every("the push's previous commit cannot be compared with", noDiff);
  }
  const diff = { head: changes.head, mergeBase: changes.mergeBase, changedFiles: changes.changedFiles };
  if (changes.allBecause !== undefined) return every(changes.allBecause, diff);
  if (changes.integrations.length === 0 && changes.strayCheckCode.length > 0)
    throw strayCode(changes.strayCheckCode, within);
  const integrations = changes.integrations.map((integration) => ({
    ...located(integration),
    functional: integration.functional,
    docsOnly: integration.docsOnly,
    reason: integration.reasons.join('; '),
  }));
  return { selection: 'changed', allBecause: undefined, integrations, ...diff };
}
