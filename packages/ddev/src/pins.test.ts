import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PINNED_DDEV_VERSION } from './install-plan.js';
import { OLDEST_SUPPORTED_DDEV } from './support-range.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const pins = JSON.parse(readFileSync(path.join(root, 'scripts/python-pins.json'), 'utf8')) as Record<string, string>;

test('one pinned ddev everywhere: the package, the provisioning pins and the action default', () => {
  const action = readFileSync(path.join(root, 'actions/setup-ddev/action.yml'), 'utf8');
  expect(pins.ddev).toBe(PINNED_DDEV_VERSION);
  expect(action).toContain(`default: ${PINNED_DDEV_VERSION}`);
});

test('one oldest supported ddev: the package, the provisioning pins and the README promise', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  expect(pins['ddev-oldest']).toBe(OLDEST_SUPPORTED_DDEV);
  expect(readme).toContain(`ddev ${OLDEST_SUPPORTED_DDEV} to ${PINNED_DDEV_VERSION}`);
});
