export * from './versions.js';
export * from './repo.js';
export * from './install-plan.js';
export * from './validation-set.js';
export * from './validation-output.js';
export * from './ruff-settings.js';
export * from './target.js';
export * from './test-command.js';
