import preset from '../jest.preset.mjs';
// act/ is the act suite, with its own config (jest.act.config.mjs) and command (`npm run act-suite`).
export default {
  ...preset,
  testMatch: ['<rootDir>/**/*.test.ts'],
  // ddev-range/ runs once per supported ddev (scripts/test-ddev-range.sh), act/ by npm run act-suite: not here.
  testPathIgnorePatterns: ['/node_modules/', '/fixtures/', '/ddev-range/', '<rootDir>/act/'],
  testTimeout: 600_000,
};
