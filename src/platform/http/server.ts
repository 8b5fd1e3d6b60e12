import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ForbiddenError, UnauthenticatedError } from '../../core/errors.js';
import type { PlatformDeps } from '../deps.js';
import { installErrorHandler } from './error-handler.js';
import { validatorCompiler } from './validation.js';
import type { Authentication } from './request-context.js';
import { installMetrics } from './metrics.js';
import { pingDatabase } from '../db/database.js';

export type App = FastifyInstance;

export const SESSION_COOKIE = 'seamless_session';
export const CSRF_COOKIE = 'seamless_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface HttpServerOptions {
  /** Resolves the caller from the session cookie or bearer token; undefined when neither is valid. */
  readonly authenticate: (request: FastifyRequest) => Promise<Authentication | undefined>;
  readonly version: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The HTTP platform: validation, one error model, request ids, logs, OpenAPI, metrics, health
 * and authentication. Capabilities register their routes on the returned instance.
 */
export async function createHttpServer(deps: PlatformDeps, options: HttpServerOptions): Promise<App> {
  const app = Fastify({
    loggerInstance: deps.log,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    // Idle keep-alive sockets (e.g. undici's spare ones) must not hold up a shutdown.
    forceCloseConnections: true,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.decorate('deps', deps);
  app.decorateRequest('authentication', undefined);
  app.setValidatorCompiler(validatorCompiler);
  installErrorHandler(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Seamless API',
        description: 'Emergency management platform. Errors are `{error, message, details}`.',
        version: options.version,
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  installMetrics(app);
  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { public: true }, schema: { hide: true } }, async (_request, reply) => {
    try {
      await pingDatabase(deps.database.db);
      return { status: 'ready', database: deps.database.dialect };
    } catch (error) {
      return reply.status(503).send({ error: 'not_ready', message: `database: ${String(error)}`, details: [] });
    }
  });

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/')) return;
    request.authentication = await options.authenticate(request);
    if (request.routeOptions.config?.public) return;
    if (request.authentication === undefined) {
      throw new UnauthenticatedError('log in first (session cookie or Authorization: Bearer token)');
    }
    // Cookie sessions are CSRF-protected by a double-submit token; bearer tokens are not sent
    // by browsers on their own, so they need none.
    if (request.authentication.via === 'cookie' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || sent !== request.authentication.csrfToken) {
        throw new ForbiddenError(`${CSRF_HEADER}: header missing or does not match the session`);
      }
    }
  });
  return app;
}
