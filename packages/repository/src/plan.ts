import type { SelectedIntegration } from './select.js';

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

export function matrixLegs(integrations: readonly SelectedIntegration[]): MatrixLeg[] {
  return integrations.map((integration) => ({
    integration: integration.name,
    folder: integration.folder,
    functional: integration.functional,
    'docs-only': integration.docsOnly,
    reason: integration.reason,
  }));
}

/** The matrix JSON a workflow's `strategy.matrix` takes. */
export function matrixOf(legs: readonly MatrixLeg[]): { include: MatrixLeg[] } {
  return { include: [...legs] };
}
