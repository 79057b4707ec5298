import { readUntrustedYaml } from '@aic/integration';

/**
 * Whether a wheel's integration is run by JMXFetch rather than by a Python check class: `data/metrics.yaml`,
 * or `init_config.is_jmx: true` in conf.yaml.example — the test scaffold-check's rules use too.
 */
export function isJmxIntegration(files: ReadonlyMap<string, Uint8Array>, packagePath: string): boolean {
  if (files.has(`${packagePath}/data/metrics.yaml`)) return true;
  const example = files.get(`${packagePath}/data/conf.yaml.example`);
  if (!example) return false;
  const read = readUntrustedYaml(new TextDecoder().decode(example));
  return read.ok && (read.data as { init_config?: { is_jmx?: unknown } } | null)?.init_config?.is_jmx === true;
}
