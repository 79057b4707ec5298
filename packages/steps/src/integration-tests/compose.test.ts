import { expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isRateLimited, namedComposeFiles } from './compose.js';

test.each([
  ['Error response from daemon: toomanyrequests: You have reached your pull rate limit', true],
  ['unexpected status: 429 Too Many Requests', true],
  ['manifest unknown', false],
])('isRateLimited(%j) = %s', (output, limited) => expect(isRateLimited(output)).toBe(limited));

test('namedComposeFiles: files inside the repository resolve; outside or missing is an input error', () => {
  const repo = mkdtempSync(path.join(os.tmpdir(), 'aic-compose-'));
  mkdirSync(path.join(repo, 'awesome', 'tests'), { recursive: true });
  writeFileSync(path.join(repo, 'awesome', 'tests', 'docker-compose.yml'), 'services: {}\n');
  expect(namedComposeFiles(repo, ['awesome/tests/docker-compose.yml'])).toEqual([
    path.join(repo, 'awesome', 'tests', 'docker-compose.yml'),
  ]);
  expect(() => namedComposeFiles(repo, ['../elsewhere/docker-compose.yml'])).toThrow(
    "Input 'compose-files': ../elsewhere/docker-compose.yml is outside the repository",
  );
  expect(() => namedComposeFiles(repo, ['/etc/passwd'])).toThrow('is outside the repository');
  expect(() => namedComposeFiles(repo, ['awesome/tests/absent.yml'])).toThrow(
    "Input 'compose-files': awesome/tests/absent.yml is not a file in",
  );
  expect(() => namedComposeFiles(repo, ['awesome/tests'])).toThrow('is not a file in');
});
