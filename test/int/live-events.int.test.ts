// Live events end to end through the real runtime: a change made over HTTP on one server reaches
// an SSE client in scope — on PostgreSQL, on a second server sharing the database (the way two
// processes behind a load balancer do), via LISTEN/NOTIFY — and never a client out of scope.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases } from '../../src/testing/databases.js';
import { startTestServer, systemContext, type TestServer } from '../../src/testing/server.js';
import { seedScopeTree, seedUser, TEST_PASSWORD } from '../../src/testing/app.js';

interface SseFrame {
  id?: string;
  event?: string;
  data?: string;
}

/** Reads SSE frames until `wanted` matches one or the timeout passes; returns every frame seen. */
async function readFrames(body: ReadableStream<Uint8Array>, wanted: (frame: SseFrame) => boolean, timeoutMs: number): Promise<SseFrame[]> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const frames: SseFrame[] = [];
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<{ done: true; value: undefined }>((resolve) => setTimeout(() => resolve({ done: true, value: undefined }), Math.max(1, deadline - Date.now()))),
      ]);
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const raw = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const frame: SseFrame = {};
        for (const line of raw.split('\n')) {
          const [field, ...rest] = line.split(':');
          const value = rest.join(':').replace(/^ /, '');
          if (field === 'id') frame.id = value;
          if (field === 'event') frame.event = value;
          if (field === 'data') frame.data = value;
        }
        frames.push(frame);
        if (wanted(frame)) return frames;
      }
    }
    return frames;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

async function login(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: TEST_PASSWORD }) });
  assert.equal(response.status, 200);
  return ((await response.json()) as { token: string }).token;
}

for (const engine of testDatabases()) {
  describe(`live events through the runtime (${engine.name})`, () => {
    let writer: TestServer;
    let reader: TestServer;
    let adminToken: string;
    let wuhanToken: string;

    before(async () => {
      writer = await startTestServer({ engine, serveWeb: false });
      // On PostgreSQL a second server on the same database stands for a second process.
      reader = engine.name === 'postgres' ? await startTestServer({ serveWeb: false, config: writer.runtime.deps.config }) : writer;
      const system = systemContext(writer.runtime);
      await seedScopeTree(system);
      await seedUser(system, { username: 'root.admin', role: 'admin', jurisdictionCode: '0' });
      await seedUser(system, { username: 'wuhan.duty', role: 'duty_officer', jurisdictionCode: '4201' });
      adminToken = await login(writer.url, 'root.admin');
      wuhanToken = await login(reader.url, 'wuhan.duty');
    });
    after(async () => {
      if (reader !== writer) await reader.close();
      await writer.close();
    });

    test('an in-scope change arrives on the stream; a sibling city’s does not; Last-Event-ID replays', async () => {
      const controller = new AbortController();
      const stream = await fetch(`${reader.url}/api/v1/stream`, { headers: { authorization: `Bearer ${wuhanToken}`, accept: 'text/event-stream' }, signal: controller.signal });
      assert.equal(stream.status, 200);
      assert.match(stream.headers.get('content-type') ?? '', /text\/event-stream/);

      const create = async (fullName: string, jurisdictionCode: string) => {
        const response = await fetch(`${writer.url}/api/v1/people`, {
          method: 'POST',
          headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ kind: 'volunteer', fullName, jurisdictionCode }),
        });
        assert.equal(response.status, 201, await response.clone().text());
        return ((await response.json()) as { id: string }).id;
      };
      const outOfScopeId = await create('黄石志愿者', '420202');
      const inScopeId = await create('江岸志愿者', '420102');
      const frames = await readFrames(stream.body!, (f) => f.event === 'person.created' && (f.data ?? '').includes(inScopeId), 10_000);
      controller.abort();
      const created = frames.filter((f) => f.event === 'person.created');
      assert.equal(created.length, 1, JSON.stringify(frames));
      assert.ok(created[0]!.data!.includes(inScopeId));
      assert.ok(!frames.some((f) => (f.data ?? '').includes(outOfScopeId)), 'the sibling city’s event must not reach a Wuhan officer');

      // Missed while disconnected: replayed from the table on reconnect with Last-Event-ID.
      const lastId = created[0]!.id!;
      const missedId = await create('江岸志愿者二', '420102');
      const again = await fetch(`${reader.url}/api/v1/stream`, { headers: { authorization: `Bearer ${wuhanToken}`, 'last-event-id': lastId } });
      const replayed = await readFrames(again.body!, (f) => (f.data ?? '').includes(missedId), 10_000);
      assert.ok(replayed.some((f) => f.event === 'person.created' && (f.data ?? '').includes(missedId)), JSON.stringify(replayed));
      assert.ok(!replayed.some((f) => (f.data ?? '').includes(inScopeId)), 'events before Last-Event-ID are not sent again');
    });

    test('the stream needs authentication', async () => {
      const response = await fetch(`${reader.url}/api/v1/stream`);
      assert.equal(response.status, 401);
      await response.body?.cancel();
    });
  });
}
