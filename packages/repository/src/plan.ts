import type { IntegrationFolder } from '@aic/changes';
import { nothingFound, strayCode } from '../integrations/empty-selection.js';
import { UserError } from '@aic/runtime';
import { commitExists, resolveCommit } from '../git/index.js';
import { allIntegrationsAt, integrationsAmong, rootIntegrationAt } from '../integrations/at-commit.js';
import type { IntegrationsSpec } from '../integrations/index.js';
import { detectChanges } from './index.js';

/** One leg of the workflow matrix: what the per-integration job needs to know. */
export interface MatrixLeg {
  integration: string;
  /** Relative to the repository root; '' when the root is the integration. */
  folder: string;
  /** A change that ships (needs tests, a wheel and a version bump). */
  functional: boolean;
  /** Only docs, images or the changelog changed. */
  'docs-only': boolean;
  /** Why this integration is in the plan, in one line. */
  reason: string;
}

export interface PlannedRun {
  /** How the integrations were chosen. */
  selection: 'changed' | 'all' | 'names';
  /** Set when every integration was selected, and why. */
  allBecause: string | undefined;
  legs: MatrixLeg[];
  head: string;
  /** The merge base compared with, for `changed`. */
  mergeBase: string | undefined;
  changedFiles: number;
}

export interface PlanRunOptions {
  repoPath: string;
  spec: IntegrationsSpec;
  baseRef?: string | undefined;
  headRef?: string | undefined;
  /** The folder that holds the integrations, relative to the repository ('' for the root). */
  within?: string | undefined;
}

const everyLeg = (found: readonly IntegrationFolder[], reason: string): MatrixLeg[] =>
  found.map((integration) => ({
    integration: integration.name,
    folder: integration.folder,
    functional: true,
    'docs-only': false,
    reason,
  }));

/**
 * The plan of a CI run: which integrations get a matrix leg, and why. This is what the `plan` action
 * outputs and the function to benchmark (a 300-integration repository, a change touching one).
 */
export async function planRun(options: PlanRunOptions): Promise<PlannedRun> {
  const headRef = options.headRef || 'HEAD';
  if (!(await commitExists(options.repoPath, headRef))) {
    throw new UserError(`Input 'head-ref': ${JSON.stringify(headRef)} is not a commit in ${options.repoPath}.`, {
      hint: 'Give a branch, tag or SHA that the checkout contains.',
    });
  }
  const head = await resolveCommit(options.repoPath, headRef);
  const base = { head, mergeBase: undefined, changedFiles: 0, allBecause: undefined };
  const { spec } = options;
  const within = options.within ?? '';
  if (spec.kind === 'names') {
    const root = within === '' ? await rootIntegrationAt(options.repoPath, head) : undefined;
    const found = root
      ? new Map([[root.name, root]])
      : await integrationsAmong(options.repoPath, head, spec.names, within);
    const missing = spec.names.filter((name) => !found.has(name));
    if (missing.length > 0) {
      const known = (await allIntegrationsAt(options.repoPath, head, within)).map((item) => item.name);
      throw new UserError(
        `Input 'integrations': no integration ${missing.map((name) => `'${name}'`).join(', ')} at ${headRef}.`,
        {
          hint:
            known.length > 0 ? `Known: ${known.slice(0, 20).join(', ')}.` : 'No integration folders were found there.',
        },
      );
    }
    return {
      ...base,
      selection: 'names',
      legs: everyLeg(
        spec.names.map((name) => found.get(name)!),
        'named in the integrations input',
      ),
    };
  }
  if (spec.kind === 'all' || !options.baseRef) {
    const reason =
      spec.kind === 'all' ? 'integrations: all' : "integrations: 'changed' without a base commit selects all";
    const found = await allIntegrationsAt(options.repoPath, head, within);
    if (found.length === 0) throw nothingFound(within);
    return { ...base, selection: 'all', allBecause: reason, legs: everyLeg(found, reason) };
  }
  const changes = await detectChanges({ repoPath: options.repoPath, baseRef: options.baseRef, headRef: head, within });
  const common = { head, mergeBase: changes.mergeBase, changedFiles: changes.changedFiles };
  if (changes.allBecause !== undefined) {
    const legs = everyLeg(await allIntegrationsAt(options.repoPath, head, within), changes.allBecause);
    return { ...common, selection: 'all', allBecause: changes.allBecause, legs };
  }
  if (changes.integrations.length === 0 && changes.strayCheckCode.length > 0)
    throw strayCode(changes.strayCheckCode, within);
  return {
    ...common,
    selection: 'changed',
    allBecause: undefined,
    legs: changes.integrations.map((integration) => ({
      integration: integration.name,
      folder: integration.folder,
      functional: integration.functional,
      'docs-only': integration.docsOnly,
      reason: integration.reasons.join('; '),
    })),
  };
}

/** The matrix JSON a workflow's `strategy.matrix` takes. */
export function matrixOf(legs: readonly MatrixLeg[]): { include: MatrixLeg[] } {
  return { include: [...legs] };
}
