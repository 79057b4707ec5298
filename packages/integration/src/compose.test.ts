import { expect, test } from '@jest/globals';
import { interpolateCompose } from './compose.js';

test.each([
  ['nginx:${TAG:-1.27}-alpine', {}, 'nginx:1.27-alpine'],
  ['nginx:${TAG:-1.27}-alpine', { TAG: '1.25' }, 'nginx:1.25-alpine'],
  ['nginx:${TAG:-1.27}', { TAG: '' }, 'nginx:1.27'],
  ['nginx:${TAG-1.27}', { TAG: '' }, 'nginx:'],
  ['redis:${REDIS_VERSION}', {}, undefined],
  ['redis:${REDIS_VERSION}', { REDIS_VERSION: '7' }, 'redis:7'],
  ['postgres:16', {}, 'postgres:16'],
])('interpolateCompose(%s, %j) = %s', (text, env, image) => expect(interpolateCompose(text, env)).toBe(image));
