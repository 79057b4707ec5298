import { parseMarkers } from '@aic/ddev';
import { selectionInputs, type SelectionInputs } from '@aic/repository';
import { argumentList, boolean, custom, integer, list, readInputs, type InputSource } from '@aic/runtime';

export interface Inputs extends SelectionInputs {
  markers: string | undefined;
  pytestArgs: string[];
  ddevArgs: string[];
  composeFiles: string[];
  pull: boolean;
  pullRetries: number;
  junit: boolean;
}

export function readActionInputs(source: InputSource): Inputs {
  return readInputs<Inputs>(
    {
      ...selectionInputs,
      markers: custom(parseMarkers),
      pytestArgs: argumentList(),
      ddevArgs: argumentList(),
      composeFiles: list(),
      pull: boolean(true),
      pullRetries: integer({ default: 3, min: 1, max: 10 }),
      junit: boolean(true),
    },
    source,
  );
}
