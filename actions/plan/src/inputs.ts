import { custom, readInputs, text, type InputSource } from '@aic/runtime';
import { parseIntegrationsSpec, type IntegrationsSpec } from '@aic/steps/integrations';

export interface Inputs {
  integrationsPath: string;
  integrations: IntegrationsSpec | undefined;
  baseRef: string;
  headRef: string;
  repoPath: string;
}

export function readActionInputs(source: InputSource): Inputs {
  return readInputs<Inputs>(
    {
      integrationsPath: text(),
      // Empty stays undefined: the default depends on whether a base commit is known.
      integrations: custom((raw) => (raw === '' ? undefined : parseIntegrationsSpec(raw))),
      baseRef: text(),
      headRef: text({ default: 'HEAD' }),
      repoPath: text({ required: true }),
    },
    source,
  );
}
