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
  /** In a group run by several workers, the heavier stages start first (default 0; ties keep the group's order). */
  weight?: number;
  run(reporter: TerminalReporter): Promise<StageOutcome>;
}

/** A titled set of stages built only when it starts (e.g. per integration, after the plan). */
export interface StageGroup {
  title: string;
  stages: () => Promise<Stage[]> | Stage[];
  /**
   * How many of its stages run at once (none needs another's result): that many workers take the next stage,
   * heaviest first. Results are shown, and recorded, in the group's order all the same. Default 1.
   */
  workers?: number;
}

export interface StageRecord extends StageOutcome {
  step: string;
  integration: string | undefined;
  durationMs: number;
  logFile: string;
  annotations: Annotation[];
}

/** Where a stage's latest log line goes: nowhere until the display shows the stage. */
interface Show {
  line: (text: string) => void;
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

  /** Runs a stage into its own log; `show` gets its latest line once the display reaches it. */
  const execute = async (stage: Stage, show: Show): Promise<StageRecord> => {
    const logFile = path.join(
      logDir,
      `${String(++counter).padStart(2, '0')}-${stage.step}${stage.integration ? `-${stage.integration}` : ''}.log`,
    );
    const reporter = new TerminalReporter(logFile, (line) => show.line(line.slice(0, 200)), sharedState);
    const started = Date.now();
    let outcome: StageOutcome;
    try {
      outcome = await stage.run(reporter);
    } catch (error) {
      const described = inCliWords(describeError(error));
      reporter.log(described);
      outcome = { status: 'failed', detail: firstLine(described) };
    }
    return {
      ...outcome,
      step: stage.step,
      integration: stage.integration,
      durationMs: Date.now() - started,
      logFile,
      annotations: reporter.annotations,
    };
  };

  /** A task that shows a stage: runs it, or waits for it when its lane started it already. */
  const toTask = (stage: Stage, running?: { record: Promise<StageRecord>; show: Show }) =>
    ({
      title: stageTitle(stage),
      task: async (_context, task) => {
        const show = running?.show ?? { line: () => undefined };
        show.line = (line) => (task.output = line);
        const record = await (running?.record ?? execute(stage, show));
        records.push(record);
        task.title = `${stageTitle(stage)} — ${record.detail}`;
        if (record.status === 'skipped') task.skip(`${stageTitle(stage)} — skipped: ${record.detail}`);
        if (record.status === 'failed') throw new Error(`${stageTitle(stage)} — ${record.detail}`);
      },
    }) satisfies ListrTask;

  const groupTasks = (stages: Stage[], workers: number): ListrTask[] => {
    if (workers < 2) return stages.map((stage) => toTask(stage));
    const queue = stages
      .map((stage, index) => ({ stage, index }))
      .sort((a, b) => (b.stage.weight ?? 0) - (a.stage.weight ?? 0) || a.index - b.index);
    const started = stages.map(() => {
      const show: Show = { line: () => undefined };
      let resolve!: (record: StageRecord) => void;
      const record = new Promise<StageRecord>((done) => (resolve = done));
      return { show, record, resolve };
    });
    let next = 0;
    const worker = async () => {
      while (next < queue.length) {
        const { stage, index } = queue[next++]!;
        started[index]!.resolve(await execute(stage, started[index]!.show));
      }
    };
    for (let count = 0; count < Math.min(workers, stages.length); count++) void worker();
    return stages.map((stage, index) => toTask(stage, started[index]));
  };

  const tasks: ListrTask[] = items.map((item) =>
    'run' in item
      ? toTask(item)
      : {
          title: item.title,
          task: async (_context, task) =>
            task.newListr(groupTasks(await item.stages(), item.workers ?? 1), { exitOnError: false }),
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
