import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases } from '../testing/databases.js';
import { buildTestApp, fixedClock, seedScopeTree, type TestApp } from '../testing/app.js';
import { withUnitOfWork } from '../platform/context.js';
import { DEFAULT_POLL_OPTIONS, pollSource, runPollRound, type PollOptions } from './poller.js';
import { attachSignal, createSource, getSource, listItemsAwaitingSignal } from './service.js';
import * as store from './store.js';
import { startFeedServer, type FeedServer } from './test-support.js';

/** Short limits so a hanging source costs the test half a second. */
const FAST: PollOptions = { ...DEFAULT_POLL_OPTIONS, timeoutMs: 500, maxBytes: 100_000, leaseSeconds: 60 };

for (const engine of testDatabases()) {
  describe(`monitoring polling (${engine.name})`, () => {
    let t: TestApp;
    let feeds: FeedServer;
    const clock = fixedClock('2024-07-02T00:00:00.000Z');

    before(async () => {
      feeds = await startFeedServer();
      t = await buildTestApp(engine, { clock });
      await seedScopeTree(t.system);
    });
    after(async () => {
      await t.close();
      await feeds.close();
    });

    const feed = async (name: string, path: string, kind: 'rss' | 'atom' | 'cap' = 'rss', pollSeconds = 60) =>
      (await createSource(t.system, { kind, name, url: `${feeds.url}${path}`, jurisdictionCode: '420102', pollSeconds, enabled: true })).source;

    it('stores each item once across polls, and answers a matching ETag with 304', async () => {
      const tagged = await feed('tagged', '/rss');
      const plain = await feed('plain', '/rss-plain');
      const first = await pollSource(t.system, tagged.id, FAST);
      assert.deepEqual([first.status, first.stored], ['ok', 3]);
      const second = await pollSource(t.system, tagged.id, FAST);
      assert.equal(second.status, 'not-modified');
      assert.equal(feeds.notModified.get('/rss'), 1);
      assert.equal((await getSource(t.system, tagged.id)).health, 'healthy');

      assert.equal((await pollSource(t.system, plain.id, FAST)).stored, 3);
      const again = await pollSource(t.system, plain.id, FAST);
      assert.deepEqual([again.status, again.stored, again.duplicates], ['ok', 0, 3]);
      assert.equal(await store.countItems(t.system.db, plain.id), 3);
      const source = await getSource(t.system, plain.id);
      assert.equal(source.itemsTotal, 3);
      assert.equal(source.nextPollAt, new Date(clock.now().getTime() + 60_000).toISOString());

      const events = await t.system.db.selectFrom('events').selectAll().where('type', '=', 'monitoring.items_received').execute();
      assert.equal(events.length, 2, 'one event per poll that brought new items');
      assert.equal(events[0]!.jurisdiction_path, source.jurisdictionPath);
    });

    it('marks garbage and hanging sources failing, then unhealthy, with back-off, while a healthy source still delivers in the same round', async () => {
      // Only the sources of this test are due.
      await t.system.db.updateTable('monitoring_sources').set({ enabled: 0 }).execute();
      const good = await feed('good', '/atom', 'atom', 30);
      const garbage = await feed('garbage', '/garbage', 'rss', 30);
      const hanging = await feed('hanging', '/hang', 'rss', 30);
      const failing = await feed('503', '/error', 'rss', 30);
      const big = await feed('big', '/big', 'rss', 30);

      const started = Date.now();
      const round = await runPollRound(t.system, FAST);
      assert.ok(Date.now() - started < 5_000, 'the round is bounded by the fetch timeout');
      const byId = new Map(round.map((o) => [o.sourceId, o]));
      assert.equal(round.length, 5);
      assert.deepEqual([byId.get(good.id)!.status, byId.get(good.id)!.stored], ['ok', 2]);
      assert.equal(byId.get(garbage.id)!.status, 'failed');
      assert.match(byId.get(garbage.id)!.error!, /not XML/);
      assert.match(byId.get(hanging.id)!.error!, /timed out after 500 ms/);
      assert.match(byId.get(failing.id)!.error!, /HTTP 503/);
      assert.match(byId.get(big.id)!.error!, /larger than the 100000-byte cap/);

      const now = clock.now().getTime();
      for (const id of [garbage.id, hanging.id]) {
        const source = await getSource(t.system, id);
        assert.equal(source.health, 'failing');
        assert.equal(source.consecutiveFailures, 1);
        assert.equal(source.nextPollAt, new Date(now + 60_000).toISOString(), '30 s × 2^1');
        assert.ok(source.lastError !== null);
      }
      assert.equal((await getSource(t.system, good.id)).health, 'healthy');

      // Not due again until the back-off has passed.
      assert.deepEqual(await runPollRound(t.system, FAST), []);
      for (const [failures, wait] of [[2, 120], [3, 240]] as const) {
        clock.advance(3_600_000);
        await runPollRound(t.system, FAST);
        const source = await getSource(t.system, hanging.id);
        assert.equal(source.consecutiveFailures, failures);
        assert.equal(source.health, failures >= 3 ? 'unhealthy' : 'failing');
        assert.equal(source.nextPollAt, new Date(clock.now().getTime() + wait * 1000).toISOString());
      }
      // Back-off is capped at an hour.
      await t.system.db.updateTable('monitoring_sources').set({ consecutive_failures: 30 }).where('id', '=', garbage.id).execute();
      clock.advance(3_600_000);
      await runPollRound(t.system, FAST);
      assert.equal((await getSource(t.system, garbage.id)).nextPollAt, new Date(clock.now().getTime() + 3_600_000).toISOString());
      // The healthy source kept its items, once.
      assert.equal(await store.countItems(t.system.db, good.id), 2);
    });

    it('never lets two pollers take one source at once', async () => {
      const source = await feed('leased', '/rss-plain');
      const now = clock.now().toISOString();
      assert.equal(await store.leaseSource(t.system.db, source.id, now, new Date(clock.now().getTime() + 60_000).toISOString()), true);
      assert.equal((await pollSource(t.system, source.id, FAST)).status, 'busy');
      await store.releaseLease(t.system.db, source.id);
      assert.equal((await pollSource(t.system, source.id, FAST)).status, 'ok');
    });

    it('follows a CAP index to its messages and hands items to the signals room once', async () => {
      const cap = await feed('cap', '/cap-index', 'cap');
      const result = await pollSource(t.system, cap.id, FAST);
      assert.deepEqual([result.status, result.stored], ['ok', 1]);
      assert.equal((await pollSource(t.system, cap.id, FAST)).stored, 0);
      assert.equal(feeds.hits.get('/cap/1.xml'), 1, 'a known message is not fetched again');

      const pending = await listItemsAwaitingSignal(t.system, 1000);
      const item = pending.find((p) => p.sourceId === cap.id)!;
      assert.equal(item.sourceKind, 'cap');
      assert.equal(item.sourceName, 'cap');
      assert.equal(item.jurisdictionCode, '420100000000', 'the item’s geocode, not the source’s 420102');
      assert.deepEqual(item.point, [114.28, 30.6]);
      assert.equal(item.title, '武汉市气象台发布暴雨橙色预警');
      const rssItem = pending.find((p) => p.sourceId !== cap.id)!;
      assert.equal(rssItem.jurisdictionCode, '420102000000', 'falls back to the source’s unit');
      const times = pending.map((p) => p.id);
      assert.deepEqual(times, [...times].sort(), 'oldest first');

      await withUnitOfWork(t.system, (unit) => attachSignal(unit, item.id, 'SIGNAL-1'));
      await withUnitOfWork(t.system, (unit) => attachSignal(unit, item.id, 'SIGNAL-1'));
      await assert.rejects(withUnitOfWork(t.system, (unit) => attachSignal(unit, item.id, 'SIGNAL-2')), /already belongs to signal SIGNAL-1/);
      assert.ok(!(await listItemsAwaitingSignal(t.system, 1000)).some((p) => p.id === item.id));
    });
  });
}
