export * from './versions.js';
export * from './repo.js';
export * from './install-plan.js';
export * from './validation-set.js';
export * from './validation-output.js';
export * from './ruff-settings.js';
export * from './support-range.js';
export * from './create-command.js';
