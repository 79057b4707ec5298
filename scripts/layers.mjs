// The layout's rules, checked (npm run lint) or applied (--write):
// - each workspace's tsconfig.json references exactly the libraries (workspaces with `exports`) its package.json
//   depends on, and the root tsconfig.json references every workspace (`tsc -b` builds them in order); the
//   bundled ones (actions, the CLI) are leaves: ncc compiles them with the same tsconfig.json, not composite;
// - every @aic/* import in a workspace is one of its declared dependencies;
// - the workspaces depend on each other without a cycle;
// - a step (packages/steps/src/<step>/) never imports another step.
// Import cycles between modules are dpdm's job (npm run lint runs it over every entry point).
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const write = process.argv.includes('--write');
const problems = [];

const folders = ['packages', 'actions']
  .flatMap((parent) => readdirSync(path.join(root, parent)).map((name) => `${parent}/${name}`))
  .concat('test')
  .filter((folder) => existsSync(path.join(root, folder, 'package.json')))
  .sort();
const json = (file) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const workspaces = new Map(folders.map((folder) => [json(`${folder}/package.json`).name, folder]));
const dependsOn = new Map(
  folders.map((folder) => {
    const manifest = json(`${folder}/package.json`);
    const names = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
    return [folder, names.filter((name) => workspaces.has(name)).map((name) => workspaces.get(name))];
  }),
);

function sources(folder) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (['node_modules', 'dist', '.tsbuild', 'fixtures'].includes(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) found.push(full);
    }
  };
  walk(path.join(root, folder));
  return found;
}
const importsOf = (file) =>
  [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\('([^']+)'\)/gm)].map(
    (match) => match[1] ?? match[2],
  );

// Declared dependencies cover the imports.
for (const folder of folders) {
  const own = json(`${folder}/package.json`).name;
  for (const file of sources(folder)) {
    for (const specifier of importsOf(file)) {
      const name = specifier.match(/^@aic\/[\w-]+|^aic$/)?.[0];
      if (!name || name === own || !workspaces.has(name)) continue;
      if (!dependsOn.get(folder).includes(workspaces.get(name)))
        problems.push(
          `${path.relative(root, file)} imports ${specifier}, but ${folder}/package.json does not depend on ${name}.`,
        );
    }
  }
}

// No cycle between workspaces.
const state = new Map();
const visit = (folder, trail) => {
  if (state.get(folder) === 'done') return;
  if (state.get(folder) === 'open') {
    problems.push(
      `The workspaces depend on each other in a cycle: ${[...trail.slice(trail.indexOf(folder)), folder].join(' -> ')}.`,
    );
    return;
  }
  state.set(folder, 'open');
  for (const next of dependsOn.get(folder)) visit(next, [...trail, folder]);
  state.set(folder, 'done');
};
for (const folder of folders) visit(folder, []);

// No step imports another step.
const stepsDir = path.join(root, 'packages', 'steps', 'src');
for (const file of sources('packages/steps')) {
  const relative = path.relative(stepsDir, file);
  if (relative.startsWith('..') || !relative.includes(path.sep)) continue;
  const step = relative.split(path.sep)[0];
  for (const specifier of importsOf(file)) {
    const target = specifier.startsWith('.')
      ? path.relative(stepsDir, path.resolve(path.dirname(file), specifier))
      : specifier.startsWith('@aic/steps/')
        ? specifier.slice('@aic/steps/'.length)
        : undefined;
    if (target === undefined || (!target.includes(path.sep) && !specifier.startsWith('@aic/steps/'))) continue;
    const other = target.split(path.sep)[0];
    if (other !== step)
      problems.push(`${path.relative(root, file)}: the step ${step} imports the step ${other} (${specifier}).`);
  }
}

// tsconfig references follow the dependencies.
const referencesOf = (folder, targets) =>
  targets.map((target) => ({ path: path.relative(path.join(root, folder), path.join(root, target)) }));
const expected = new Map([
  ['tsconfig.json', { files: [], references: referencesOf('.', folders) }],
  ...folders.map((folder) => {
    const current = json(`${folder}/tsconfig.json`);
    const { references: _, ...rest } = current;
    const libraries = dependsOn.get(folder).filter((target) => json(`${target}/package.json`).exports);
    const references = referencesOf(folder, libraries);
    return [`${folder}/tsconfig.json`, references.length > 0 ? { ...rest, references } : rest];
  }),
]);
for (const [file, config] of expected) {
  const text = `${JSON.stringify(config, null, 2)}\n`;
  const current = existsSync(path.join(root, file)) ? readFileSync(path.join(root, file), 'utf8') : '';
  if (JSON.stringify(JSON.parse(current || 'null')) === JSON.stringify(config)) continue;
  if (write) writeFileSync(path.join(root, file), text);
  else
    problems.push(
      `${file}: its references do not follow the package.json dependencies (run node scripts/layers.mjs --write).`,
    );
}

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
console.log(
  `layers: ${folders.length} workspaces, references follow dependencies, no workspace cycle, no step imports another.`,
);
