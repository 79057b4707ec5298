/**
 * What a child process must not inherit from the runner: the credentials of the job's own services and
 * the files through which a step talks to the runner. Our children run partner and third-party code (ddev,
 * hatch, pytest and every test dependency, pip, uv, the smoke test); with these, a compromised dependency
 * could upload an artifact the release then trusts (ACTIONS_RUNTIME_TOKEN + ACTIONS_RESULTS_URL), poison the
 * cache, mint an OIDC token, use the job's token, or set environment variables for the steps after it
 * (GITHUB_ENV: `NODE_OPTIONS` for the release step). Our own use of these services runs in our process.
 */
const RUNNER_ONLY: readonly RegExp[] = [
  /^ACTIONS_RUNTIME_(TOKEN|URL)$/i,
  /^ACTIONS_RESULTS_URL$/i,
  /^ACTIONS_CACHE_URL$/i,
  /^ACTIONS_ID_TOKEN_REQUEST_/i,
  /^GITHUB_TOKEN$/i,
  /^GH_TOKEN$/i,
  /^GH_ENTERPRISE_TOKEN$/i,
  /^GITHUB_ENTERPRISE_TOKEN$/i,
  // Action inputs (INPUT_GITHUB-TOKEN among them) are the action's, not its children's.
  /^INPUT_/i,
  // File commands: writing to these sets outputs, state, PATH or environment variables of later steps.
  /^GITHUB_(ENV|PATH|OUTPUT|STATE|STEP_SUMMARY)$/i,
];

export function isRunnerOnly(name: string): boolean {
  return RUNNER_ONLY.some((pattern) => pattern.test(name));
}

/** `env` without what only the runner's own steps may use (a copy; `env` is not changed). */
export function childEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const kept: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) if (!isRunnerOnly(name)) kept[name] = value;
  return kept;
}
