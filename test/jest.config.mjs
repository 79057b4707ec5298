import preset from '../jest.preset.mjs';
export default {
  ...preset,
  testMatch: ['<rootDir>/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/fixtures/'],
  testTimeout: 600_000,
};
