/**
 * The wheels a build job reported (its `wheels` output: `[{filename, sha256, …}]`), and the check the
 * release makes against them: it attaches a wheel only when the build job said it made exactly that file.
 * An artifact can be uploaded by anything that runs in a job with the runner's token; a job output
 * can only be set by that job's own steps.
 */
export type BuiltWheels = ReadonlyMap<string, string>;

const SHA256 = /^[0-9a-f]{64}$/;
/** A wheel file name: no folder, nothing to climb out with. */
const WHEEL_NAME = /^[\w.+-]+\.whl$/;

const shown = (raw: string): string => JSON.stringify(raw.length > 60 ? `${raw.slice(0, 57)}...` : raw);

/** Reads the build's `wheels` output (JSON); '' is undefined (no list given). */
export function parseBuiltWheels(raw: string): BuiltWheels | undefined | { problem: string } {
  if (raw.trim() === '') return undefined;
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    return { problem: `is not JSON (${shown(raw)}): pass the build-wheel step's \`wheels\` output as it is.` };
  }
  if (!Array.isArray(list))
    return { problem: "must be a JSON list of {filename, sha256}: the build-wheel step's `wheels` output." };
  const wheels = new Map<string, string>();
  for (const [index, item] of list.entries()) {
    const { filename, sha256 } = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    if (typeof filename !== 'string' || !WHEEL_NAME.test(filename))
      return { problem: `item ${index + 1} has no wheel file name (filename: ${shown(String(filename))}).` };
    if (typeof sha256 !== 'string' || !SHA256.test(sha256))
      return { problem: `item ${index + 1} (${filename}) has no sha256 of 64 hex digits.` };
    const known = wheels.get(filename);
    if (known !== undefined && known !== sha256)
      return { problem: `${filename} is listed twice with different sha256 values.` };
    wheels.set(filename, sha256);
  }
  return wheels;
}

/**
 * The problem with the wheels found for one release (file name → sha256 of the bytes there), or undefined
 * when each is one the build reported, with the same bytes, and every wheel it reported for `prefix` is there.
 */
export function checkBuiltWheels(
  found: ReadonlyMap<string, string>,
  built: BuiltWheels,
  prefix: string,
): string | undefined {
  for (const [name, sha256] of found) {
    const expected = built.get(name);
    if (expected === undefined)
      return `${name} is not one of the wheels the build job reported: it was not built by this run, so it is not released.`;
    if (expected !== sha256)
      return `${name} has sha256 ${sha256}, but the build job reported ${expected}: the file changed after it was built, so it is not released.`;
  }
  for (const name of built.keys()) {
    if (name.startsWith(prefix) && !found.has(name))
      return `the build job reported ${name}, which is not in the wheels folder.`;
  }
  return undefined;
}
