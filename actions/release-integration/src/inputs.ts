import { boolean, custom, readInputs, text, type InputSource } from '@aic/runtime';
import { parseIntegrationsSpec, type IntegrationsSpec } from '@aic/steps/integrations';
import { checkTagFormat, DEFAULT_TAG_FORMAT, parseBuiltWheels, type BuiltWheels } from '@aic/steps/release';

export interface Inputs {
  integrationsPath: string;
  integrations: IntegrationsSpec | undefined;
  baseRef: string;
  tagFormat: string;
  wheels: string;
  wheelHashes: BuiltWheels | undefined;
  remote: string;
  githubToken: string;
  repository: string;
  dryRun: boolean;
  repoPath: string;
}

export function readActionInputs(source: InputSource): Inputs {
  return readInputs<Inputs>(
    {
      integrationsPath: text(),
      integrations: custom((raw) => (raw === '' ? undefined : parseIntegrationsSpec(raw))),
      baseRef: text(),
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
      repoPath: text({ required: true }),
    },
    source,
  );
}
