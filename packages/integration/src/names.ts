/** Integration names as people type them, checked before they reach a path or a command line. */

/** Folder names as integrations-extras has them: tile-only folders may have dashes (`apache-apisix`). */
const NAME = /^[a-z0-9][a-z0-9_-]*$/;

export type NameCheck = { ok: true; name: string } | { ok: false; problem: string };

/**
 * A valid integration name is what ddev creates (lowercase letters, digits and underscores), or a
 * tile folder's name with dashes.
 * Anything else (path separators, `..`, spaces, shell characters, newlines) is refused with the reason.
 */
export function checkIntegrationName(raw: string): NameCheck {
  const shown = JSON.stringify(raw.length > 60 ? `${raw.slice(0, 57)}...` : raw);
  if (raw === '') return { ok: false, problem: 'an integration name is empty.' };
  if (/[/\\]/.test(raw) || raw.includes('..')) {
    return {
      ok: false,
      problem: `${shown} is a path, not an integration name. Give the folder name only (e.g. 'awesome').`,
    };
  }
  if (raw.length > 100) return { ok: false, problem: `${shown} is too long for an integration name.` };
  if (NAME.test(raw)) return { ok: true, name: raw };
  const hint = /^[A-Za-z0-9_-]+$/.test(raw) ? ` Did you mean '${normalizeCheckName(raw)}'?` : '';
  return {
    ok: false,
    problem: `${shown} is not an integration name: use lowercase letters, digits, underscores and dashes.${hint}`,
  };
}

/** ddev's normalisation: lowercase, `-` and spaces to `_`. */
export function normalizeCheckName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, '_');
}

/** The PyPI project name of an integration: `datadog-<name>` with `_` → `-`. */
export function projectName(name: string): string {
  return `datadog-${normalizeCheckName(name).replace(/_/g, '-')}`;
}
