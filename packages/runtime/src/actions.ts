// The runner side, kept out of the main index so that the CLI and tests never load @actions/core.
export { ActionsReporter } from './actions-reporter.js';
export { runAction, reportFailure, type ActionSteps } from './action-entry.js';
export { actionInputs } from './action-inputs.js';
export { saveCacheInPost, type CacheInPost } from './cache-in-post.js';
export { backgroundPhase, deferToCollect, isWorker, journalDir, type BackgroundPhase } from './background-step.js';
