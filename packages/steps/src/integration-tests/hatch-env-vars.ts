/**
 * The env-vars of each environment `ddev test` runs, from `hatch env show --json`: hatch resolves the matrix and its
 * overrides, so a compose file's `${VAR:-default}` is filled the way the tests will see it. Environments the
 * datadog-checks collector marks as test environments; all of them when it marks none.
 */
export function testEnvVars(json: string): Record<string, string>[] | undefined {
  let shown: unknown;
  try {
    shown = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof shown !== 'object' || shown === null || Array.isArray(shown)) return undefined;
  const envs = Object.values(shown as Record<string, { 'test-env'?: unknown; 'env-vars'?: unknown }>);
  const marked = envs.filter((env) => env?.['test-env'] === true);
  return (marked.length > 0 ? marked : envs).map((env) => stringValues(env?.['env-vars']));
}

function stringValues(vars: unknown): Record<string, string> {
  if (typeof vars !== 'object' || vars === null) return {};
  return Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, String(value)]));
}
