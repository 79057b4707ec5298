export * from './wheel-file.js';
export * from './inspect.js';
