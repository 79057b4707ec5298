export * from './errors.js';
export * from './inputs.js';
export * from './process.js';
export * from './reporter.js';
export * from './runner-environment.js';
export * as markdown from './markdown.js';
export * from './background-process.js';
export { asCleanup, stopSignal } from './child-processes.js';
export * from './stop-signals.js';
