import { checkIntegrationName } from '@aic/integration';
import { splitList } from '@aic/runtime';

/** Which integrations a run is about: named ones, every one, or those the change touched. */
export type IntegrationsSpec = { kind: 'all' } | { kind: 'changed' } | { kind: 'names'; names: string[] };

/**
 * Parses the `integrations` input (or the CLI's `--integration` names). Empty is undefined: the choice is
 * then the selection's one default (`changed` when a base commit is known, else `all`).
 * Returns `{ problem }` for a name that is not one (path, shell characters, …).
 */
export function parseIntegrationsSpec(raw: string): IntegrationsSpec | undefined | { problem: string } {
  const items = splitList(raw);
  if (items.length === 0) return undefined;
  if (items.length === 1 && (items[0] === 'all' || items[0] === 'changed')) return { kind: items[0] };
  const names: string[] = [];
  for (const item of items) {
    const check = checkIntegrationName(item);
    if (!check.ok) return { problem: check.problem };
    if (!names.includes(check.name)) names.push(check.name);
  }
  return { names, kind: 'names' };
}
