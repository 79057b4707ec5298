import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A SHIM in front of act's own artifact server (the real one stores and serves the artifacts). act 0.2.89
// rejects two things @actions/artifact 6 sends (nektos/act#6114): a `mime_type` field its strict protobuf JSON
// decoding does not know, and blob-upload URLs whose base64url `sig` lost its `=` padding on the way through
// the Azure SDK. The shim drops the one field and restores the padding; everything else passes unchanged, and
// act builds its signed URLs from the Host header, so they point back through the shim.

export interface ArtifactShim {
  /** What ACTIONS_RUNTIME_URL / ACTIONS_RESULTS_URL should be for the jobs. */
  url: string;
  /** Requests the shim changed, as `what: path` lines, so that a test can tell it was needed. */
  rewrites: string[];
  stop(): Promise<void>;
}

const UNKNOWN_TO_ACT = ['mime_type'];

function repad(sig: string): string {
  const bare = sig.replace(/=+$/, '');
  return bare + '='.repeat((4 - (bare.length % 4)) % 4);
}

export async function startArtifactShim(upstream: { host: string; port: number }): Promise<ArtifactShim> {
  const rewrites: string[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://shim');
      let body = Buffer.concat(chunks);
      const sig = url.searchParams.get('sig');
      if (sig !== null && repad(sig) !== sig) {
        url.searchParams.set('sig', repad(sig));
        rewrites.push(`sig padding: ${url.pathname}`);
      }
      if (/^\/twirp\//.test(url.pathname) && /json/.test(request.headers['content-type'] ?? '') && body.length > 0) {
        try {
          const json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
          const dropped = UNKNOWN_TO_ACT.filter((field) => field in json);
          if (dropped.length > 0) {
            for (const field of dropped) delete json[field];
            body = Buffer.from(JSON.stringify(json));
            rewrites.push(`dropped ${dropped.join(', ')}: ${url.pathname}`);
          }
        } catch {
          // Not JSON after all: pass it on as it came.
        }
      }
      const headers = { ...request.headers, 'content-length': String(body.length) };
      const forward = http.request(
        { host: upstream.host, port: upstream.port, method: request.method, path: url.pathname + url.search, headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      forward.on('error', (error) => {
        response.writeHead(502, { 'content-type': 'text/plain' });
        response.end(`artifact shim: act's artifact server did not answer: ${error.message}`);
      });
      forward.end(body);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    rewrites,
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}
