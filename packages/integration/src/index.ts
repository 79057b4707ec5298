export * from './names.js';
export * from './layout.js';
