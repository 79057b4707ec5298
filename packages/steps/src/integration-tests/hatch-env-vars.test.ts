import { expect, test } from '@jest/globals';
import { testEnvVars } from './hatch-env-vars.js';

const show = (envs: object) => JSON.stringify(envs);

test.each([
  // examples/awesome's: one matrix env with its env-vars, and a lint env that is no test env.
  [
    show({
      'py3.13': { 'test-env': true, 'env-vars': { AWESOME_NGINX_VERSION: '1.27' } },
      lint: { python: '3.13' },
    }),
    [{ AWESOME_NGINX_VERSION: '1.27' }],
  ],
  // A version matrix whose overrides set the image tag per env.
  [
    show({
      'py3.13-1.25': { 'test-env': true, 'env-vars': { NGINX_VERSION: '1.25' } },
      'py3.13-1.27': { 'test-env': true, 'env-vars': { NGINX_VERSION: '1.27', PORT: 8080 } },
    }),
    [{ NGINX_VERSION: '1.25' }, { NGINX_VERSION: '1.27', PORT: '8080' }],
  ],
  [show({ default: { 'test-env': true } }), [{}]],
  [show({ default: { 'env-vars': { A: '1' } } }), [{ A: '1' }]],
  ['not json', undefined],
  ['[]', undefined],
])('testEnvVars(%s)', (json, vars) => expect(testEnvVars(json)).toEqual(vars));
