import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor } from '../http/request-context.js';
import type { EventRelay } from './relay.js';
import { runEventStream, type EventStream } from './event-stream.js';
import { parseLastEventId } from './sse.js';

export interface StreamRoutesOptions {
  /** The process's event relay (started by the runtime). */
  readonly relay: EventRelay;
  /** Comment sent on an idle stream so proxies keep it open. Default 15 s. */
  readonly heartbeatMs?: number;
  /** Reconnect delay suggested to EventSource clients. Default 3 s. */
  readonly retryMs?: number;
  /** Events read per replay query. Default 500. */
  readonly replayBatch?: number;
  /** Bytes queued for a client before it is cut off as too slow. Default 4 MiB. */
  readonly maxBufferedBytes?: number;
}

const StreamQuery = Type.Object({
  lastEventId: Type.Optional(
    Type.String({ pattern: '^[0-9]{1,15}$', description: 'Resume after this seq (for clients that cannot send Last-Event-ID)' }),
  ),
});

/**
 * `GET /api/v1/stream`: the live event stream (server-sent events) of the caller's
 * jurisdictions. Each event is `id: <seq>`, `event: <type>`, `data: {id, seq, type, createdAt,
 * payload}`. With `Last-Event-ID` (or `?lastEventId=`) it first replays the events missed since.
 */
export const streamRoutes: FastifyPluginAsync<StreamRoutesOptions> = async (instance, options) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const open = new Set<EventStream>();

  // Open streams never finish on their own: end them before the server waits for connections.
  app.addHook('preClose', async () => {
    for (const stream of open) stream.close();
  });

  app.get('/api/v1/stream', {
    schema: {
      tags: ['events'],
      summary: 'Live events in your jurisdictions as text/event-stream; resumes after Last-Event-ID',
      querystring: StreamQuery,
      produces: ['text/event-stream'],
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const resumeAfter = parseLastEventId(request.headers['last-event-id'], request.query.lastEventId);
    const afterSeq = resumeAfter ?? (await options.relay.latestSeq());

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx buffers responses unless told not to; a buffered stream is not live.
      'x-accel-buffering': 'no',
      'x-request-id': request.id,
    });
    raw.flushHeaders();

    const stream = runEventStream({
      raw,
      actor,
      relay: options.relay,
      afterSeq,
      log: request.log,
      heartbeatMs: options.heartbeatMs ?? 15_000,
      retryMs: options.retryMs ?? 3_000,
      replayBatch: options.replayBatch ?? 500,
      maxBufferedBytes: options.maxBufferedBytes ?? 4 * 1024 * 1024,
    });
    open.add(stream);
    request.log.debug({ actor: actor.id, afterSeq }, 'event stream opened');
    void stream.ended.then(() => {
      open.delete(stream);
      request.log.debug({ actor: actor.id }, 'event stream closed');
    });
  });
};
