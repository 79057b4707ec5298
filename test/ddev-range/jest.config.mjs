// The ddev support range (scripts/test-ddev-range.sh): these tests once per ddev the README promises, with
// AIC_TOOLS_DIR pointing at that ddev's provisioned tools. `npm test` already runs the pinned ddev through
// everything (and ../ddev/help-contract.test.ts); .ci/run runs this suite for the oldest supported ddev.
import preset from '../../jest.preset.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const test = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export default {
  ...preset,
  rootDir: test,
  testMatch: ['<rootDir>/ddev-range/*.test.ts', '<rootDir>/ddev/help-contract.test.ts'],
  testTimeout: 900_000,
};
