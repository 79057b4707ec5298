import { describeError } from '@aic/runtime';
import { parseCli, USAGE } from './args.js';
import { commandStages } from './commands.js';
import { runStages } from './stages.js';
import { jsonReport, renderSummary } from './summary-table.js';

async function main(argv: string[]): Promise<number> {
  const options = parseCli(argv, process.cwd());
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const stages = await commandStages(options);
  const records = await runStages(stages, { quiet: options.json });
  if (options.json) process.stdout.write(`${jsonReport(records)}\n`);
  else process.stdout.write(`\n${renderSummary(records, Boolean(process.stdout.isTTY))}\n`);
  return records.length > 0 && records.every((record) => record.status !== 'failed') ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`aic: ${describeError(error)}\n`);
    process.exitCode = 2;
  },
);
