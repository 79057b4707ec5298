import path from 'node:path';
import { walkFiles } from '@aic/runtime';

const TEST_FILE = /^test_.*\.py$|_test\.py$/;

/** The files pytest collects by default under an integration's `tests/` (relative to the integration). */
export function findTestFiles(integrationPath: string): string[] {
  // Links are followed only inside the integration: a dangling one, a loop or one out of it is no test file.
  return walkFiles(path.join(integrationPath, 'tests'), {
    boundary: integrationPath,
    skipDirectory: (name) => name.startsWith('.') || name === '__pycache__' || name === 'node_modules',
  })
    .filter((file) => TEST_FILE.test(path.basename(file)))
    .map((file) => path.relative(integrationPath, file).split(path.sep).join('/'));
}
