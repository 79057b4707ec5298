import { INSTALLERS, parseVersionRequest, REPOS, type Installer, type RepoName, type VersionRequest } from '@aic/ddev';
import { boolean, choice, custom, readInputs, text, type InputSource } from '@aic/runtime';

export interface Inputs {
  integrationsPath: string;
  ddevVersion: VersionRequest;
  python: string;
  installer: Installer;
  repo: 'auto' | RepoName;
  repoPath: string;
  cache: boolean;
}

export function readActionInputs(source: InputSource): Inputs {
  return readInputs<Inputs>(
    {
      integrationsPath: text(),
      ddevVersion: custom(parseVersionRequest),
      python: text({ default: 'python3' }),
      installer: choice(INSTALLERS, 'uv'),
      repo: choice(['auto', ...REPOS] as const, 'auto'),
      repoPath: text({ required: true }),
      cache: boolean(true),
    },
    source,
  );
}
