import { expect, test } from '@jest/globals';
import { imageRegistry, rateLimitHint } from './registry.js';

test.each([
  ['nginx', 'docker.io'],
  ['nginx:1.27-alpine', 'docker.io'],
  ['library/nginx:1.27', 'docker.io'],
  ['bitnami/redis:7', 'docker.io'],
  ['docker.io/library/nginx:1.27', 'docker.io'],
  ['index.docker.io/library/nginx', 'docker.io'],
  ['ghcr.io/datadog/agent:7', 'ghcr.io'],
  ['127.0.0.1:5000/library/nginx:1.27-alpine', '127.0.0.1:5000'],
  ['localhost/nginx', 'localhost'],
  ['registry.example.com:8443/team/app@sha256:abc', 'registry.example.com:8443'],
])('imageRegistry(%s) = %s', (image, registry) => expect(imageRegistry(image)).toBe(registry));

test.each([
  ['docker.io', /^Docker Hub rate-limited the anonymous pulls \(toomanyrequests\): log in with docker\/login-action/],
  ['ghcr.io', /^the registry ghcr\.io rate-limited the pulls .*log in to ghcr\.io/],
  ['127.0.0.1:5000', /^the registry 127\.0\.0\.1:5000 rate-limited/],
])('rateLimitHint(%s) names that registry', (registry, hint) => {
  expect(rateLimitHint(registry)).toMatch(hint);
  if (registry !== 'docker.io') expect(rateLimitHint(registry)).not.toContain('Docker Hub');
});
