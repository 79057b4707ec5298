import { afterAll, beforeAll, expect, test } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startArtifactShim, type ArtifactShim } from './artifact-shim.js';

// The shim in front of act's artifact server, against a recording upstream standing in for act's server.
const seen: { method: string; url: string; host: string; body: string }[] = [];
let upstream: http.Server;
let shim: ArtifactShim;
beforeAll(async () => {
  upstream = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push({ method: request.method!, url: request.url!, host: request.headers.host!, body });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"ok":true}');
    });
  });
  await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', done));
  shim = await startArtifactShim({ host: '127.0.0.1', port: (upstream.address() as AddressInfo).port });
});
afterAll(async () => {
  await shim.stop();
  await new Promise<void>((done) => upstream.close(() => done()));
});

test('drops mime_type from a CreateArtifact request and keeps the rest', async () => {
  const answer = await fetch(`${shim.url}twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'wheels', version: 4, mime_type: 'application/zip' }),
  });
  expect(await answer.json()).toEqual({ ok: true });
  expect(JSON.parse(seen.at(-1)!.body)).toEqual({ name: 'wheels', version: 4 });
  // act builds its signed URLs from the Host header: it must stay the shim's, so they come back through it.
  expect(seen.at(-1)!.host).toBe(new URL(shim.url).host);
});

test('restores the `sig` padding the Azure SDK strips, and leaves a padded one alone', async () => {
  const path = 'twirp/github.actions.results.api.v1.ArtifactService/UploadArtifact';
  await fetch(`${shim.url}${path}?sig=abcd_ef&expires=x&comp=block`, { method: 'PUT', body: 'zip bytes' });
  expect(new URL(seen.at(-1)!.url, 'http://x').searchParams.get('sig')).toBe('abcd_ef=');
  expect(seen.at(-1)!.body).toBe('zip bytes');
  await fetch(`${shim.url}${path}?sig=abcd&expires=x`, { method: 'PUT', body: 'more' });
  expect(new URL(seen.at(-1)!.url, 'http://x').searchParams.get('sig')).toBe('abcd');
  expect(shim.rewrites).toEqual([
    'dropped mime_type: /twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact',
    'sig padding: /twirp/github.actions.results.api.v1.ArtifactService/UploadArtifact',
  ]);
});
