import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/**
 * Serves the built browser app at / with a fallback to index.html for client-side routes.
 * API, docs and public paths keep their own 404s.
 */
export async function serveWebApp(app: FastifyInstance, distDir: string = WEB_DIST_DIR): Promise<boolean> {
  if (!existsSync(`${distDir}/index.html`)) {
    app.log.warn({ distDir }, 'web app not built (npm run build:web); serving the API only');
    return false;
  }
  await app.register(fastifyStatic, { root: distDir, prefix: '/', wildcard: false, index: 'index.html' });
  app.get('/*', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/') || path.startsWith('/public/')) {
      return reply.status(404).send({ error: 'not_found', message: `no route for GET ${path}`, details: [] });
    }
    return reply.sendFile('index.html');
  });
  return true;
}
