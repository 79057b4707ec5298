// Keeps the pins current (the `pins` workflow runs it weekly; CI runs `check`):
//   tsx scripts/maintenance/pins/main.ts check           every `uses:` pin, and every copy of the pinned ddev, agree
//   tsx scripts/maintenance/pins/main.ts sync [--write]  carry the pins Dependabot moved to the files it does not read
//   tsx scripts/maintenance/pins/main.ts update [--write] newer PyPI releases of the followed python-pins.json pins
// --root picks the repository (default: this one). `update` reads PyPI's JSON API (AIC_PYPI_URL to point elsewhere).
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseChangelog } from '@aic/release-notes';
import { describeError, UserError } from '@aic/runtime';
import { publishedReleases } from '@aic/steps/setup-ddev';
import { applyFixes, checkPins, dependabotView, findUses, type PinFix, type UsesRef } from './action-pins.js';
import {
  DDEV_MIRRORS,
  FOLLOWED_PINS,
  pinUpdates,
  rewriteMirror,
  rewritePinsJson,
  type PinUpdate,
} from './python-pins.js';

const OWN_REPOSITORY = 'org/agent-integration-ci';
const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where `uses:` lines live: workflows (ours and the starters), action metadata, and the docs that show them. */
function pinnedFiles(root: string): string[] {
  const inFolder = (folder: string, keep: (name: string) => boolean) =>
    existsSync(path.join(root, folder))
      ? readdirSync(path.join(root, folder))
          .filter(keep)
          .map((name) => path.posix.join(folder, name))
      : [];
  const yml = (name: string) => /\.ya?ml$/.test(name);
  const actions = inFolder('actions', () => true)
    .map((folder) => `${folder}/action.yml`)
    .filter((file) => existsSync(path.join(root, file)));
  return [
    ...inFolder('.github/workflows', yml),
    ...inFolder('workflows', yml),
    'action.yml',
    ...actions,
    'README.md',
    'SECURITY.md',
    'CONTRIBUTING.md',
  ].filter((file) => existsSync(path.join(root, file)));
}

function majorTag(root: string): string {
  const newest = parseChangelog(readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8')).entries[0];
  return `v${newest?.version.split('.')[0] ?? '1'}`;
}

function actionPins(root: string) {
  const refs: UsesRef[] = pinnedFiles(root).flatMap((file) =>
    findUses(file, readFileSync(path.join(root, file), 'utf8')),
  );
  const dependabot = path.join(root, '.github/dependabot.yml');
  const watched = existsSync(dependabot) ? dependabotView(readFileSync(dependabot, 'utf8')) : () => false;
  return { refs, ...checkPins(refs, { watched, ownRepository: OWN_REPOSITORY, majorTag: majorTag(root) }) };
}

const readPins = (root: string) =>
  JSON.parse(readFileSync(path.join(root, 'scripts/python-pins.json'), 'utf8')) as Record<string, string>;

/** Copies of the pinned ddev that do not say it. */
function mirrorProblems(root: string, ddev: string): string[] {
  return DDEV_MIRRORS.filter((mirror) => {
    const file = path.join(root, mirror.file);
    return existsSync(file) && !mirror.pattern(ddev).test(readFileSync(file, 'utf8'));
  }).map(
    (mirror) => `${mirror.file}: does not say the pinned ddev ${ddev} (scripts/python-pins.json) where it should.`,
  );
}

function writeFixes(root: string, fixes: readonly PinFix[]): string[] {
  const files = [...new Set(fixes.map((fix) => fix.file))];
  for (const file of files) {
    const full = path.join(root, file);
    writeFileSync(
      full,
      applyFixes(
        readFileSync(full, 'utf8'),
        fixes.filter((fix) => fix.file === file),
      ),
    );
  }
  return files;
}

function applyUpdates(root: string, updates: readonly PinUpdate[]): string[] {
  const changed = ['scripts/python-pins.json'];
  const pinsFile = path.join(root, 'scripts/python-pins.json');
  writeFileSync(pinsFile, rewritePinsJson(readFileSync(pinsFile, 'utf8'), updates));
  const ddev = updates.find((update) => update.name === 'ddev');
  for (const mirror of ddev ? DDEV_MIRRORS : []) {
    const file = path.join(root, mirror.file);
    if (!existsSync(file)) continue;
    const text = rewriteMirror(readFileSync(file, 'utf8'), mirror, ddev!.from, ddev!.to);
    if (text === undefined)
      throw new UserError(
        `${mirror.file}: the pinned ddev ${ddev!.from} is not where it should be; nothing was written there.`,
      );
    writeFileSync(file, text);
    changed.push(mirror.file);
  }
  return changed;
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { write: { type: 'boolean', default: false }, root: { type: 'string', default: here } },
  });
  const [command] = positionals;
  const root = path.resolve(values.root);
  const say = (line: string) => console.log(line);

  if (command === 'check') {
    const { refs, findings } = actionPins(root);
    const problems = [
      ...findings.map((f) => `${f.file}:${f.line}: ${f.message}`),
      ...mirrorProblems(root, readPins(root).ddev ?? ''),
    ];
    for (const problem of problems) console.error(`error: ${problem}`);
    say(
      `${refs.length} uses: pins in ${new Set(refs.map((ref) => ref.file)).size} files, the pinned ddev in ${DDEV_MIRRORS.length + 1} places: ${problems.length} problem(s).`,
    );
    if (problems.length > 0) {
      console.error(
        'Run `npx tsx scripts/maintenance/pins/main.ts sync --write` to carry the pins Dependabot keeps to the other files.',
      );
      process.exit(1);
    }
    return;
  }
  if (command === 'sync') {
    const { fixes } = actionPins(root);
    for (const fix of fixes) say(`${fix.file}:${fix.line}: ${fix.text.trim()}`);
    if (values.write) say(`Rewrote ${writeFixes(root, fixes).length} file(s).`);
    else if (fixes.length > 0) say(`${fixes.length} line(s) to rewrite: run again with --write.`);
    return;
  }
  if (command === 'update') {
    const pins = readPins(root);
    const index = Object.fromEntries(
      await Promise.all(FOLLOWED_PINS.map(async (name) => [name, await publishedReleases(undefined, name)] as const)),
    );
    const updates = pinUpdates(pins, index, pins.python ?? '3.13');
    for (const update of updates) say(`${update.name}: ${update.from} → ${update.to}`);
    if (updates.length === 0)
      say(
        `Every followed pin is the newest release for Python ${pins.python} (${FOLLOWED_PINS.map((name) => `${name} ${pins[name]}`).join(', ')}).`,
      );
    const changed = values.write && updates.length > 0 ? applyUpdates(root, updates) : [];
    if (changed.length > 0) say(`Rewrote ${changed.join(', ')}.`);
    if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `updates=${updates.length}\n`);
    if (process.env.GITHUB_STEP_SUMMARY && updates.length > 0) {
      const rows = updates.map((update) => `| ${update.name} | ${update.from} | ${update.to} |`).join('\n');
      appendFileSync(
        process.env.GITHUB_STEP_SUMMARY,
        `## Newer pins on PyPI\n\n| pin | pinned | newest |\n| --- | --- | --- |\n${rows}\n\n`,
      );
    }
    return;
  }
  throw new UserError('usage: main.ts check | sync [--write] | update [--write] [--root DIR]');
}

main().catch((error: unknown) => {
  console.error(`error: ${describeError(error)}`);
  if (!(error instanceof UserError)) console.error(error);
  process.exit(1);
});
