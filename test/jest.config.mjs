import preset from '../jest.preset.mjs';
export default {
  ...preset,
  testMatch: ['<rootDir>/**/*.test.ts'],
  // ddev-range/ runs once per supported ddev (scripts/test-ddev-range.sh), not here.
  testPathIgnorePatterns: ['/node_modules/', '/fixtures/', '/ddev-range/'],
  testTimeout: 600_000,
};
