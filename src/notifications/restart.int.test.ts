import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases } from '../testing/databases.js';
import { startRuntime, type Runtime } from '../app/runtime.js';
import { systemContext } from '../testing/server.js';
import { withUnitOfWork } from '../platform/context.js';
import type { Config } from '../platform/config.js';
import { enqueueDeliveries } from './enqueue.js';
import { startHttpRecorder, type HttpRecorder } from './testing/local-receivers.js';

const TOTAL = 300;

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

for (const engine of testDatabases()) {
  describe(`notifications: nothing accepted is lost across a restart (${engine.name})`, () => {
    let gateway: HttpRecorder;
    let config: Config;
    let dispose: () => Promise<void>;

    before(async () => {
      // A slow gateway (40 ms per message; a pass takes 128), so the first server stops with messages still queued.
      gateway = await startHttpRecorder('{"id":"gw"}', 40);
      const created = await engine.create();
      await created.handle.close();
      dispose = created.dispose;
      config = { ...created.config, notifications: { ...created.config.notifications, smsGatewayUrl: gateway.url, rates: { ...created.config.notifications.rates, sms: 1000 } } };
    });
    after(async () => {
      await gateway.close();
      await dispose().catch(() => undefined);
    });

    test('the server stops mid-way; the next one on the same database delivers the rest, each message once', async () => {
      let runtime: Runtime = await startRuntime(config, { serveWeb: false });
      const ctx = systemContext(runtime);
      await withUnitOfWork(ctx, async (unit) => {
        await enqueueDeliveries(unit, Array.from({ length: TOTAL }, (_, i) => ({ channel: 'sms' as const, address: `+86139000000${String(i).padStart(2, '0')}`, kind: 'alert', ref: { type: 'alert', id: 'restart' }, language: 'zh-CN' as const, subject: '预警', body: `第 ${i} 条` })));
        await unit.emit({ type: 'notification.deliveries_queued', jurisdictionPath: '/000000000000/', payload: { enqueued: TOTAL, ref: null } });
      });
      await waitFor(async () => gateway.received.length >= 5, 20_000);
      await runtime.close();
      const sentBeforeRestart = gateway.received.length;
      assert.ok(sentBeforeRestart < TOTAL, `stopped mid-way (${sentBeforeRestart} sent)`);

      runtime = await startRuntime(config, { serveWeb: false });
      try {
        const db = runtime.deps.database.db;
        await waitFor(async () => {
          const row = await db.selectFrom('notification_deliveries').select((eb) => eb.fn.countAll<number>().as('n')).where('ref_id', '=', 'restart').where('state', '=', 'delivered').executeTakeFirst();
          return Number(row?.n) === TOTAL;
        }, 30_000);
      } finally {
        await runtime.close();
      }
      const references = gateway.received.map((r) => (JSON.parse(r.body) as { reference: string }).reference);
      assert.equal(references.length, TOTAL, 'every message sent');
      assert.equal(new Set(references).size, TOTAL, 'none sent twice');
    });
  });
}
