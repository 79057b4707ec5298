import path from 'node:path';

/** Compose's own normalisation of a project name (compose-go's NormalizeProjectName). */
export function normalizeProjectName(name: string): string {
  return (name.toLowerCase().match(/[a-z0-9_-]/g) ?? []).join('').replace(/^[_-]+/, '');
}

/**
 * The compose project name datadog_checks.dev's `docker_run` gives an integration's compose files, as
 * datadog_checks/dev/docker.py (datadog-checks-dev 40) sets it: COMPOSE_PROJECT_NAME when the environment has it
 * (the hatch env's env-vars included), else the check's folder name (`get_current_check_name`: the nearest folder
 * above the conftest with a pyproject.toml or setup.py — the integration's own). Older datadog-checks-dev set none,
 * and compose named the project after the compose file's folder: `projectsUsing` finds those by their labels.
 */
export function datadogProjectName(integrationPath: string, env: Readonly<Record<string, string | undefined>>): string {
  const given = env.COMPOSE_PROJECT_NAME;
  return normalizeProjectName(given !== undefined && given !== '' ? given : path.basename(integrationPath));
}

/** One container's compose labels: its project and the compose files that made it. */
export interface ComposeLabels {
  project: string;
  configFiles: string[];
}

/** `docker ps --format '{{.Label "com.docker.compose.project"}}\t{{.Label "com.docker.compose.project.config_files"}}'` */
export function parseComposeLabelRows(output: string): ComposeLabels[] {
  return output
    .split('\n')
    .map((line) => line.replace(/\r$/, '').split('\t'))
    .filter(([project]) => project !== undefined && project.trim() !== '')
    .map(([project, files]) => ({ project: project!.trim(), configFiles: splitConfigFiles(files ?? '') }));
}

/** The label lists absolute paths joined by commas. */
export function splitConfigFiles(label: string): string[] {
  return label
    .split(',')
    .map((file) => file.trim())
    .filter(Boolean);
}

/** The projects (sorted, once each) whose containers were made from one of `composeFiles`. */
export function projectsUsing(
  containers: readonly ComposeLabels[],
  composeFiles: readonly string[],
  canonical: (file: string) => string = (file) => file,
): string[] {
  const ours = new Set(composeFiles.map(canonical));
  const found = containers
    .filter((container) => container.configFiles.some((file) => ours.has(canonical(file))))
    .map((container) => container.project);
  return [...new Set(found)].sort();
}
