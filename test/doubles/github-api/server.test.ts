import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { GitHubApiDouble } from './server.js';

// The GitHub API double itself: requests that break GitHub's OpenAPI description are refused and recorded.
let github: GitHubApiDouble;
beforeAll(async () => {
  github = await new GitHubApiDouble().start();
});
afterAll(() => github.stop());

const auth = { authorization: 'token ghs_test', 'content-type': 'application/json' };

test.each([
  ['an unknown path', 'GET', '/repos/o/r/no-such-thing', undefined, auth, 404, 'no such operation'],
  ['a wrong method', 'DELETE', '/repos/o/r/releases', undefined, auth, 404, 'no such operation'],
  ['no token', 'GET', '/repos/o/r/releases/tags/x', undefined, {}, 401, 'no Authorization token'],
  [
    'a body of the wrong type',
    'POST',
    '/repos/o/r/releases',
    { tag_name: 1 },
    auth,
    422,
    '$.tag_name: expected string',
  ],
  ['a body without a required field', 'POST', '/repos/o/r/releases', { name: 'x' }, auth, 422, '$.tag_name: required'],
  [
    'an upload without its name',
    'POST',
    '/uploads/repos/o/r/releases/1/assets',
    'bytes',
    auth,
    422,
    "'name' is required",
  ],
  ['an upload on the API host', 'POST', '/repos/o/r/releases/1/assets?name=a.whl', 'bytes', auth, 404, 'wrong host'],
])('%s is refused and recorded', async (_name, method, path, body, headers, status, problem) => {
  const before = github.problems.length;
  const response = await fetch(`${github.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  expect(response.status).toBe(status);
  expect(github.problems.slice(before)).toEqual([expect.stringContaining(problem)]);
});

test('a valid create-release answers like GitHub, and the answer matches the description', async () => {
  const before = github.problems.length;
  const response = await fetch(`${github.url}/repos/o/r/releases`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ tag_name: 'a-1.0.0', name: 'a 1.0.0', body: 'notes' }),
  });
  expect(response.status).toBe(201);
  expect(await response.json()).toMatchObject({
    tag_name: 'a-1.0.0',
    body: 'notes',
    upload_url: expect.stringContaining('/uploads/'),
  });
  expect(github.problems.slice(before)).toEqual([]);
});
