import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const TEST_FILE = /^test_.*\.py$|_test\.py$/;

/** The files pytest collects by default under an integration's `tests/` (relative to the integration). */
export function findTestFiles(integrationPath: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const full = path.join(dir, name);
      let isDirectory: boolean;
      try {
        isDirectory = statSync(full).isDirectory();
      } catch {
        continue; // a dangling link is no test file
      }
      if (isDirectory) {
        if (!name.startsWith('.') && name !== '__pycache__' && name !== 'node_modules') walk(full);
      } else if (TEST_FILE.test(name)) {
        found.push(path.relative(integrationPath, full).split(path.sep).join('/'));
      }
    }
  };
  walk(path.join(integrationPath, 'tests'));
  return found;
}
