import { isCalendarDate, utcToday } from '@aic/release-notes';
import { selectionInputs, type SelectionInputs } from '@aic/repository';
import { choice, custom, quotedInput, readInputs, text, type InputSource } from '@aic/runtime';

export interface Inputs extends SelectionInputs {
  changelog: string;
  mode: 'auto' | 'pr' | 'lint';
  today: string;
}

export function readActionInputs(source: InputSource): Inputs {
  return readInputs<Inputs>(
    {
      ...selectionInputs,
      changelog: text(),
      mode: choice(['auto', 'pr', 'lint'] as const, 'auto'),
      today: custom((raw) => {
        if (raw === '') return utcToday();
        return isCalendarDate(raw) ? raw : { problem: `${quotedInput(raw)} is not a date in the form YYYY-MM-DD.` };
      }),
    },
    source,
  );
}
