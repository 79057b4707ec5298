import { selectionInputs, type SelectionInputs } from '@aic/repository';
import { boolean, choice, readInputs, text, type InputSource } from '@aic/runtime';
import { TEMPLATES, type Template } from '@aic/steps/scaffold-check';

export interface Inputs extends SelectionInputs {
  strict: 'auto' | 'true' | 'false';
  failOn: 'error' | 'warning';
  python: string;
  create: boolean;
  template: Template;
}

export function readActionInputs(source: InputSource): Inputs {
  return readInputs<Inputs>(
    {
      ...selectionInputs,
      strict: choice(['auto', 'true', 'false'] as const, 'auto'),
      failOn: choice(['error', 'warning'] as const, 'error'),
      python: text({ default: 'python3' }),
      create: boolean(false),
      template: choice(TEMPLATES, 'check'),
    },
    source,
  );
}
