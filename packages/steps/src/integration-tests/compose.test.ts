import { expect, test } from '@jest/globals';
import { ddevTestArgs } from './command.js';
import { interpolate, isRateLimited } from './compose.js';

test.each([
  ['nginx:${TAG:-1.27}-alpine', {}, 'nginx:1.27-alpine'],
  ['nginx:${TAG:-1.27}-alpine', { TAG: '1.25' }, 'nginx:1.25-alpine'],
  ['nginx:${TAG:-1.27}', { TAG: '' }, 'nginx:1.27'],
  ['nginx:${TAG-1.27}', { TAG: '' }, 'nginx:'],
  ['redis:${REDIS_VERSION}', {}, undefined],
  ['redis:${REDIS_VERSION}', { REDIS_VERSION: '7' }, 'redis:7'],
  ['postgres:16', {}, 'postgres:16'],
])('interpolate(%s, %j) = %s', (text, env, image) => expect(interpolate(text, env)).toBe(image));

test.each([
  ['Error response from daemon: toomanyrequests: You have reached your pull rate limit', true],
  ['unexpected status: 429 Too Many Requests', true],
  ['manifest unknown', false],
])('isRateLimited(%j) = %s', (output, limited) => expect(isRateLimited(output)).toBe(limited));

test.each([
  [
    { kind: 'unit' as const, pytestArgs: [], ddevArgs: [] },
    ['test', 'awesome', '--', '-m', 'unit', '--junitxml=/r/j.xml'],
  ],
  [
    { kind: 'integration' as const, pytestArgs: ['-k', 'a b'], ddevArgs: ['--recreate'] },
    ['test', '--recreate', 'awesome', '--', '-m', 'integration', '--junitxml=/r/j.xml', '-k', 'a b'],
  ],
])('ddevTestArgs %#', (options, args) => {
  expect(ddevTestArgs({ integration: 'awesome', junitFile: '/r/j.xml', ...options })).toEqual(args);
});
