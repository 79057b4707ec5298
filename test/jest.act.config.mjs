// The act suite: our workflows and the root action run under nektos/act (`npm run act-suite`; `.ci/run` runs
// the act/ci part). Jobs run one test file at a time: the machine's cores go to the jobs act runs.
import preset from '../jest.preset.mjs';
export default {
  ...preset,
  testMatch: ['<rootDir>/act/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/fixtures/'],
  testTimeout: 900_000,
  maxWorkers: 1,
};
