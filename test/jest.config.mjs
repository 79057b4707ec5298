import preset from '../jest.preset.mjs';
// act/ is the act suite, with its own config (jest.act.config.mjs) and command (`npm run act-suite`).
export default {
  ...preset,
  testMatch: ['<rootDir>/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/fixtures/', '<rootDir>/act/'],
  testTimeout: 600_000,
};
