// The trust check of the scaffold-check issue: every Agent check in an integrations-extras checkout passed
// Datadog's review, so the bundled action must give them 0 errors. Runs the action through the runner
// harness (as a partner's runner would) and prints each integration's findings. Downloads nothing.
//
// Usage: npm run extras-trial -- <integrations-extras checkout> [python]   (exit 1 on any error)
import { existsSync } from 'node:fs';
import path from 'node:path';
import { actionDir, removeRunnerScratch, runAction } from '../test/harness/index.js';

const [checkout, python = process.env.AIC_PYTHON || 'python3'] = process.argv.slice(2);
if (!checkout || !existsSync(checkout)) {
  console.error('Usage: npm run extras-trial -- <integrations-extras checkout> [python]');
  process.exit(2);
}

const run = await runAction({
  actionDir: actionDir('scaffold-check'),
  workspace: path.resolve(checkout),
  inputs: { integrations: 'all', strict: 'false', python },
  timeoutMs: 1_800_000,
});
removeRunnerScratch();
const checked = JSON.parse(run.outputs.checked ?? '[]') as string[];
if (checked.length === 0) {
  console.error(`The action checked nothing (exit ${run.exitCode}):\n${run.stdout}${run.stderr}`);
  process.exit(2);
}

// Findings name files relative to the checkout: the first segment is the integration.
const findings = run.annotations.filter((a) => a.file && (a.level === 'error' || a.level === 'warning'));
const of = (name: string) => findings.filter((a) => a.file!.split('/')[0] === name);
for (const name of checked) {
  const own = of(name);
  const errors = own.filter((a) => a.level === 'error').length;
  console.log(`${errors > 0 ? '✗' : '✓'} ${name}: ${errors} error(s), ${own.length - errors} warning(s)`);
  for (const a of own)
    console.log(
      `    ${a.level.padEnd(7)} ${a.file}:${a.line} [${(a.title ?? '').replace('scaffold check: ', '')}] ${a.message}`,
    );
}
const errors = findings.filter((a) => a.level === 'error').length;
console.log(`\n${checked.length} integrations checked: ${errors} error(s), ${findings.length - errors} warning(s).`);
if (errors === 0 && run.exitCode !== 0) {
  console.error(`The action failed with no finding (exit ${run.exitCode}):\n${run.stdout.slice(-2000)}${run.stderr}`);
  process.exit(1);
}
process.exit(errors > 0 ? 1 : 0);
