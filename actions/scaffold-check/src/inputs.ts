import { boolean, choice, custom, readInputs, text, type InputSource } from '@aic/runtime';
import { TEMPLATES, type Template } from '@aic/steps/scaffold-check';
import { parseIntegrationsSpec, type IntegrationsSpec } from '@aic/steps/integrations';

export interface Inputs {
  integrationsPath: string;
  integrations: IntegrationsSpec;
  repoPath: string;
  strict: 'auto' | 'true' | 'false';
  failOn: 'error' | 'warning';
  python: string;
  baseRef: string;
  create: boolean;
  template: Template;
}

export function readActionInputs(source: InputSource, eventName: string | undefined): Inputs {
  return readInputs<Inputs>(
    {
      integrationsPath: text(),
      integrations: custom((raw) => parseIntegrationsSpec(raw, eventName)),
      repoPath: text({ required: true }),
      strict: choice(['auto', 'true', 'false'] as const, 'auto'),
      failOn: choice(['error', 'warning'] as const, 'error'),
      python: text({ default: 'python3' }),
      baseRef: text(),
      create: boolean(false),
      template: choice(TEMPLATES, 'check'),
    },
    source,
  );
}
