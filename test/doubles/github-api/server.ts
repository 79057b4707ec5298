import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { findOperation, resolve, validate, type Operation } from './openapi.js';

// A DOUBLE of the GitHub REST API (releases and release assets only) on 127.0.0.1. Every request is checked
// against GitHub's OpenAPI description (@octokit/openapi): the method and path must name an operation, the
// required query parameters must be there and a JSON body must match the operation's schema. Responses are
// shaped like GitHub's and are themselves checked against the description's response schema.

export interface RecordedCall {
  method: string;
  path: string;
  operationId: string | undefined;
  query: Record<string, string>;
  /** The JSON body, or the byte count of a binary upload. */
  body: unknown;
  status: number;
}

interface Asset {
  name: string;
  size: number;
  sha256: string;
  content_type: string;
}

interface StoredRelease {
  id: number;
  owner: string;
  repo: string;
  tag_name: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  created_at: string;
  assets: Asset[];
}

const NOW = '2026-11-24T12:00:00Z';

export class GitHubApiDouble {
  readonly calls: RecordedCall[] = [];
  /** Every way a request (or the double's own answer) broke the description. A test expects none. */
  readonly problems: string[] = [];
  readonly releases: StoredRelease[] = [];
  private server: http.Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => this.handle(request, Buffer.concat(chunks), response));
    });
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((done) => (this.server ? this.server.close(() => done()) : done()));
  }

  /** A release made beforehand, as if a previous run or a person had created it. */
  seedRelease(owner: string, repo: string, tag: string, assets: Asset[] = []): StoredRelease {
    const release: StoredRelease = {
      id: this.releases.length + 1,
      owner,
      repo,
      tag_name: tag,
      name: tag,
      body: '',
      draft: false,
      prerelease: false,
      created_at: NOW,
      assets,
    };
    this.releases.push(release);
    return release;
  }

  private handle(request: http.IncomingMessage, raw: Buffer, response: http.ServerResponse): void {
    const url = new URL(request.url ?? '/', this.url);
    const upload = url.pathname.startsWith('/uploads/');
    const pathname = upload ? url.pathname.slice('/uploads'.length) : url.pathname;
    const method = request.method ?? 'GET';
    const query = Object.fromEntries(url.searchParams);
    const matched = findOperation(method, pathname);
    const call: RecordedCall = {
      method,
      path: pathname,
      operationId: matched?.operation.operationId,
      query,
      body: undefined,
      status: 0,
    };
    this.calls.push(call);
    const reply = (status: number, body: unknown, schema?: Record<string, unknown>) => {
      call.status = status;
      if (schema)
        for (const problem of validate(schema, body))
          this.problems.push(`response of ${method} ${pathname}: ${problem}`);
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(body === undefined ? '' : JSON.stringify(body));
    };
    const fail = (status: number, problem: string) => {
      this.problems.push(`${method} ${pathname}: ${problem}`);
      reply(status, { message: problem, documentation_url: 'https://docs.github.com/rest' });
    };

    if (!matched) return fail(404, 'no such operation in the GitHub REST API description');
    const { operation, params } = matched;
    if (!/^(token|Bearer) \S+$/.test(request.headers.authorization ?? '')) return fail(401, 'no Authorization token');
    if (upload !== (operation.operationId === 'repos/upload-release-asset'))
      return fail(404, 'wrong host for this operation');
    for (const parameter of (operation.parameters ?? []).map((p) =>
      resolve<{ name: string; in: string; required?: boolean }>(p),
    )) {
      if (parameter.in === 'query' && parameter.required && !(parameter.name in query)) {
        return fail(422, `the query parameter '${parameter.name}' is required`);
      }
    }
    const bodyProblem = this.checkBody(operation, request, raw, call);
    if (bodyProblem) return fail(422, bodyProblem);

    const success = (status: string) =>
      resolve(operation.responses[status]!) as { content?: Record<string, { schema: Record<string, unknown> }> };
    const schemaOf = (status: string) => success(status).content?.['application/json']?.schema;
    const notFound = () =>
      reply(
        404,
        { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/releases/releases' },
        schemaOf('404'),
      );
    const find = (id: string) =>
      this.releases.find(
        (release) => String(release.id) === id && release.owner === params.owner && release.repo === params.repo,
      );

    switch (operation.operationId) {
      case 'repos/get-release-by-tag': {
        const release = this.releases.find(
          (item) => item.tag_name === params.tag && item.owner === params.owner && item.repo === params.repo,
        );
        return release ? reply(200, this.render(release), schemaOf('200')) : notFound();
      }
      case 'repos/create-release': {
        const body = call.body as {
          tag_name: string;
          name?: string;
          body?: string;
          draft?: boolean;
          prerelease?: boolean;
        };
        if (
          this.releases.some(
            (item) => item.tag_name === body.tag_name && item.owner === params.owner && item.repo === params.repo,
          )
        ) {
          return reply(422, {
            message: 'Validation Failed',
            errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }],
            documentation_url: 'https://docs.github.com/rest',
          });
        }
        const release = this.seedRelease(params.owner!, params.repo!, body.tag_name);
        Object.assign(release, {
          name: body.name ?? null,
          body: body.body ?? null,
          draft: body.draft ?? false,
          prerelease: body.prerelease ?? false,
        });
        return reply(201, this.render(release), schemaOf('201'));
      }
      case 'repos/upload-release-asset': {
        const release = find(params.release_id!);
        if (!release) return notFound();
        if (release.assets.some((asset) => asset.name === query.name))
          return reply(422, {
            message: 'Validation Failed',
            errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }],
          });
        const asset: Asset = {
          name: query.name!,
          size: raw.length,
          sha256: createHash('sha256').update(raw).digest('hex'),
          content_type: request.headers['content-type']!,
        };
        release.assets.push(asset);
        return reply(201, this.renderAsset(release, asset, release.assets.length), schemaOf('201'));
      }
      default:
        return fail(501, `${operation.operationId} is valid but this double does not implement it`);
    }
  }

  private checkBody(
    operation: Operation,
    request: http.IncomingMessage,
    raw: Buffer,
    call: RecordedCall,
  ): string | undefined {
    const content = operation.requestBody?.content ?? {};
    if (content['application/json']) {
      if (raw.length === 0) return operation.requestBody?.required ? 'a JSON body is required' : undefined;
      try {
        call.body = JSON.parse(raw.toString('utf8'));
      } catch {
        return 'the body is not JSON';
      }
      const problems = validate(content['application/json'].schema, call.body);
      return problems.length > 0 ? `the body does not match the schema: ${problems.join('; ')}` : undefined;
    }
    if (content['application/octet-stream']) {
      call.body = raw.length;
      if (!request.headers['content-type']) return 'an upload needs a Content-Type header';
      if (raw.length === 0) return 'an empty upload';
      return undefined;
    }
    if (raw.length > 0) return 'this operation takes no body';
    return undefined;
  }

  private user() {
    const api = `https://api.github.com/users/github-actions%5Bbot%5D`;
    return {
      login: 'github-actions[bot]',
      id: 41898282,
      node_id: 'MDM6Qm90NDE4OTgyODI=',
      avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
      gravatar_id: '',
      url: api,
      html_url: 'https://github.com/apps/github-actions',
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type: 'Bot',
      user_view_type: 'public',
      site_admin: false,
    };
  }

  private renderAsset(release: StoredRelease, asset: Asset, index: number) {
    const id = release.id * 1000 + index;
    return {
      url: `${this.url}/repos/${release.owner}/${release.repo}/releases/assets/${id}`,
      browser_download_url: `https://github.com/${release.owner}/${release.repo}/releases/download/${release.tag_name}/${asset.name}`,
      id,
      node_id: `RA_${id}`,
      name: asset.name,
      label: '',
      state: 'uploaded',
      content_type: asset.content_type,
      size: asset.size,
      digest: `sha256:${asset.sha256}`,
      download_count: 0,
      created_at: NOW,
      updated_at: NOW,
      uploader: this.user(),
    };
  }

  private render(release: StoredRelease) {
    const api = `${this.url}/repos/${release.owner}/${release.repo}/releases/${release.id}`;
    const html = `https://github.com/${release.owner}/${release.repo}`;
    return {
      url: api,
      html_url: `${html}/releases/tag/${release.tag_name}`,
      assets_url: `${api}/assets`,
      upload_url: `${this.url}/uploads/repos/${release.owner}/${release.repo}/releases/${release.id}/assets{?name,label}`,
      tarball_url: `${this.url}/repos/${release.owner}/${release.repo}/tarball/${release.tag_name}`,
      zipball_url: `${this.url}/repos/${release.owner}/${release.repo}/zipball/${release.tag_name}`,
      id: release.id,
      node_id: `RE_${release.id}`,
      tag_name: release.tag_name,
      target_commitish: 'main',
      name: release.name,
      body: release.body,
      draft: release.draft,
      prerelease: release.prerelease,
      immutable: false,
      created_at: release.created_at,
      published_at: release.draft ? null : release.created_at,
      updated_at: release.created_at,
      author: this.user(),
      assets: release.assets.map((asset, index) => this.renderAsset(release, asset, index + 1)),
    };
  }
}
