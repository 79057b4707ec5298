import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Listr, type ListrTask } from 'listr2';
import { describeError, type Annotation } from '@aic/runtime';
import { inCliWords } from './cli-words.js';
import { TerminalReporter } from './terminal-reporter.js';

export type StageStatus = 'passed' | 'failed' | 'skipped';

export interface StageOutcome {
  status: StageStatus;
  /** One short line for the summary table. */
  detail: string;
}

/** One step of the pipeline for one integration (or for all). */
export interface Stage {
  step: string;
  integration?: string;
  run(reporter: TerminalReporter): Promise<StageOutcome>;
}

/** A titled set of stages built only when it starts (e.g. per integration, after the plan). */
export interface StageGroup {
  title: string;
  stages: () => Promise<Stage[]> | Stage[];
}

export interface StageRecord extends StageOutcome {
  step: string;
  integration: string | undefined;
  durationMs: number;
  logFile: string;
  annotations: Annotation[];
}

export interface RunOptions {
  /** No live display (for --json). */
  quiet: boolean;
}

/**
 * Runs stages in order with a live display (listr2: spinners on a TTY, plain lines otherwise).
 * A failing stage does not stop the next ones; a stage that needs an earlier one checks for it.
 */
export async function runStages(items: (Stage | StageGroup)[], options: RunOptions): Promise<StageRecord[]> {
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'aic-logs-'));
  const records: StageRecord[] = [];
  const sharedState = new Map<string, string>();
  let counter = 0;

  const toTask = (stage: Stage): ListrTask => ({
    title: stageTitle(stage),
    task: async (_context, task) => {
      const logFile = path.join(
        logDir,
        `${String(++counter).padStart(2, '0')}-${stage.step}${stage.integration ? `-${stage.integration}` : ''}.log`,
      );
      const reporter = new TerminalReporter(logFile, (line) => (task.output = line.slice(0, 200)), sharedState);
      const started = Date.now();
      let outcome: StageOutcome;
      try {
        outcome = await stage.run(reporter);
      } catch (error) {
        const described = inCliWords(describeError(error));
        reporter.log(described);
        outcome = { status: 'failed', detail: firstLine(described) };
      }
      records.push({
        ...outcome,
        step: stage.step,
        integration: stage.integration,
        durationMs: Date.now() - started,
        logFile,
        annotations: reporter.annotations,
      });
      task.title = `${stageTitle(stage)} — ${outcome.detail}`;
      if (outcome.status === 'skipped') task.skip(`${stageTitle(stage)} — skipped: ${outcome.detail}`);
      if (outcome.status === 'failed') throw new Error(`${stageTitle(stage)} — ${outcome.detail}`);
    },
  });

  const tasks: ListrTask[] = items.map((item) =>
    'run' in item
      ? toTask(item)
      : {
          title: item.title,
          task: async (_context, task) => task.newListr((await item.stages()).map(toTask), { exitOnError: false }),
        },
  );
  await new Listr(tasks, {
    exitOnError: false,
    // Ctrl-C is ours (installStopHandlers): listr2's own handler exits at once, before the compose teardown.
    registerSignalListeners: false,
    renderer: options.quiet ? 'silent' : 'default',
    fallbackRenderer: 'simple',
    rendererOptions: { collapseErrors: false, showErrorMessage: false },
    collectErrors: false,
  })
    .run()
    .catch(() => undefined);
  return records;
}

function stageTitle(stage: Stage): string {
  return stage.integration ? `${stage.step} ${stage.integration}` : stage.step;
}

/** The table wraps long details: keep the whole first line, the reason is usually at its end. */
function firstLine(text: string): string {
  return text.split('\n')[0]!;
}
