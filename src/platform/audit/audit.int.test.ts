import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases } from '../../testing/databases.js';
import { buildTestApp, seedScopeTree, seedUser, type TestApp } from '../../testing/app.js';
import { verifyAuditChain } from './audit.js';

for (const engine of testDatabases()) {
  describe(`audit trail (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(engine);
      await seedScopeTree(t.system);
      await seedUser(t.system, { username: 'audited.user', role: 'analyst', jurisdictionCode: '4201' });
    });
    after(async () => t.close());

    test('every mutation appended a linked record, and verification passes', async () => {
      const rows = await t.system.db.selectFrom('audit_log').select(['action', 'actor_name']).orderBy('seq').execute();
      assert.ok(rows.some((r) => r.action === 'jurisdiction.import'));
      assert.ok(rows.some((r) => r.action === 'user.create'));
      assert.ok(rows.some((r) => r.action === 'user.grant_role'));
      const result = await verifyAuditChain(t.system.db);
      assert.equal(result.firstBreak, undefined);
      assert.equal(result.checked, rows.length);
    });

    test('tampering with a stored record is reported at that record', async () => {
      const target = await t.system.db.selectFrom('audit_log').select(['seq', 'id']).where('action', '=', 'user.create').executeTakeFirstOrThrow();
      await t.system.db.updateTable('audit_log').set({ actor_name: 'someone-else' }).where('seq', '=', target.seq).execute();
      const result = await verifyAuditChain(t.system.db);
      assert.equal(result.firstBreak?.seq, target.seq);
      assert.equal(result.firstBreak?.id, target.id);
    });
  });
}
