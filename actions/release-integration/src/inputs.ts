import { checkTagFormat, DEFAULT_TAG_FORMAT } from '@aic/release-notes';
import { selectionInputs, type SelectionInputs } from '@aic/repository';
import { boolean, custom, readInputs, text, type InputSource } from '@aic/runtime';
import { parseBuiltWheels, type BuiltWheels } from '@aic/wheel';

export interface Inputs extends SelectionInputs {
  tagFormat: string;
  wheels: string;
  wheelHashes: BuiltWheels | undefined;
  remote: string;
  githubToken: string;
  repository: string;
  dryRun: boolean;
}

export function readActionInputs(source: InputSource): Inputs {
  return readInputs<Inputs>(
    {
      ...selectionInputs,
      tagFormat: custom((raw) => {
        const format = raw === '' ? DEFAULT_TAG_FORMAT : raw;
        const problem = checkTagFormat(format);
        return problem ? { problem } : format;
      }),
      wheels: text(),
      wheelHashes: custom(parseBuiltWheels),
      remote: custom((raw) =>
        raw === ''
          ? 'origin'
          : /^[\w.-]+$/.test(raw) && !raw.startsWith('-')
            ? raw
            : { problem: `${JSON.stringify(raw)} is not a git remote name.` },
      ),
      githubToken: text(),
      repository: custom((raw) =>
        raw === '' || /^[\w.-]+\/[\w.-]+$/.test(raw)
          ? raw
          : { problem: `${JSON.stringify(raw)} is not in the form owner/name.` },
      ),
      dryRun: boolean(false),
    },
    source,
  );
}
