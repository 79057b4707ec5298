import { expect, test } from '@jest/globals';
import { describeError, UserError } from './errors.js';
import { missingServiceNotice, readRunnerEnvironment } from './runner-environment.js';

test.each([
  [
    new UserError('Bad version.', { location: { file: 'a/__about__.py', line: 3 }, hint: 'Bump it.' }),
    'a/__about__.py:3: Bad version. Bump it.',
  ],
  [new UserError('No file.'), 'No file.'],
  [new Error('plain'), 'plain'],
  ['text', 'text'],
])('describeError %#', (error, text) => expect(describeError(error)).toBe(text));

test('outside GitHub there is no cache or artifact service', () => {
  const env = readRunnerEnvironment({ RUNNER_TEMP: '/tmp/r' });
  expect(env).toMatchObject({ onGitHub: false, cacheService: false, artifactService: false, temp: '/tmp/r' });
});

test('on a runner with a runtime token and results URL both services exist', () => {
  const env = readRunnerEnvironment({
    GITHUB_ACTIONS: 'true',
    ACTIONS_RUNTIME_TOKEN: 't',
    ACTIONS_RESULTS_URL: 'https://r/',
  });
  expect(env).toMatchObject({ onGitHub: true, cacheService: true, artifactService: true });
});

test('the missing-service notice says what happens instead', () => {
  expect(missingServiceNotice('cache', 'installing without the cache')).toBe(
    'The GitHub cache service is not available here (not on a GitHub runner?): installing without the cache.',
  );
});
