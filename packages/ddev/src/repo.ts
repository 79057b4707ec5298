/** Which ddev repository a checkout is, and the config file that tells ddev so. */

export const REPOS = ['extras', 'marketplace', 'core'] as const;
export type RepoName = (typeof REPOS)[number];

export interface CheckoutFacts {
  /** The checkout folder's name. */
  folderName: string;
  /** `origin`'s URL, when there is one. */
  remoteUrl: string | undefined;
  /** Top-level entries of the checkout. */
  entries: readonly string[];
  /** How many integrations the checkout holds (extras layout, or 1 for a root integration). */
  integrationCount: number;
}

export type RepoInference = { ok: true; repo: RepoName; reason: string } | { ok: false; problem: string };

/** `repo: auto`: integrations-core, marketplace, extras — or a partner's own repository, which ddev treats as extras. */
export function inferRepo(facts: CheckoutFacts): RepoInference {
  const names = `${facts.folderName} ${facts.remoteUrl ?? ''}`.toLowerCase();
  if (facts.entries.includes('datadog_checks_base') && facts.entries.includes('ddev')) {
    return { ok: true, repo: 'core', reason: 'the checkout holds datadog_checks_base and ddev (integrations-core)' };
  }
  if (/(^|[/\s:])marketplace(\.git)?($|[\s/])/.test(names))
    return { ok: true, repo: 'marketplace', reason: 'the repository is named marketplace' };
  if (facts.integrationCount === 0) {
    return {
      ok: false,
      problem: 'found no integration (no folder with hatch.toml, datadog_checks/ or manifest.json).',
    };
  }
  if (names.includes('integrations-extras'))
    return { ok: true, repo: 'extras', reason: 'the repository is integrations-extras' };
  return {
    ok: true,
    repo: 'extras',
    reason: `a partner repository with ${facts.integrationCount} integration${facts.integrationCount === 1 ? '' : 's'} (ddev's extras layout)`,
  };
}

const tomlString = (text: string): string => JSON.stringify(text);

/** Our own ddev config: the repo choice, `repos.<repo>` = the checkout, no upgrade checks. */
export function ddevConfigToml(repo: RepoName, repoPath: string): string {
  return [
    "# Written by agent-integration-ci (setup-ddev); the user's own ddev config is never touched.",
    `repo = ${tomlString(repo)}`,
    'upgrade_check = false',
    '',
    '[repos]',
    `${repo} = ${tomlString(repoPath)}`,
    '',
  ].join('\n');
}
