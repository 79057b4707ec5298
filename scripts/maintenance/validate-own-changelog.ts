// Eats our own cooking: our CHANGELOG.md through our own validate-release-notes action (the bundled dist, run
// the way the runner runs it), in lint mode. Unlike a partner's history, ours must be clean: a warning fails.
// Usage: tsx scripts/maintenance/validate-own-changelog.ts [--expect-version X.Y.Z]
import { parseArgs } from 'node:util';
import { actionDir, removeRunnerScratch, repoRoot, runAction } from '../../test/harness/index.js';

const { values } = parseArgs({ options: { 'expect-version': { type: 'string' } } });
const run = await runAction({
  actionDir: actionDir('validate-release-notes'),
  workspace: repoRoot,
  inputs: { changelog: 'CHANGELOG.md', mode: 'lint' },
});
removeRunnerScratch();

for (const annotation of run.annotations) {
  const where = annotation.file ? `${annotation.file}${annotation.line ? `:${annotation.line}` : ''}: ` : '';
  console.log(`${where}${annotation.level}: ${annotation.message}`);
}
const { version = '', errors = '?', warnings = '?' } = run.outputs;
console.log(
  `CHANGELOG.md: version ${version}, ${errors} errors, ${warnings} warnings (validate-release-notes, lint mode)`,
);
const problems = [
  ...(run.exitCode !== 0 ? [`the action failed (exit code ${run.exitCode})`] : []),
  ...(errors !== '0' || warnings !== '0' ? ['our own changelog must have no finding at all'] : []),
  ...(values['expect-version'] && values['expect-version'] !== version
    ? [
        `its newest entry is ${version || 'missing'}, but the release is ${values['expect-version']}: add '## ${values['expect-version']} / YYYY-MM-DD' first`,
      ]
    : []),
];
if (problems.length > 0) {
  if (run.exitCode !== 0) console.error(run.stderr || run.stdout);
  console.error(`error: CHANGELOG.md: ${problems.join('; ')}.`);
  process.exit(1);
}
