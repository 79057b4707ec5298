import * as core from '@actions/core';
import { ActionsReporter } from './actions-reporter.js';
import { describeError, UserError } from './errors.js';
import type { Reporter } from './reporter.js';
import { installStopHandlers } from './stop-signals.js';

const POST_FLAG = 'isPost';

export interface ActionSteps {
  main(reporter: Reporter): Promise<void>;
  /** Runs as the action's `post:` step (same bundle, told apart by saved state). */
  post?(reporter: Reporter): Promise<void>;
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
      await steps.post?.(reporter);
    } else {
      if (steps.post) core.saveState(POST_FLAG, 'true');
      await steps.main(reporter);
    }
  } catch (error) {
    reportFailure(error, reporter);
  }
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
