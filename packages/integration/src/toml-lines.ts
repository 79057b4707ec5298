/** Where a key sits in a TOML text, for annotations (the parser gives values, not lines). No I/O. */

const dotted = (text: string): string[] =>
  text
    .split('.')
    .map((part) => part.trim().replace(/^(["'])(.*)\1$/, '$2'))
    .filter(Boolean);

/**
 * The 1-based line of `key` (dotted, e.g. `tool.hatch.version.path`). When the key is absent, the
 * line of its nearest enclosing table or key (`[tool.hatch.version]`, `version = {…}`); else 1.
 */
export function tomlKeyLine(text: string, key: string): number {
  const target = dotted(key);
  let table: string[] = [];
  let best = { length: 0, line: 1 };
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    const header = /^\[\[?([^\]]+)\]\]?\s*(#.*)?$/.exec(line);
    const assignment = header ? undefined : assignedKey(line);
    if (!header && assignment === undefined) continue;
    const path = header ? dotted(header[1]!) : [...table, ...dotted(assignment!)];
    if (header) table = path;
    const prefix = path.length <= target.length && path.every((part, at) => part === target[at]);
    if (!prefix) continue;
    if (path.length === target.length) return index + 1;
    if (path.length > best.length) best = { length: path.length, line: index + 1 };
  }
  return best.line;
}

/** The key of `key = value` (bare, dotted or quoted), or undefined. Read without backtracking. */
function assignedKey(line: string): string | undefined {
  const equals = line.indexOf('=');
  if (equals < 0) return undefined;
  const key = line.slice(0, equals).trimEnd();
  return key !== '' && /^[A-Za-z0-9_\-."' ]+$/.test(key) ? key : undefined;
}
