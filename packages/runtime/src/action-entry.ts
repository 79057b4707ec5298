import * as core from '@actions/core';
import { ActionsReporter } from './actions-reporter.js';
import {
  BACKGROUND_STATE,
  backgroundPhase,
  collectWorker,
  finishWorker,
  recordWorkerExit,
  startWorker,
} from './background-step.js';
import { describeError, UserError } from './errors.js';
import type { Reporter } from './reporter.js';
import { installStopHandlers } from './stop-signals.js';

const POST_FLAG = 'isPost';

export interface ActionSteps {
  main(reporter: Reporter): Promise<void>;
  /** Runs as the action's `post:` step (same bundle, told apart by saved state). */
  post?(reporter: Reporter): Promise<void>;
  /**
   * The action has the input `background` (background-step.ts): `start` runs main in a worker and returns, a later
   * `collect` step becomes it. Its action.yml needs `post: dist/index.js` with `post-if: always()`, for the worker
   * that no collect step waited for.
   */
  background?: boolean;
  /** After a collect step replayed the worker: what the worker's main deferred to it (`deferToCollect`). */
  collected?(reporter: Reporter, deferred: unknown): Promise<void>;
}

/**
 * The one entry point of every bundled action: picks main or post, and turns any error into
 * one failing line — what went wrong and what to do — never a stack trace (that goes to debug).
 */
export async function runAction(steps: ActionSteps): Promise<void> {
  const reporter = new ActionsReporter();
  // A cancelled job (SIGINT, then SIGTERM) or a killed step: no child outlives the step, cleanups run first.
  installStopHandlers({ log: (line) => reporter.annotate({ level: 'error', message: line }) });
  const isPost = core.getState(POST_FLAG) === 'true';
  try {
    if (isPost) {
      await post(steps, reporter);
    } else {
      if (steps.post || steps.background) core.saveState(POST_FLAG, 'true');
      const phase = steps.background ? backgroundPhase() : '';
      if (phase === 'start') {
        const journal = startWorker(process.argv[1]!);
        core.saveState(BACKGROUND_STATE, journal);
        reporter.log(
          'Started in the background: the step of this action with the same inputs and `background: collect` reports it.',
        );
      } else if (phase === 'collect') {
        const { deferred } = await collectWorker();
        if (deferred !== undefined) await steps.collected?.(reporter, deferred);
      } else {
        await steps.main(reporter);
      }
    }
  } catch (error) {
    reportFailure(error, reporter);
  }
  recordWorkerExit();
}

/** The post step; a start step's runs the action's post with its worker's state when no collect step did. */
async function post(steps: ActionSteps, reporter: Reporter): Promise<void> {
  const journal = steps.background ? core.getState(BACKGROUND_STATE) : '';
  if (!journal) {
    await steps.post?.(reporter);
    return;
  }
  const state = await finishWorker(journal);
  if (!state) return;
  for (const [name, value] of Object.entries(state)) process.env[`STATE_${name}`] = value;
  await steps.post?.(reporter);
}

export function reportFailure(error: unknown, reporter: Reporter): void {
  if (error instanceof Error && error.stack) core.debug(error.stack);
  if (error instanceof UserError) {
    const at = error.location;
    if (at) {
      const message = describeError(error, { location: false });
      reporter.annotate({
        level: 'error',
        message,
        file: at.file,
        ...(at.line === undefined ? {} : { line: at.line }),
      });
    } else {
      core.error(describeError(error));
    }
    process.exitCode = 1;
    return;
  }
  core.setFailed(
    `Unexpected error: ${describeError(error)}. This is a bug in agent-integration-ci; please report it with the debug log (re-run with debug logging enabled).`,
  );
}
