import { expect, test } from '@jest/globals';
import { isExactHit } from './actions-cache.js';

test.each([
  ['the same key', 'ddev-Linux-X64-uv-py3.13.0-20.1.0', 'ddev-Linux-X64-uv-py3.13.0-20.1.0', true],
  [
    'a key that differs only in case (the service matches case-insensitively)',
    'ddev-linux-x64-uv-py3.13.0-20.1.0',
    'ddev-Linux-X64-uv-py3.13.0-20.1.0',
    true,
  ],
  ['a miss', undefined, 'ddev-Linux-X64-uv-py3.13.0-20.1.0', false],
  ['another key', 'ddev-Linux-X64-uv-py3.13.0-20.0.0', 'ddev-Linux-X64-uv-py3.13.0-20.1.0', false],
] as const)('%s', (_name, restored, key, hit) => {
  expect(isExactHit(restored, key)).toBe(hit);
});
