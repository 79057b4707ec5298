export * from './report.js';
export * from './locate.js';
