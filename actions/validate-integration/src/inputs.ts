import { REPOS, type RepoName } from '@aic/ddev';
import { selectionInputs, type SelectionInputs } from '@aic/repository';
import { boolean, choice, readInputs, type InputSource } from '@aic/runtime';

export interface Inputs extends SelectionInputs {
  repo: 'auto' | RepoName;
  fix: boolean;
}

export function readActionInputs(source: InputSource): Inputs {
  return readInputs<Inputs>(
    { ...selectionInputs, repo: choice(['auto', ...REPOS] as const, 'auto'), fix: boolean(false) },
    source,
  );
}
