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
  /**
   * Stages of a group that name a lane start with the group, beside the others: each lane runs its stages in
   * order (the stages without a lane are one lane), the lanes side by side. Results are shown in the group's order.
   */
  lane?: string;
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

  const groupTasks = (stages: Stage[]): ListrTask[] => {
    if (!stages.some((stage) => stage.lane !== undefined)) return stages.map((stage) => toTask(stage));
    const lanes = new Map<string, Promise<unknown>>();
    return stages.map((stage) => {
      const show: Show = { line: () => undefined };
      const lane = stage.lane ?? '';
      const record = (lanes.get(lane) ?? Promise.resolve()).then(() => execute(stage, show));
      lanes.set(lane, record);
      return toTask(stage, { record, show });
    });
  };

  const tasks: ListrTask[] = items.map((item) =>
    'run' in item
      ? toTask(item)
      : {
          title: item.title,
          task: async (_context, task) => task.newListr(groupTasks(await item.stages()), { exitOnError: false }),
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
