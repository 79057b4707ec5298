import { isCalendarDate, utcToday } from '@aic/release-notes';
import { choice, custom, quotedInput, readInputs, text, type InputSource } from '@aic/runtime';
import { parseIntegrationsSpec, type IntegrationsSpec } from '@aic/steps/integrations';

export interface Inputs {
  integrationsPath: string;
  integrations: IntegrationsSpec;
  changelog: string;
  mode: 'auto' | 'pr' | 'lint';
  baseRef: string;
  repoPath: string;
  today: string;
}

export function readActionInputs(source: InputSource, eventName: string | undefined): Inputs {
  return readInputs<Inputs>(
    {
      integrationsPath: text(),
      integrations: custom((raw) => parseIntegrationsSpec(raw, eventName)),
      changelog: text(),
      mode: choice(['auto', 'pr', 'lint'] as const, 'auto'),
      baseRef: text(),
      repoPath: text({ required: true }),
      today: custom((raw) => {
        if (raw === '') return utcToday();
        return isCalendarDate(raw) ? raw : { problem: `${quotedInput(raw)} is not a date in the form YYYY-MM-DD.` };
      }),
    },
    source,
  );
}
