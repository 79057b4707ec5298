import { argumentList, boolean, custom, integer, list, readInputs, text, type InputSource } from '@aic/runtime';
import { parseMarkers } from '@aic/steps/integration-tests';
import { parseIntegrationsSpec, type IntegrationsSpec } from '@aic/steps/integrations';

export interface Inputs {
  integrations: IntegrationsSpec;
  integrationsPath: string;
  markers: string | undefined;
  pytestArgs: string[];
  ddevArgs: string[];
  composeFiles: string[];
  pull: boolean;
  pullRetries: number;
  junit: boolean;
  repoPath: string;
  baseRef: string;
}

export function readActionInputs(source: InputSource, eventName: string | undefined): Inputs {
  return readInputs<Inputs>(
    {
      integrations: custom((raw) => parseIntegrationsSpec(raw, eventName)),
      integrationsPath: text(),
      markers: custom(parseMarkers),
      pytestArgs: argumentList(),
      ddevArgs: argumentList(),
      composeFiles: list(),
      pull: boolean(true),
      pullRetries: integer({ default: 3, min: 1, max: 10 }),
      junit: boolean(true),
      repoPath: text({ required: true }),
      baseRef: text(),
    },
    source,
  );
}
