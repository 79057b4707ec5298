import { createHash } from 'node:crypto';

/**
 * The Agent the smoke test stands for: its embedded CPython and the datadog-checks-base it ships. Agent 7.72.0
 * is the first on Python 3.13; it ships datadog-checks-base 37.21.1.
 */
export const AGENT = { version: '7.72.0', python: '3.13', checksBase: '37.21.1' } as const;

/** Where integrations-core keeps the Agent's third-party package set, at the Agent's release tag. */
export const DEFAULT_AGENT_REQUIREMENTS_URL = `https://raw.githubusercontent.com/DataDog/integrations-core/${AGENT.version}/datadog_checks_base/datadog_checks/base/data/agent_requirements.in`;

/**
 * The set from PyPI alone: base with the extras the Agent installs it with, at the Agent's base version. Installed
 * as base[deps], then each requirement of the other extras on its own line, so that one that cannot build here
 * (requests-kerberos needs krb5-config) leaves the others installed.
 */
export const PYPI_AGENT_SET = {
  name: `datadog-checks-base[db,deps,http,json,kube]==${AGENT.checksBase}`,
  base: `datadog-checks-base[deps]==${AGENT.checksBase}`,
  extras: ['db', 'http', 'json', 'kube'],
} as const;

/** The requirement lines of a requirements file: no comments, blank lines or pip options (`-r`, `--index-url`…). */
export function requirementLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('-'));
}

/** Whether the set names datadog-checks-base itself (else the step adds the Agent's version). */
export function setHasChecksBase(lines: readonly string[]): boolean {
  return lines.some((line) => /^datadog[-_.]checks[-_.]base\s*(\[|==|>=|~=|<|!|;|$)/i.test(line));
}

/** The cache key of an environment built from `lines` for one interpreter on one platform. */
export function agentSetKey(lines: readonly string[], interpreter: string, platform: string): string {
  return createHash('sha256')
    .update(JSON.stringify({ lines: [...lines].sort(), interpreter, platform }))
    .digest('hex')
    .slice(0, 16);
}
