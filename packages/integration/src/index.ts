export * from './names.js';
export * from './layout.js';
export * from './check-class.js';
export * from './rules.js';
export * from './toml-lines.js';
export * from './untrusted-yaml.js';
export * from './compose.js';
