import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PINNED_DDEV_VERSION } from './install-plan.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

test('one pinned ddev everywhere: the package, the provisioning pins and the action default', () => {
  const pins = JSON.parse(readFileSync(path.join(root, 'scripts/python-pins.json'), 'utf8')) as { ddev: string };
  const action = readFileSync(path.join(root, 'actions/setup-ddev/action.yml'), 'utf8');
  expect(pins.ddev).toBe(PINNED_DDEV_VERSION);
  expect(action).toContain(`default: ${PINNED_DDEV_VERSION}`);
});
