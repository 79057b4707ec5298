import { parse } from 'yaml';

/**
 * Whether a wheel's integration is run by JMXFetch rather than by a Python check class: `data/metrics.yaml`,
 * or `init_config.is_jmx: true` in conf.yaml.example — the test scaffold-check's rules use too.
 */
export function isJmxIntegration(files: ReadonlyMap<string, Uint8Array>, packagePath: string): boolean {
  if (files.has(`${packagePath}/data/metrics.yaml`)) return true;
  const example = files.get(`${packagePath}/data/conf.yaml.example`);
  if (!example) return false;
  try {
    const data = parse(new TextDecoder().decode(example)) as { init_config?: { is_jmx?: unknown } } | null;
    return data?.init_config?.is_jmx === true;
  } catch {
    return false;
  }
}
