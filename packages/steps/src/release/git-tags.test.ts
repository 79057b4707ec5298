import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { remoteEnv } from './git-tags.js';

// Real git decides which URLs get the header (its own http.<url>.* matching), given the environment the
// release passes it.
function headerFor(url: string, env: NodeJS.ProcessEnv): string {
  const result = spawnSync('git', ['config', '--get-urlmatch', 'http.extraheader', url], { env, encoding: 'utf8' });
  return result.stdout.trim();
}

describe('the token header is scoped to the server', () => {
  const env = remoteEnv({ name: 'origin', token: 'ghs_secret', serverUrl: 'https://github.com' });

  test('sent to the server', () => {
    expect(headerFor('https://github.com/partner/integrations.git', env)).toMatch(/^AUTHORIZATION: basic /);
  });

  test.each([
    'https://evil.example/partner/integrations.git',
    'https://github.com.evil.example/x',
    'http://github.com/x',
  ])('not sent to %s (where a rewritten URL could point)', (url) => {
    expect(headerFor(url, env)).toBe('');
  });

  test("an Enterprise server's URL is the scope there", () => {
    const ghes = remoteEnv({ name: 'origin', token: 't', serverUrl: 'https://ghe.example.com/' });
    expect(headerFor('https://ghe.example.com/a/b.git', ghes)).not.toBe('');
    expect(headerFor('https://github.com/a/b.git', ghes)).toBe('');
  });

  test('the machine and user config are not read', () => {
    expect(env).toMatchObject({ GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' });
  });
});
