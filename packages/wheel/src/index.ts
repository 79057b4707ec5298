export * from './wheel-file.js';
export * from './wheel-tags.js';
export * from './jmx.js';
export * from './inspect.js';
export * from './agent-set.js';
export * from './built-wheels.js';
