// Prints the closing line of a whole test run from the totals the jest reporter collected.
import { readFileSync } from 'node:fs';

const file = process.argv[2];
const lines = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line));
const sum = (key) => lines.reduce((total, line) => total + line[key], 0);
const failed = sum('failed') + sum('suitesFailed');
console.log(`${lines.length} workspaces tested`);
console.log(`${sum('passed')} passed, ${failed} failed, ${sum('skipped')} skipped`);
process.exit(failed > 0 || sum('passed') === 0 ? 1 : 0);
