// Rebuilds every action's dist/ (and the CLI's) from nothing and fails when it differs from what is committed:
// partners run dist/, not src/, so a stale bundle ships old code. The folders are removed first, so that a chunk
// nothing loads any more cannot survive in them.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', shell: false });

for (const folder of [...readdirSync('actions').map((name) => `actions/${name}/dist`), 'packages/cli/dist'])
  rmSync(folder, { recursive: true, force: true });

const bundle = run('npx', ['turbo', 'run', 'bundle', '--force']);
if (bundle.status !== 0) process.exit(bundle.status ?? 1);

const status = spawnSync(
  'git',
  ['status', '--porcelain', '--untracked-files=all', '--', 'actions/*/dist', 'packages/cli/dist'],
  {
    encoding: 'utf8',
  },
);
if (status.status !== 0) {
  console.error(status.stderr);
  process.exit(1);
}
if (status.stdout.trim() !== '') {
  console.error('::error::dist/ is stale: these bundled files differ from the sources:');
  console.error(status.stdout);
  run('git', ['--no-pager', 'diff', '--stat', '--', 'actions/*/dist', 'packages/cli/dist']);
  console.error('Run `npm run bundle` and commit actions/*/dist and packages/cli/dist.');
  process.exit(1);
}
console.log('dist/ is up to date with the sources.');
