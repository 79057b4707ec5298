import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, wherever the tests run from. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const actionDir = (name: string): string => path.join(repoRoot, 'actions', name);
