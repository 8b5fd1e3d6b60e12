import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readFileSync } from 'node:fs';

export const fixture = (name: string): string => readFileSync(new URL(`./connectors/fixtures/${name}`, import.meta.url), 'utf8');

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface FeedServer {
  readonly url: string;
  /** Requests seen per path, and how many were answered 304. */
  readonly hits: Map<string, number>;
  readonly notModified: Map<string, number>;
  close(): Promise<void>;
}

/**
 * A local HTTP server on 127.0.0.1 serving feeds for tests: `/rss` (with an ETag), `/rss-plain`
 * (no validators), `/garbage`, `/hang` (never answers), `/error` (503), `/cap-index` linking
 * `/cap/1.xml`, and `/big` (larger than any test cap).
 */
export async function startFeedServer(): Promise<FeedServer> {
  const hits = new Map<string, number>();
  const notModified = new Map<string, number>();
  const sockets = new Set<Socket>();
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  let base = '';
  const routes: Record<string, Handler> = {
    '/rss': (request, response) => {
      if (request.headers['if-none-match'] === '"v1"') {
        count(notModified, '/rss');
        response.writeHead(304).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"' }).end(fixture('rss2.xml'));
    },
    '/rss-plain': (_request, response) => response.writeHead(200, { 'content-type': 'application/xml' }).end(fixture('rss2.xml')),
    '/atom': (_request, response) => response.writeHead(200, { 'content-type': 'application/atom+xml' }).end(fixture('atom.xml')),
    '/garbage': (_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(fixture('garbage.txt')),
    '/error': (_request, response) => response.writeHead(503).end('down'),
    '/hang': () => undefined,
    '/cap-index': (_request, response) =>
      response.writeHead(200, { 'content-type': 'application/atom+xml' }).end(fixture('cap-index.xml').replaceAll('https://example.cn/cap/1.xml', `${base}/cap/1.xml`)),
    '/cap/1.xml': (_request, response) => response.writeHead(200, { 'content-type': 'application/cap+xml' }).end(fixture('cap-gb.xml')),
    '/big': (_request, response) => response.writeHead(200, { 'content-type': 'application/xml' }).end(`<rss>${'x'.repeat(300_000)}</rss>`),
  };
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    count(hits, path);
    const route = routes[path];
    if (route === undefined) response.writeHead(404).end();
    else route(request, response);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    hits,
    notModified,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
