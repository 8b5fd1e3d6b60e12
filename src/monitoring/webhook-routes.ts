import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { UnauthenticatedError } from '../core/errors.js';
import * as service from './service.js';
import { IngestResultSchema, SourceIdParam } from './schema.js';
import { monitoringSystemContext } from './jobs.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from './webhook-signature.js';

const REFUSALS: Readonly<Record<string, string>> = {
  missing: `${SIGNATURE_HEADER} and ${TIMESTAMP_HEADER} headers are required`,
  stale: `${TIMESTAMP_HEADER}: must be Unix seconds within 5 minutes of now`,
  mismatch: `${SIGNATURE_HEADER}: does not match the body`,
  unknown_source: 'no webhook source accepts deliveries here, or its secret does not verify',
};

/**
 * The open webhook receiver (DESIGN.md "Security": /public/** is unauthenticated). Its own
 * plugin scope keeps JSON bodies as raw bytes, since the HMAC is over the bytes as sent.
 */
export const webhookRoutes: FastifyPluginAsync = async (instance) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.post('/public/webhooks/:sourceId', {
    config: { public: true },
    bodyLimit: 1024 * 1024,
    schema: {
      tags: ['monitoring'],
      summary: 'Deliver items to a webhook source',
      description:
        'Body: `{id, time, text, title?, place?, lon?, lat?, lang?}` or an array of them, as application/json. ' +
        'Headers: `X-Seamless-Timestamp` (Unix seconds, within 5 minutes) and `X-Seamless-Signature: sha256=<hex>`, the HMAC-SHA256 ' +
        'with the source’s secret of `<timestamp>.<raw body>`. Idempotent by item id. 401 and nothing stored when the signature fails.',
      params: SourceIdParam,
      security: [],
      response: { 202: IngestResultSchema },
    },
  }, async (request, reply) => {
    const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.from(typeof request.body === 'string' ? request.body : '');
    const header = (name: string) => {
      const value = request.headers[name];
      return typeof value === 'string' ? value : undefined;
    };
    const ctx = { ...monitoringSystemContext(request.server.deps, `webhook:${request.params.sourceId}`), log: request.log, requestId: request.id };
    const result = await service.receiveWebhook(ctx, {
      sourceId: request.params.sourceId,
      rawBody,
      signature: header(SIGNATURE_HEADER),
      timestamp: header(TIMESTAMP_HEADER),
    });
    if (!result.accepted) throw new UnauthenticatedError(REFUSALS[result.reason] ?? 'delivery refused');
    return reply.status(202).send({ received: result.received, stored: result.stored, duplicates: result.duplicates });
  });
};
