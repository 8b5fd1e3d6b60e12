/**
 * Webhook delivery throughput: deliveries/s from the durable queue to a local webhook receiver
 * (127.0.0.1) through the dispatcher — claim, HMAC-sign, POST, record the receipt, retry the
 * failures — beside a bare HTTP POST loop of the same bodies at the same concurrency, in the same run.
 * The receiver answers 503 to 5 % of requests, so retries are exercised (back-off shortened to 50 ms).
 *
 *   node --import tsx bench/webhook-delivery.bench.ts
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/webhook-delivery.bench.ts
 *
 * BENCH_DELIVERIES (default 3000), BENCH_CONCURRENCY (default 16).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemActor } from '../src/core/actor.js';
import { systemClock } from '../src/core/clock.js';
import type { Config } from '../src/platform/config.js';
import { withUnitOfWork, type ServiceContext } from '../src/platform/context.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { createLogger } from '../src/platform/logging.js';
import { enqueueDeliveries } from '../src/notifications/enqueue.js';
import { Dispatcher } from '../src/notifications/dispatcher.js';
import { createWebhookChannel } from '../src/notifications/channels/webhook-channel.js';
import { insertWebhook, findWebhook } from '../src/notifications/webhook-store.js';
import { runOnEachEngine } from './support.js';

const N = Number(process.env.BENCH_DELIVERIES ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

let requests = 0;
let refused = 0;
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    requests++;
    // Every 20th request fails: a deterministic 5 %.
    if (requests % 20 === 0) {
      refused++;
      response.writeHead(503).end();
    } else response.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;

const body = JSON.stringify({ deliveryId: '01J0000000000000000000000', timestamp: 1_773_115_200, kind: 'alert', subject: '暴雨橙色预警', body: '武汉市气象台发布暴雨橙色预警信号'.repeat(4), capXmlUrl: 'https://example.org/public/alerts/x.xml' });

/** The baseline: the same number of POSTs of a same-sized body, same concurrency, no queue, no receipts. */
async function bareLoop(): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < N) {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await response.body?.cancel();
      }
    }),
  );
  return N / ((performance.now() - start) / 1000);
}

async function run(name: string, config: Config, cleanup: () => Promise<void>): Promise<void> {
  const handle = await openDatabase(config);
  try {
    await migrateToLatest(handle);
    const ctx: ServiceContext = { actor: systemActor('bench'), db: handle.db, dialect: handle.dialect, clock: systemClock, log: createLogger('silent'), auditKey: config.auditKey };
    await withUnitOfWork(ctx, async (unit) => {
      const now = unit.now.toISOString();
      await insertWebhook(unit.tx, { id: 'bench-hook', name: 'bench', url, secret: 'bench-secret-0123456789', categories: [], isActive: true, createdBy: 'bench', createdAt: now, updatedAt: now });
      await enqueueDeliveries(unit, Array.from({ length: N }, (_, i) => ({ channel: 'webhook' as const, address: 'bench-hook', kind: 'alert', ref: { type: 'alert', id: 'bench' }, language: 'zh-CN' as const, subject: `暴雨橙色预警 ${i}`, body: '武汉市气象台发布暴雨橙色预警信号'.repeat(4), payload: { capXmlUrl: 'https://example.org/public/alerts/x.xml' } })));
    });
    const dispatcher = new Dispatcher({
      db: handle.db,
      dialect: handle.dialect,
      channels: [createWebhookChannel({ limits: { ratePerSecond: 100_000, burst: 100_000, concurrency: CONCURRENCY, timeoutMs: 5000 }, findWebhook: (id) => findWebhook(handle.db, id), nowMs: () => Date.now() })],
      backoff: { baseSeconds: 0.05, maxSeconds: 1 },
      log: ctx.log,
      nowMs: () => Date.now(),
    });
    requests = 0;
    refused = 0;
    const start = performance.now();
    for (;;) {
      await dispatcher.drain();
      const left = await handle.db.selectFrom('notification_deliveries').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '!=', 'delivered').executeTakeFirstOrThrow();
      if (Number(left.n) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const queued = N / ((performance.now() - start) / 1000);
    const retried = refused;
    const baseline = await bareLoop();
    console.log(
      `webhook deliveries (${name}): ${queued.toFixed(0)}/s with HMAC signatures, receipts and ${retried} retries (${N} deliveries, concurrency ${CONCURRENCY}); baseline bare HTTP POST loop ${baseline.toFixed(0)}/s; ratio ${(queued / baseline).toFixed(2)}`,
    );
  } finally {
    await handle.close();
    await cleanup();
  }
}

await runOnEachEngine(run);
server.close();
