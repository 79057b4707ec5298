import { custom, resolveRepoPath, text, type Reporter, type RunnerEnvironment } from '@aic/runtime';
import { baseFromEvent } from './event.js';
import { resolveIntegrationsPath } from './integrations-path.js';
import { selectIntegrations, type Selection } from './select.js';
import { parseIntegrationsSpec, type IntegrationsSpec } from './spec.js';

/** The inputs every action that works on integrations has (see each action.yml). */
export interface SelectionInputs {
  integrations: IntegrationsSpec | undefined;
  integrationsPath: string;
  baseRef: string;
  repoPath: string;
}

/** Their `readInputs` specs, spread into each action's own schema. */
export const selectionInputs = {
  integrations: custom(parseIntegrationsSpec),
  integrationsPath: text(),
  baseRef: text(),
  repoPath: text({ required: true }),
};

export interface ActionSelection extends Selection {
  /** The checkout, absolute. */
  repoPath: string;
  /** The folder that holds the integrations, relative to the repository. */
  within: string;
  /** The base compared with: the `base-ref` input, else the event's (a pull request's base, a push's previous commit). */
  baseRef: string | undefined;
}

/** Where the action's integrations are, and which of them this run is about: the one selection, from the inputs. */
export async function selectFromInputs(
  inputs: SelectionInputs,
  runner: RunnerEnvironment,
  reporter: Reporter,
  options: { source?: 'working-tree' | 'head'; headRef?: string } = {},
): Promise<ActionSelection> {
  const repoPath = resolveRepoPath(runner.workspace, inputs.repoPath);
  const within = resolveIntegrationsPath(inputs.integrationsPath, repoPath);
  const baseRef = inputs.baseRef || baseFromEvent(runner.eventPath);
  const selection = await selectIntegrations({
    repoPath,
    spec: inputs.integrations,
    within,
    baseRef,
    baseFromPush: !inputs.baseRef && runner.eventName === 'push',
    ...options,
    reporter,
  });
  return { ...selection, repoPath, within, baseRef };
}
