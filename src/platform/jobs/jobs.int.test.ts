import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import pino from 'pino';
import { fixedClock, systemClock, type Clock } from '../../core/clock.js';
import type { Config } from '../config.js';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { testDatabases } from '../../testing/databases.js';
import { createJobQueue } from './create-job-queue.js';
import type { JobQueue } from './job-queue.js';

const log = pino({ level: 'silent' });

/** Fast settings so retries and polls fit in a test. */
function queueFor(handle: DatabaseHandle, clock: Clock = systemClock): JobQueue {
  return createJobQueue(handle, log, clock, {
    sqlite: { pollMs: 20, retryBaseSeconds: 0.05, stopTimeoutMs: 2_000 },
    postgres: { pollSeconds: 0.5, retryDelaySeconds: 0, stopTimeoutMs: 2_000 },
  });
}

async function waitFor(predicate: () => boolean | Promise<boolean>, ms = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const engine of testDatabases()) {
  describe(`job queue (${engine.name})`, () => {
    let handle: DatabaseHandle;
    let config: Config;
    let dispose: () => Promise<void>;
    const queues: JobQueue[] = [];
    const extraHandles: DatabaseHandle[] = [];

    function track(queue: JobQueue): JobQueue {
      queues.push(queue);
      return queue;
    }

    before(async () => {
      ({ handle, config, dispose } = await engine.create());
    });

    after(async () => {
      for (const queue of queues) await queue.stop();
      for (const extra of extraHandles) await extra.close();
      if (engine.name === 'postgres') {
        const admin = new pg.Client({ connectionString: config.databaseUrl });
        await admin.connect();
        try {
          await admin.query(`drop schema if exists "${config.databaseSchema}_pgboss" cascade`);
        } finally {
          await admin.end();
        }
      }
      await dispose();
    });

    it('runs a job once with its data', async () => {
      const queue = track(queueFor(handle));
      const seen: unknown[] = [];
      await queue.work('test.once', async (data) => {
        seen.push(data);
      });
      await queue.start();
      const id = await queue.send('test.once', { n: 1 });
      assert.ok(id);
      await waitFor(() => seen.length >= 1, 10_000, 'the job');
      await sleep(engine.name === 'postgres' ? 1_200 : 200);
      assert.deepEqual(seen, [{ n: 1 }]);
      if (engine.name === 'sqlite') {
        const row = await handle.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        assert.equal(row.state, 'completed');
        assert.equal(row.attempts, 1);
      }
    });

    it('retries a failing job, then gives up', async () => {
      const queue = track(queueFor(handle));
      let calls = 0;
      await queue.work('test.flaky', async () => {
        calls += 1;
        throw new Error(`boom ${calls}`);
      });
      await queue.start();
      const id = await queue.send('test.flaky', {}, { retryLimit: 1 });
      assert.ok(id);
      await waitFor(() => calls >= 2, 10_000, 'two attempts');
      await sleep(engine.name === 'postgres' ? 1_500 : 300);
      assert.equal(calls, 2);
      if (engine.name === 'sqlite') {
        const row = await handle.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        assert.equal(row.state, 'failed');
        assert.equal(row.attempts, 2);
        assert.match(row.last_error ?? '', /boom 2/);
      }
    });

    it('drops a second send with the singleton key of a queued job', async () => {
      const queue = track(queueFor(handle));
      await queue.start();
      const first = await queue.send('test.single', { n: 1 }, { singletonKey: 'k1', startAfterSeconds: 3600 });
      const second = await queue.send('test.single', { n: 2 }, { singletonKey: 'k1', startAfterSeconds: 3600 });
      const other = await queue.send('test.single', { n: 3 }, { singletonKey: 'k2', startAfterSeconds: 3600 });
      const plain = await queue.send('test.single', { n: 4 }, { startAfterSeconds: 3600 });
      assert.ok(first);
      assert.equal(second, null);
      assert.ok(other && other !== first);
      assert.ok(plain);
      // Concurrent sends of one key: one wins.
      const racing = await Promise.all([1, 2, 3, 4, 5].map((n) => queue.send('test.single', { n }, { singletonKey: 'k3' , startAfterSeconds: 3600 })));
      assert.equal(racing.filter((r) => r !== null).length, 1);
    });

    if (engine.name === 'sqlite') {
      it('runs a delayed job only once it is due', async () => {
        const clock = fixedClock('2030-01-01T00:00:00.000Z');
        const queue = track(queueFor(handle, clock));
        let calls = 0;
        await queue.work('test.later', async () => {
          calls += 1;
        });
        await queue.start();
        await queue.send('test.later', {}, { startAfterSeconds: 60 });
        await sleep(150);
        assert.equal(calls, 0);
        clock.advance(61_000);
        await waitFor(() => calls === 1, 5_000, 'the due job');
        await queue.stop();
      });

      it('keeps jobs across a restart (new queue, new connection)', async () => {
        const before = track(queueFor(handle));
        await before.start();
        const id = await before.send('test.durable', { keep: true });
        await before.stop();

        const reopened = await openDatabase(config);
        extraHandles.push(reopened);
        const queue = track(queueFor(reopened));
        const seen: unknown[] = [];
        await queue.work('test.durable', async (data) => {
          seen.push(data);
        });
        await queue.start();
        await waitFor(() => seen.length >= 1, 5_000, 'the job queued before the restart');
        assert.deepEqual(seen, [{ keep: true }]);
        const row = await reopened.db.selectFrom('jobs').select('state').where('id', '=', id!).executeTakeFirstOrThrow();
        assert.equal(row.state, 'completed');
      });

      it('re-runs a job abandoned mid-run by a process that died', async () => {
        const queue = track(queueFor(handle));
        const id = await queue.send('test.abandoned', { n: 1 });
        // As a dead process leaves it: claimed, lock expired.
        await handle.db
          .updateTable('jobs')
          .set({ state: 'active', attempts: 1, locked_until: '2000-01-01T00:00:00.000Z' })
          .where('id', '=', id!)
          .execute();
        let calls = 0;
        await queue.work('test.abandoned', async () => {
          calls += 1;
        });
        await queue.start();
        await waitFor(() => calls === 1, 5_000, 'the abandoned job');
        const row = await handle.db.selectFrom('jobs').selectAll().where('id', '=', id!).executeTakeFirstOrThrow();
        assert.equal(row.state, 'completed');
        assert.equal(row.attempts, 2);
      });

      it('queues scheduled jobs at their interval', async () => {
        const queue = track(queueFor(handle));
        let calls = 0;
        await queue.work('test.tick', async () => {
          calls += 1;
        });
        await queue.schedule('test.tick', '1s');
        await queue.start();
        await waitFor(() => calls >= 2, 5_000, 'two ticks');
        await queue.stop();
      });
    }

    if (engine.name === 'postgres') {
      it('runs a job once when two processes work the queue', async () => {
        const other = await openDatabase(config);
        extraHandles.push(other);
        const a = track(queueFor(handle));
        const b = track(queueFor(other));
        const runs: string[] = [];
        await a.work('test.shared', async () => {
          runs.push('a');
        });
        await b.work('test.shared', async () => {
          runs.push('b');
        });
        await Promise.all([a.start(), b.start()]);
        await a.send('test.shared', { n: 1 });
        await waitFor(() => runs.length >= 1, 10_000, 'the job');
        await sleep(2_000);
        assert.equal(runs.length, 1);
        // And many jobs: each once, shared between the two.
        runs.length = 0;
        await Promise.all(Array.from({ length: 20 }, (_, n) => (n % 2 ? a : b).send('test.shared', { n })));
        await waitFor(() => runs.length >= 20, 15_000, 'twenty jobs');
        await sleep(1_500);
        assert.equal(runs.length, 20);
      });
    }
  });
}
