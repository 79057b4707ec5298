import { boolean, choice, custom, readInputs, text, type InputSource } from '@aic/runtime';
import { parseIntegrationsSpec, type IntegrationsSpec } from '@aic/steps/integrations';

export interface Inputs {
  integrations: IntegrationsSpec;
  integrationsPath: string;
  repoPath: string;
  repo: 'auto' | 'extras' | 'marketplace' | 'core';
  fix: boolean;
  baseRef: string;
}

export function readActionInputs(source: InputSource, eventName: string | undefined): Inputs {
  return readInputs<Inputs>(
    {
      integrations: custom((raw) => parseIntegrationsSpec(raw, eventName)),
      integrationsPath: text(),
      repoPath: text({ required: true }),
      repo: choice(['auto', 'extras', 'marketplace', 'core'] as const, 'auto'),
      fix: boolean(false),
      baseRef: text(),
    },
    source,
  );
}
