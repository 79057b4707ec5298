export * from './errors.js';
export * from './inputs.js';
export * from './process.js';
export * from './reporter.js';
export * from './runner-environment.js';
export * as markdown from './markdown.js';
export { childEnvironment, isRunnerOnly } from './child-env.js';
export type { OutputMode } from './output-capture.js';
export { resolveRepoPath } from './repo-path.js';
