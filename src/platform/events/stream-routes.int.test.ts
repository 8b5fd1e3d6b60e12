import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { systemActor, type Actor } from '../../core/actor.js';
import { systemClock } from '../../core/clock.js';
import { withUnitOfWork, type ServiceContext } from '../context.js';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/database.js';
import { createHttpServer, type App } from '../http/server.js';
import { testDatabases } from '../../testing/databases.js';
import { createEventRelay, type EventRelay } from './relay.js';
import { streamRoutes } from './stream-routes.js';

const log = pino({ level: 'silent' });
const ROOT = '/000000000000/';
const HUBEI = `${ROOT}420000000000/`;
const WUHAN = `${HUBEI}420100000000/`;
const JIANGAN = `${WUHAN}420102000000/`;
const HUANGSHI = `${HUBEI}420200000000/`;

/** A duty officer of Wuhan: sees Wuhan and below, never the sibling city Huangshi. */
const wuhanOfficer: Actor = {
  kind: 'user',
  id: 'U-WUHAN',
  name: 'Wuhan duty officer',
  grants: [{ role: 'duty_officer', jurisdictionCode: '420100000000', jurisdictionPath: WUHAN }],
};

interface SseMessage {
  id?: string;
  event?: string;
  data?: string;
}

/** A minimal text/event-stream client over fetch, collecting messages and comments. */
function openStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  let status = 0;
  let contentType = '';
  let buffer = '';
  const done = (async () => {
    const response = await fetch(url, {
      headers: { accept: 'text/event-stream', authorization: 'Bearer test', ...headers },
      signal: controller.signal,
    });
    status = response.status;
    contentType = response.headers.get('content-type') ?? '';
    if (response.body === null) return;
    const decoder = new TextDecoder();
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const message: SseMessage = {};
        let isComment = true;
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) {
            comments.push(line.slice(1).trim());
            continue;
          }
          isComment = false;
          const colon = line.indexOf(':');
          const field = line.slice(0, colon);
          const value = line.slice(colon + 1).replace(/^ /, '');
          if (field === 'id' || field === 'event' || field === 'data') message[field] = value;
        }
        if (!isComment) messages.push(message);
      }
    }
  })().catch((error: unknown) => {
    if ((error as Error).name !== 'AbortError') throw error;
  });
  return {
    messages,
    comments,
    get status() {
      return status;
    },
    get contentType() {
      return contentType;
    },
    /** Messages that carry an event (not the id-only preamble). */
    events: () =>
      messages
        .filter((m) => m.data !== undefined)
        .map((m) => ({ id: Number(m.id), event: m.event, body: JSON.parse(m.data!) as Record<string, unknown> })),
    close: () => controller.abort(),
    done,
  };
}

async function waitFor(predicate: () => boolean, ms = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const engine of testDatabases()) {
  describe(`GET /api/v1/stream (${engine.name})`, () => {
    let handle: DatabaseHandle;
    let config: Config;
    let dispose: () => Promise<void>;
    let relay: EventRelay;
    let app: App;
    let base: string;
    let ctx: ServiceContext;
    let actor: Actor = wuhanOfficer;

    async function emit(type: string, path: string, payload: Record<string, unknown> = {}): Promise<number> {
      await withUnitOfWork(ctx, (u) => u.emit({ type, jurisdictionPath: path, payload }));
      return relay.latestSeq();
    }

    before(async () => {
      ({ handle, config, dispose } = await engine.create());
      relay = createEventRelay({ database: handle, log, pollMs: 60_000 });
      await relay.start();
      ctx = {
        actor: systemActor(),
        db: handle.db,
        dialect: handle.dialect,
        clock: systemClock,
        log,
        auditKey: config.auditKey,
        onEventsCommitted: relay.wake,
      };
      app = await createHttpServer(
        { config, database: handle, clock: systemClock, log, onEventsCommitted: relay.wake },
        {
          version: 'test',
          authenticate: async (request) =>
            request.headers.authorization === 'Bearer test' ? { actor, via: 'bearer', tokenId: 'T-TEST' } : undefined,
        },
      );
      await app.register(streamRoutes, { relay, heartbeatMs: 150 });
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address();
      assert.ok(address !== null && typeof address === 'object');
      base = `http://127.0.0.1:${address.port}`;
    });

    after(async () => {
      // fetch (undici) opens spare sockets that never carry a request; Node's server waits for
      // them to time out. Streams are ended by the plugin's preClose hook first.
      const closing = app.close();
      setTimeout(() => app.server.closeAllConnections(), 100).unref();
      await closing;
      await relay.stop();
      await dispose();
    });

    it('refuses a caller that is not logged in', async () => {
      const response = await fetch(`${base}/api/v1/stream`, { headers: { accept: 'text/event-stream' } });
      assert.equal(response.status, 401);
      assert.equal(((await response.json()) as { error: string }).error, 'unauthenticated');
      const openapi = (await (await fetch(`${base}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
      assert.ok(openapi.paths['/api/v1/stream'], 'the stream is documented');
    });

    it('sends in-scope events live, never a sibling jurisdiction’s, with heartbeats', async () => {
      const stream = openStream(`${base}/api/v1/stream`);
      try {
        await waitFor(() => stream.messages.length >= 1, 5_000, 'the preamble');
        assert.equal(stream.status, 200);
        assert.match(stream.contentType, /^text\/event-stream/);
        const start = Number(stream.messages[0]!.id);
        assert.equal(start, await relay.latestSeq());

        await emit('test.sibling', HUANGSHI, { secret: true });
        const inScope = await emit('test.local', JIANGAN, { n: 1 });
        await waitFor(() => stream.events().length >= 1, 5_000, 'the in-scope event');
        await waitFor(() => stream.comments.includes('heartbeat'), 5_000, 'a heartbeat');
        const events = stream.events();
        assert.equal(events.length, 1);
        assert.equal(events[0]!.id, inScope);
        assert.equal(events[0]!.event, 'test.local');
        assert.deepEqual(Object.keys(events[0]!.body).sort(), ['createdAt', 'id', 'payload', 'seq', 'type']);
        assert.equal(events[0]!.body.seq, inScope);
        assert.deepEqual(events[0]!.body.payload, { n: 1 });
      } finally {
        stream.close();
        await stream.done;
      }
    });

    it('replays what a reconnecting client missed (Last-Event-ID or ?lastEventId), then goes live', async () => {
      const first = openStream(`${base}/api/v1/stream`);
      let lastSeen: number;
      try {
        await waitFor(() => first.messages.length >= 1, 5_000, 'the preamble');
        lastSeen = await emit('test.before', WUHAN);
        await waitFor(() => first.events().length >= 1, 5_000, 'the first event');
      } finally {
        first.close();
        await first.done;
      }
      // While the client is away.
      const missedA = await emit('test.missed.a', JIANGAN, { k: 'a' });
      await emit('test.missed.sibling', HUANGSHI);
      const missedC = await emit('test.missed.c', WUHAN, { k: 'c' });

      // Both variants resume from the same point, so the second also replays the first's live event.
      const missed: Array<[number, string]> = [
        [missedA, 'test.missed.a'],
        [missedC, 'test.missed.c'],
      ];
      for (const how of ['header', 'query'] as const) {
        const second =
          how === 'header'
            ? openStream(`${base}/api/v1/stream`, { 'last-event-id': String(lastSeen) })
            : openStream(`${base}/api/v1/stream?lastEventId=${lastSeen}`);
        try {
          await waitFor(() => second.events().length >= missed.length, 5_000, `the replay (${how})`);
          assert.deepEqual(second.events().map((e) => [e.id, e.event]), missed);
          const live = await emit(`test.live.${how}`, JIANGAN);
          await waitFor(() => second.events().length >= missed.length + 1, 5_000, 'the live event after replay');
          await sleep(100);
          missed.push([live, `test.live.${how}`]);
          assert.deepEqual(second.events().map((e) => [e.id, e.event]), missed);
        } finally {
          second.close();
          await second.done;
        }
      }
    });

    it('has neither gaps nor duplicates when events commit during the replay', async () => {
      const from = await relay.latestSeq();
      const expected: number[] = [];
      // Commits keep coming while the client connects and replays.
      const writer = (async () => {
        for (let n = 0; n < 40; n++) {
          const path = n % 3 === 0 ? HUANGSHI : JIANGAN;
          const seq = await emit('test.burst', path, { n });
          if (path === JIANGAN) expected.push(seq);
          if (n % 5 === 0) await sleep(5);
        }
      })();
      await sleep(20);
      const stream = openStream(`${base}/api/v1/stream`, { 'last-event-id': String(from) });
      try {
        await writer;
        await waitFor(() => stream.events().length >= expected.length, 10_000, `${expected.length} events`);
        await sleep(150);
        assert.deepEqual(stream.events().map((e) => e.id), expected);
      } finally {
        stream.close();
        await stream.done;
      }
    });

    it('lets a system actor see every jurisdiction', async () => {
      actor = systemActor();
      const stream = openStream(`${base}/api/v1/stream`);
      try {
        await waitFor(() => stream.messages.length >= 1, 5_000, 'the preamble');
        await emit('test.sys.sibling', HUANGSHI);
        await emit('test.sys.root', ROOT);
        await waitFor(() => stream.events().length >= 2, 5_000, 'both events');
        assert.deepEqual(stream.events().map((e) => e.event), ['test.sys.sibling', 'test.sys.root']);
      } finally {
        actor = wuhanOfficer;
        stream.close();
        await stream.done;
      }
    });

    it('ends open streams when the server closes', async () => {
      const extra = await createHttpServer(
        { config, database: handle, clock: systemClock, log },
        { version: 'test', authenticate: async () => ({ actor: wuhanOfficer, via: 'bearer', tokenId: 'T' }) },
      );
      await extra.register(streamRoutes, { relay });
      await extra.listen({ host: '127.0.0.1', port: 0 });
      const address = extra.server.address();
      assert.ok(address !== null && typeof address === 'object');
      const stream = openStream(`http://127.0.0.1:${address.port}/api/v1/stream`);
      await waitFor(() => stream.messages.length >= 1, 5_000, 'the preamble');
      const closing = extra.close();
      const timeout = sleep(3_000).then(() => 'timeout');
      assert.notEqual(await Promise.race([closing.then(() => 'closed'), timeout]), 'timeout');
      await Promise.race([stream.done, sleep(3_000)]);
    });
  });
}
