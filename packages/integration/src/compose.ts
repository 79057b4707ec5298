/** Compose files of an integration's tests (`tests/docker-compose*.yaml`), as data. */

/** Compose's `${VAR}`, `${VAR:-default}` and `${VAR-default}`; undefined when a variable has no value. */
export function interpolateCompose(text: string, env: NodeJS.ProcessEnv): string | undefined {
  let unresolved = false;
  const result = text.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}/g,
    (_, name: string, operator: string | undefined, fallback: string) => {
      const value = env[name];
      if (value !== undefined && (value !== '' || operator !== ':-')) return value;
      if (operator) return fallback;
      unresolved = true;
      return '';
    },
  );
  return unresolved || result.includes('${') ? undefined : result;
}
