// For a release commit: rewrites every reference to our own actions and workflows in the files that ship
// (action.yml, .github/workflows/*.yml) under --root from `@v1` to `@<sha>`, the commit the release is made from —
// whose bundled actions are the same code — so that a partner pinning the release (by tag or by its SHA) runs that
// code in every nested step, not whatever `v1` points at later. The starter workflows keep `@v1`: partners copy
// them and pin as they choose. The self-release workflow (scripts/maintenance/release/release-commit.ts) gives it
// the root action.yml alone: GitHub refuses a GITHUB_TOKEN push of a commit that changes .github/workflows.
//   node scripts/pin-own-refs.mjs <sha>            rewrite
//   node scripts/pin-own-refs.mjs --check <sha>    fail unless every reference already names <sha>
//   --root <dir>                                   another checkout (default: this one)
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const check = args.includes('--check');
const rootAt = args.indexOf('--root');
const root =
  rootAt >= 0 ? path.resolve(args[rootAt + 1]) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sha = args.filter((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--root')[0];
if (!sha || !/^[0-9a-f]{40}$/.test(sha)) {
  console.error('pin-own-refs: give the full 40-character SHA of the commit the release is made from.');
  process.exit(2);
}

const REFERENCE = /^(\s*(?:-\s+)?uses:\s*)(org\/agent-integration-ci(?:\/[\w./-]+)?)@([\w./-]+)(.*)$/;
const workflows = path.join(root, '.github', 'workflows');
const files = [
  path.join(root, 'action.yml'),
  ...(existsSync(workflows) ? readdirSync(workflows).filter((name) => name.endsWith('.yml')) : []).map((name) =>
    path.join(workflows, name),
  ),
].filter((file) => existsSync(file));

let references = 0;
const stale = [];
for (const file of files) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const pinned = lines.map((line, index) => {
    const match = REFERENCE.exec(line);
    if (!match) return line;
    references++;
    if (match[3] !== sha) stale.push(`${path.relative(root, file)}:${index + 1}: ${match[2]}@${match[3]}`);
    return `${match[1]}${match[2]}@${sha}${match[4]}`;
  });
  if (!check) writeFileSync(file, pinned.join('\n'));
}
if (check && stale.length > 0) {
  console.error(`pin-own-refs: ${stale.length} of ${references} references do not name ${sha}:\n${stale.join('\n')}`);
  process.exit(1);
}
console.log(`pin-own-refs: ${references} references ${check ? 'name' : 'now name'} ${sha}.`);
