import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A registry in front of the engine's docker-registry (127.0.0.1:5000), on 127.0.0.1: in the first `limited` pulls
 * the manifest requests get HTTP 429 with the registry API's TOOMANYREQUESTS error, as a rate-limited registry
 * answers; later pulls pass through. `Infinity`: a limit that never lifts. A pull starts with dockerd's `GET /v2/`.
 */
export interface RegistryProxy {
  /** host:port, to name images by (`${host}/library/nginx:1.27-alpine`). */
  host: string;
  /** Pulls started, refused (429), and manifests served. */
  counts: { pulls: number; refused: number; served: number };
  close(): Promise<void>;
}

const MANIFEST = /^\/v2\/.+\/manifests\//;

export async function startRegistryProxy(limited: number, upstream = { host: '127.0.0.1', port: 5000 }) {
  const counts = { pulls: 0, refused: 0, served: 0 };
  let refusedThisPull = false;
  const server = http.createServer((request, response) => {
    if (request.url === '/v2/' || request.url === '/v2') {
      counts.pulls++;
      refusedThisPull = false;
    }
    if (MANIFEST.test(request.url ?? '')) {
      if (counts.pulls <= limited) {
        if (!refusedThisPull) counts.refused++;
        refusedThisPull = true;
        request.resume();
        response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
        response.end(
          JSON.stringify({
            errors: [{ code: 'TOOMANYREQUESTS', message: 'the test proxy rate-limits this pull', detail: {} }],
          }),
        );
        return;
      }
      counts.served++;
    }
    const forwarded = http.request(
      { ...upstream, method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forwarded.on('error', () => response.destroy());
    request.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  } satisfies RegistryProxy;
}
