import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases } from '../testing/databases.js';
import { startTestServer, systemContext, type TestServer } from '../testing/server.js';
import { seedScopeTree } from '../testing/app.js';
import { createSource } from './service.js';
import { countItems } from './store.js';
import { POLL_JOB } from './jobs.js';
import { startFeedServer, type FeedServer } from './test-support.js';

async function waitFor(predicate: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

for (const engine of testDatabases()) {
  describe(`monitoring.poll job in a running server (${engine.name})`, () => {
    let server: TestServer;
    let feeds: FeedServer;
    before(async () => {
      feeds = await startFeedServer();
      server = await startTestServer({ engine, serveWeb: false });
    });
    after(async () => {
      await server.close();
      await feeds.close();
    });

    it('is registered by the app and brings a new feed’s items in', async () => {
      const ctx = systemContext(server.runtime);
      await seedScopeTree(ctx);
      const { source } = await createSource(ctx, { kind: 'rss', name: 'job feed', url: `${feeds.url}/rss`, jurisdictionCode: '420102', pollSeconds: 60 });
      // SQLite's schedule fires every 5 s; pg-boss's cron only each minute, so queue one round now.
      if (engine.name === 'postgres') await server.runtime.deps.jobs!.send(POLL_JOB);
      // Counted in the table, not the awaiting queue: the signals room's processor may take them at once.
      await waitFor(async () => (await countItems(ctx.db, source.id)) === 3, 20_000, 'the feed’s items');
      assert.equal(feeds.hits.get('/rss'), 1);
    });
  });
}
