import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import pino from 'pino';
import { systemActor } from '../../core/actor.js';
import { systemClock } from '../../core/clock.js';
import { withUnitOfWork, type ServiceContext } from '../context.js';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import type { Config } from '../config.js';
import { testDatabases } from '../../testing/databases.js';
import type { StoredEvent } from './event.js';
import { createEventRelay, type EventRelay } from './relay.js';

const log = pino({ level: 'silent' });
const HUBEI = '/000000000000/420000000000/';

function contextFor(handle: DatabaseHandle, config: Config, relay?: EventRelay): ServiceContext {
  return {
    actor: systemActor(),
    db: handle.db,
    dialect: handle.dialect,
    clock: systemClock,
    log,
    auditKey: config.auditKey,
    onEventsCommitted: relay?.wake,
  };
}

async function emit(ctx: ServiceContext, type: string, payload: Record<string, unknown> = {}, path = HUBEI): Promise<void> {
  await withUnitOfWork(ctx, (u) => u.emit({ type, jurisdictionPath: path, payload }));
}

/** Resolves when `predicate` holds; rejects after `ms` so a failing test ends. */
async function waitFor(predicate: () => boolean, ms = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const engine of testDatabases()) {
  describe(`event relay (${engine.name})`, () => {
    let handle: DatabaseHandle;
    let config: Config;
    let dispose: () => Promise<void>;

    before(async () => {
      ({ handle, config, dispose } = await engine.create());
    });
    after(async () => {
      await dispose();
    });

    it('delivers events of a committed unit of work, in seq order, once', async () => {
      // A poll far longer than the test: delivery must come from wake() / NOTIFY.
      const relay = createEventRelay({ database: handle, log, pollMs: 60_000 });
      await relay.start();
      const seen: StoredEvent[] = [];
      const unsubscribe = relay.subscribe((e) => seen.push(e));
      try {
        const ctx = contextFor(handle, config, relay);
        await withUnitOfWork(ctx, async (u) => {
          await u.emit({ type: 'test.one', jurisdictionPath: HUBEI, payload: { n: 1 } });
          await u.emit({ type: 'test.two', jurisdictionPath: HUBEI, payload: { n: 2 } });
        });
        await emit(ctx, 'test.three', { n: 3 });
        await waitFor(() => seen.length >= 3, 5_000, 'three events');
        relay.wake();
        relay.wake();
        await sleep(100);
        assert.deepEqual(seen.map((e) => e.type), ['test.one', 'test.two', 'test.three']);
        assert.deepEqual(seen.map((e) => e.payload), [{ n: 1 }, { n: 2 }, { n: 3 }]);
        assert.ok(seen[0]!.seq < seen[1]!.seq && seen[1]!.seq < seen[2]!.seq);
        assert.equal(seen[0]!.jurisdictionPath, HUBEI);
        assert.match(seen[0]!.createdAt, /^\d{4}-\d\d-\d\dT/);
      } finally {
        unsubscribe();
        await relay.stop();
      }
    });

    it('emits nothing for a rolled-back unit of work', async () => {
      const relay = createEventRelay({ database: handle, log, pollMs: 50 });
      await relay.start();
      const seen: StoredEvent[] = [];
      relay.subscribe((e) => seen.push(e));
      try {
        const ctx = contextFor(handle, config, relay);
        await assert.rejects(
          withUnitOfWork(ctx, async (u) => {
            await u.emit({ type: 'test.rolled_back', jurisdictionPath: HUBEI, payload: {} });
            throw new Error('abort');
          }),
          /abort/,
        );
        await emit(ctx, 'test.after_rollback');
        await waitFor(() => seen.length >= 1, 5_000, 'the committed event');
        await sleep(200);
        assert.deepEqual(seen.map((e) => e.type), ['test.after_rollback']);
        const all = await relay.readSince(0, 1000);
        assert.ok(!all.some((e) => e.type === 'test.rolled_back'));
      } finally {
        await relay.stop();
      }
    });

    it('starts after the newest event and replays with readSince', async () => {
      const ctx = contextFor(handle, config);
      const before = await createEventRelay({ database: handle, log }).latestSeq();
      await emit(ctx, 'test.replay.a');
      await emit(ctx, 'test.replay.b');
      await emit(ctx, 'test.replay.c');
      const relay = createEventRelay({ database: handle, log, pollMs: 60_000, batchSize: 2 });
      await relay.start();
      const seen: StoredEvent[] = [];
      relay.subscribe((e) => seen.push(e));
      try {
        const replay = await relay.readSince(before, 10);
        assert.deepEqual(replay.map((e) => e.type), ['test.replay.a', 'test.replay.b', 'test.replay.c']);
        assert.deepEqual((await relay.readSince(before, 2)).map((e) => e.type), ['test.replay.a', 'test.replay.b']);
        assert.deepEqual((await relay.readSince(replay[1]!.seq, 10)).map((e) => e.type), ['test.replay.c']);
        assert.equal(await relay.latestSeq(), replay[2]!.seq);
        // Already committed when the relay started: not delivered live.
        relay.wake();
        await sleep(100);
        assert.equal(seen.length, 0);
        // More than one batch after start: all delivered, in order.
        const live = contextFor(handle, config, relay);
        for (const n of [1, 2, 3, 4, 5]) await emit(live, 'test.batch', { n });
        await waitFor(() => seen.length >= 5, 5_000, 'five events');
        assert.deepEqual(seen.map((e) => e.payload.n), [1, 2, 3, 4, 5]);
      } finally {
        await relay.stop();
      }
    });

    if (engine.name === 'postgres') {
      it('fans out across processes: two relays on two handles both receive a commit through one', async () => {
        const other = await openDatabase(config);
        const relayA = createEventRelay({ database: handle, log, pollMs: 60_000 });
        const relayB = createEventRelay({ database: other, log, pollMs: 60_000 });
        await relayA.start();
        await relayB.start();
        const seenA: StoredEvent[] = [];
        const seenB: StoredEvent[] = [];
        relayA.subscribe((e) => seenA.push(e));
        relayB.subscribe((e) => seenB.push(e));
        try {
          // No onEventsCommitted: only LISTEN/NOTIFY can wake either relay.
          await emit(contextFor(other, config), 'test.fanout', { from: 'B' });
          await waitFor(() => seenA.length >= 1 && seenB.length >= 1, 5_000, 'both relays');
          assert.deepEqual(seenA.map((e) => e.type), ['test.fanout']);
          assert.deepEqual(seenB.map((e) => e.type), ['test.fanout']);
          assert.equal(seenA[0]!.seq, seenB[0]!.seq);
        } finally {
          await relayA.stop();
          await relayB.stop();
          await other.close();
        }
      });

      it('reconnects its LISTEN session after the connection is killed', async () => {
        const name = `relay-test-${process.pid}-${Date.now()}`;
        const relay = createEventRelay({ database: handle, log, pollMs: 60_000, applicationName: name });
        await relay.start();
        const seen: StoredEvent[] = [];
        relay.subscribe((e) => seen.push(e));
        const admin = new pg.Client({ connectionString: config.databaseUrl });
        await admin.connect();
        try {
          const killed = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [name]);
          assert.equal(killed.rowCount, 1);
          // Committed while the listener is down, without a local wake: found on reconnect.
          await emit(contextFor(handle, config), 'test.while_down');
          await waitFor(() => seen.length >= 1, 10_000, 'the event committed while disconnected');
          const back = async () =>
            (await admin.query('select 1 from pg_stat_activity where application_name = $1', [name])).rowCount === 1;
          const deadline = Date.now() + 10_000;
          while (!(await back())) {
            if (Date.now() > deadline) throw new Error('listener did not reconnect');
            await sleep(50);
          }
          await emit(contextFor(handle, config), 'test.after_reconnect');
          await waitFor(() => seen.length >= 2, 5_000, 'the event after reconnect');
          assert.deepEqual(seen.map((e) => e.type), ['test.while_down', 'test.after_reconnect']);
        } finally {
          await admin.end();
          await relay.stop();
        }
      });
    }
  });
}
