import { boolean, choice, custom, readInputs, text, type InputSource } from '@aic/runtime';
import { selectionInputs, type SelectionInputs } from '@aic/repository';

export interface Inputs extends SelectionInputs {
  builder: 'ddev' | 'pip' | 'uv';
  outDir: string;
  smokeTest: boolean;
  agentRequirements: string;
  python: string;
  upload: boolean;
  artifactName: string;
}

export function readActionInputs(source: InputSource): Inputs {
  return readInputs<Inputs>(
    {
      ...selectionInputs,
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
    },
    source,
  );
}
