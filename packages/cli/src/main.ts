import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeError, installStopHandlers, onStop } from '@aic/runtime';
import { parseCli, USAGE } from './args.js';
import { inCliWords } from './cli-words.js';
import { commandStages, type CommandPlan } from './commands.js';
import { runStages } from './stages.js';
import { jsonReport, renderSummary } from './summary-table.js';

async function main(argv: string[]): Promise<number> {
  const options = parseCli(argv, process.cwd());
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const temp = mkdtempSync(path.join(os.tmpdir(), 'aic-run-'));
  let records;
  let plan: CommandPlan | undefined;
  const finish = async () => {
    plan?.close();
    rmSync(temp, { recursive: true, force: true });
  };
  const forgetTemp = onStop(finish);
  try {
    plan = await commandStages(options, temp);
    records = await runStages(plan.stages, { quiet: options.json });
  } finally {
    forgetTemp();
    await finish();
  }
  if (options.json) process.stdout.write(`${jsonReport(records)}\n`);
  else process.stdout.write(`\n${renderSummary(records, Boolean(process.stdout.isTTY))}\n`);
  return records.length > 0 && records.every((record) => record.status !== 'failed') ? 0 : 1;
}

// Ctrl-C (SIGINT) or SIGTERM: every child's process group is killed and the running steps' cleanups (compose
// teardown) run before the exit.
installStopHandlers({
  // The live display hides the cursor; show it again, as the display would have on its end.
  log: (line) => process.stderr.write(`${process.stderr.isTTY ? '\x1b[?25h' : ''}\naic: ${line}\n`),
});

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`aic: ${inCliWords(describeError(error))}\n`);
    process.exitCode = 2;
  },
);
