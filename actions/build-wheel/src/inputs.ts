import { boolean, choice, custom, readInputs, text, type InputSource } from '@aic/runtime';
import { parseIntegrationsSpec, type IntegrationsSpec } from '@aic/steps/integrations';

export interface Inputs {
  integrations: IntegrationsSpec;
  integrationsPath: string;
  builder: 'ddev' | 'pip' | 'uv';
  outDir: string;
  smokeTest: boolean;
  agentRequirements: string;
  python: string;
  upload: boolean;
  artifactName: string;
  repoPath: string;
  baseRef: string;
}

export function readActionInputs(source: InputSource, eventName: string | undefined): Inputs {
  return readInputs<Inputs>(
    {
      integrations: custom((raw) => parseIntegrationsSpec(raw, eventName)),
      integrationsPath: text(),
      builder: choice(['ddev', 'pip', 'uv'] as const, 'ddev'),
      outDir: text({ default: 'dist' }),
      smokeTest: boolean(true),
      agentRequirements: text(),
      python: text({ default: 'python3' }),
      upload: boolean(true),
      artifactName: custom((raw) =>
        raw === ''
          ? 'wheels'
          : /^[\w.-]{1,100}$/.test(raw)
            ? raw
            : { problem: `${JSON.stringify(raw)} is not an artifact name (letters, digits, . _ -).` },
      ),
      repoPath: text({ required: true }),
      baseRef: text(),
    },
    source,
  );
}
