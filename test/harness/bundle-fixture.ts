import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths.js';

/** Bundles a fixture action with ncc into a temp folder, the way `npm run bundle` bundles ours. */
export function bundleFixtureAction(fixtureDir: string): string {
  const out = mkdtempSync(path.join(os.tmpdir(), 'aic-fixture-action-'));
  cpSync(fixtureDir, out, { recursive: true });
  const ncc = path.join(repoRoot, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
  const result = spawnSync(
    process.execPath,
    [ncc, 'build', path.join(fixtureDir, 'src', 'main.ts'), '-o', path.join(out, 'dist'), '--quiet'],
    {
      cwd: fixtureDir,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`ncc failed:\n${result.stdout}\n${result.stderr}`);
  copyFileSync(path.join(fixtureDir, 'action.yml'), path.join(out, 'action.yml'));
  return out;
}
