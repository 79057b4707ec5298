export * from './file-kind.js';
export * from './plan.js';
