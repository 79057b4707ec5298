import { checkFolderOf } from '@aic/changes';
import { UserError } from '@aic/runtime';

const where = (within: string) => (within === '' ? 'at the repository root' : `in '${within}'`);

/** Checking nothing must never pass: an empty plan of a repository with no integration is a mistake. */
export function nothingFound(within: string): UserError {
  return new UserError(
    `No integration found ${where(within)} (no folder with hatch.toml, datadog_checks/ or manifest.json).`,
    {
      hint: "If the integrations live in a folder (e.g. integrations/<name>), set 'integrations-path' to it.",
    },
  );
}

/** The diff changed check code, yet no integration holds it: say where the integrations seem to be. */
export function strayCode(files: readonly string[], within: string): UserError {
  const holders = [...new Set(files.map((file) => checkFolderOf(file)!))];
  const parents = [
    ...new Set(holders.map((folder) => (folder.includes('/') ? folder.slice(0, folder.lastIndexOf('/')) : '.'))),
  ];
  return new UserError(
    `The change edits check code (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''}) but no integration ${where(within)} holds it: nothing would be checked.`,
    {
      hint: `Set 'integrations-path' to the folder that holds the integrations (here: ${parents.map((p) => `'${p}'`).join(' or ')}).`,
    },
  );
}
