import { readInputs, text, type InputSource } from '@aic/runtime';
import { selectionInputs, type SelectionInputs } from '@aic/repository';

export interface Inputs extends SelectionInputs {
  headRef: string;
}

export function readActionInputs(source: InputSource): Inputs {
  return readInputs<Inputs>({ ...selectionInputs, headRef: text({ default: 'HEAD' }) }, source);
}
