#!/usr/bin/env node
// Runs the bundled scaffold-check action over every integration of an integrations-extras checkout
// (the trust check of issue 4: accepted integrations must give 0 errors). Downloads nothing.
//
// Usage: node scripts/extras-trial.mjs <integrations-extras checkout> [python]
// Python: the second argument, else $AIC_PYTHON, else python3. Exits 1 on any error.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'actions', 'scaffold-check', 'dist', 'index.js');
const [checkout, python = process.env.AIC_PYTHON || 'python3'] = process.argv.slice(2);
if (!checkout || !existsSync(checkout)) {
  console.error('Usage: node scripts/extras-trial.mjs <integrations-extras checkout> [python]');
  process.exit(2);
}
if (!existsSync(bundle)) {
  console.error(`${bundle} is missing: bundle the scaffold-check action first.`);
  process.exit(2);
}

const repo = path.resolve(checkout);
const scratch = mkdtempSync(path.join(os.tmpdir(), 'extras-trial-'));
const env = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(INPUT_|STATE_|GITHUB_|RUNNER_|ACTIONS_)/.test(key)),
);
const inputs = {
  integrations: 'all',
  'repo-path': repo,
  strict: 'false',
  'fail-on': 'error',
  python,
  create: 'false',
  template: 'check',
  'base-ref': '',
};
for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
Object.assign(env, {
  GITHUB_WORKSPACE: repo,
  GITHUB_EVENT_NAME: 'push',
  RUNNER_TEMP: scratch,
  GITHUB_OUTPUT: path.join(scratch, 'output'),
  GITHUB_STEP_SUMMARY: path.join(scratch, 'summary.md'),
});
for (const file of [env.GITHUB_OUTPUT, env.GITHUB_STEP_SUMMARY]) writeFileSync(file, '');
const run = spawnSync(process.execPath, [bundle], { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
rmSync(scratch, { recursive: true, force: true });

// Workflow commands as @actions/core escapes them: data escapes %, CR, LF; properties also : and ,.
const unescapeData = (text) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (text) => unescapeData(text.replace(/%3A/g, ':').replace(/%2C/g, ','));
const perIntegration = new Map();
let current;
for (const line of run.stdout.split('\n')) {
  const group = /^::group::Scaffold check: (.+)$/.exec(line);
  if (group) {
    current = { errors: [], warnings: [] };
    perIntegration.set(group[1], current);
    continue;
  }
  if (line === '::endgroup::') current = undefined;
  const annotation = /^::(error|warning) ([^:]*)::(.*)$/.exec(line);
  if (!annotation || !current) continue;
  const props = Object.fromEntries(
    annotation[2]
      .split(',')
      .map((pair) => [pair.slice(0, pair.indexOf('=')), unescapeProperty(pair.slice(pair.indexOf('=') + 1))]),
  );
  const text = `${props.file}:${props.line} [${(props.title ?? '').replace('scaffold check: ', '')}] ${unescapeData(annotation[3])}`;
  current[annotation[1] === 'error' ? 'errors' : 'warnings'].push(text);
}
if (perIntegration.size === 0) {
  console.error(`The action checked nothing (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  process.exit(2);
}

let errors = 0;
let warnings = 0;
for (const [name, found] of perIntegration) {
  errors += found.errors.length;
  warnings += found.warnings.length;
  console.log(
    `${found.errors.length > 0 ? '✗' : '✓'} ${name}: ${found.errors.length} error(s), ${found.warnings.length} warning(s)`,
  );
  for (const text of found.errors) console.log(`    error   ${text}`);
  for (const text of found.warnings) console.log(`    warning ${text}`);
}
console.log(`\n${perIntegration.size} integrations checked: ${errors} error(s), ${warnings} warning(s).`);
if (errors === 0 && run.status !== 0) {
  console.error(`The action failed with no finding (exit ${run.status}):\n${run.stdout.slice(-2000)}${run.stderr}`);
  process.exit(1);
}
process.exit(errors > 0 ? 1 : 0);
