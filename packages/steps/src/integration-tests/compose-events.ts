import { splitConfigFiles } from './compose-project.js';

/** A compose container's start, from `docker events --format '{{json .}}'`. */
export interface ContainerStart {
  id: string;
  name: string;
  project: string;
  service: string;
  configFiles: string[];
}

/** One line of `docker events --format '{{json .}}'`: a compose container's start, else undefined. */
export function parseContainerStart(line: string): ContainerStart | undefined {
  let event: { Type?: unknown; Action?: unknown; Actor?: { ID?: unknown; Attributes?: Record<string, unknown> } };
  try {
    event = JSON.parse(line) as typeof event;
  } catch {
    return undefined;
  }
  const attributes = event?.Actor?.Attributes ?? {};
  const label = (name: string) => (typeof attributes[name] === 'string' ? (attributes[name] as string) : '');
  const id = typeof event?.Actor?.ID === 'string' ? event.Actor.ID : '';
  const project = label('com.docker.compose.project');
  if (event.Type !== 'container' || event.Action !== 'start' || id === '' || project === '') return undefined;
  return {
    id,
    name: label('name') || id.slice(0, 12),
    project,
    service: label('com.docker.compose.service'),
    configFiles: splitConfigFiles(label('com.docker.compose.project.config_files')),
  };
}
