import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `shared/corpus` beside the clone (this workplace's copy of the real data). */
const BESIDE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../shared/corpus');

export interface Corpus {
  /** The folder the changelogs came from. */
  dir: string;
  /** Every real changelog, by integration name, in name order. */
  changelogs: { name: string; file: string }[];
}

/**
 * The real changelogs of DataDog/integrations-extras, for the tests and the bench that measure against them.
 * From `AIC_CORPUS_DIR` — this workplace's corpus (`extras-changelogs/<name>.md`) or a checkout of
 * integrations-extras at a pinned commit (`<name>/CHANGELOG.md`) — else `../shared/corpus` beside the clone.
 * Undefined when neither is there: the caller skips, saying so in one line. A configured folder that is not there
 * is an error, never a silent skip.
 */
export function extrasCorpus(env: NodeJS.ProcessEnv = process.env): Corpus | undefined {
  const configured = env.AIC_CORPUS_DIR;
  if (configured && !existsSync(configured)) throw new Error(`AIC_CORPUS_DIR=${configured} does not exist.`);
  const dir = configured || (existsSync(BESIDE) ? BESIDE : undefined);
  if (!dir) return undefined;
  const flat = path.join(dir, 'extras-changelogs');
  const changelogs = existsSync(flat)
    ? readdirSync(flat)
        .filter((name) => name.endsWith('.md'))
        .map((name) => ({ name: name.slice(0, -'.md'.length), file: path.join(flat, name) }))
    : readdirSync(dir)
        .filter((name) => !name.startsWith('.') && isFile(path.join(dir, name, 'CHANGELOG.md')))
        .map((name) => ({ name, file: path.join(dir, name, 'CHANGELOG.md') }));
  if (changelogs.length === 0) throw new Error(`${dir} holds no changelog (extras-changelogs/*.md or */CHANGELOG.md).`);
  return { dir, changelogs: changelogs.sort((a, b) => a.name.localeCompare(b.name)) };
}

/** The one line a test or the bench prints when there is no corpus. */
export const NO_CORPUS =
  'skipped: no extras changelog corpus (set AIC_CORPUS_DIR to shared/corpus or to a checkout of DataDog/integrations-extras)';

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
