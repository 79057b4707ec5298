export * from './versions.js';
export * from './repo.js';
export * from './install-plan.js';
