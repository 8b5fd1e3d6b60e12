import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases } from '../testing/databases.js';
import { bearer, buildTestApp, errorBody, fixedClock, loginToken, seedScopeTree, seedUser, type TestApp } from '../testing/app.js';
import type { RequestBody } from './schema.js';

for (const engine of testDatabases()) {
  describe(`mutual aid: requests through the EDXL-RM lifecycle (${engine.name})`, () => {
    const clock = fixedClock('2020-02-12T00:00:00Z');
    let t: TestApp;
    const tokens: Record<string, string> = {};

    before(async () => {
      t = await buildTestApp(engine, { clock });
      await seedScopeTree(t.system);
      const users: Array<[string, 'duty_officer' | 'analyst' | 'volunteer', string]> = [
        ['wuhan.duty', 'duty_officer', '4201'],
        ['wuhan.analyst', 'analyst', '4201'],
        ['hunan.duty', 'duty_officer', '43'],
        ['huangshi.duty', 'duty_officer', '4202'],
        ['jiangan.duty', 'duty_officer', '420102'],
        ['hunan.volunteer', 'volunteer', '43'],
      ];
      for (const [username, role, code] of users) {
        await seedUser(t.system, { username, role, jurisdictionCode: code });
        tokens[username] = await loginToken(t.app, username);
      }
    });
    after(async () => t.close());

    async function call(user: string, method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) {
      return t.app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }), headers: { ...bearer(tokens[user]!), ...headers } });
    }

    async function newRequest(quantity = 10): Promise<RequestBody> {
      const response = await call('wuhan.duty', 'POST', '/api/v1/mutual-aid/requests', {
        requesterCode: '4201', resourceKind: 'team', resourceType: 1, resourceName: 'ICU 医疗队', quantity, unit: '队', neededBy: '2020-02-14T08:00:00+08:00', deliverTo: '武汉市金银潭医院',
      });
      assert.equal(response.statusCode, 201, response.body);
      return response.json() as RequestBody;
    }

    async function offer(user: string, requestId: string, offererCode: string, quantity: number): Promise<RequestBody> {
      const response = await call(user, 'POST', `/api/v1/mutual-aid/requests/${requestId}/offers`, { offererCode, quantity, unitCost: 2000, currency: 'CNY', eta: '2020-02-13T20:00:00+08:00' });
      assert.equal(response.statusCode, 201, response.body);
      return response.json() as RequestBody;
    }

    test('request → offers → commit (quantities reconciled) → dispatch → arrive → release → return → close, every step an EDXL-RM message', async () => {
      const request = await newRequest(10);
      assert.equal(request.number, 'MA-2020-000001');
      assert.equal(request.status, 'open');
      const fromHunan = (await offer('hunan.duty', request.id, '43', 6)).offers.find((o) => o.offererCode === '430000000000')!;
      const fromHuangshi = (await offer('huangshi.duty', request.id, '4202', 5)).offers.find((o) => o.offererCode === '420200000000')!;
      assert.equal(fromHuangshi.offererName, '黄石市');

      const over = await call('wuhan.duty', 'POST', `/api/v1/mutual-aid/requests/${request.id}/commits`, { lines: [{ offerId: fromHunan.id, quantity: 6 }, { offerId: fromHuangshi.id, quantity: 5 }] });
      assert.equal(over.statusCode, 409);
      assert.match(errorBody(over).message, /would exceed the request: 0 of 10 already committed, 10 still needed/);

      const committed = await call('wuhan.duty', 'POST', `/api/v1/mutual-aid/requests/${request.id}/commits`, { lines: [{ offerId: fromHunan.id, quantity: 6 }, { offerId: fromHuangshi.id, quantity: 4 }] }, { 'idempotency-key': 'commit-0001' });
      assert.equal(committed.statusCode, 200, committed.body);
      const afterCommit = committed.json() as RequestBody;
      assert.equal(afterCommit.status, 'fulfilled');
      assert.equal(afterCommit.committedQuantity, 10);
      assert.equal(afterCommit.remainingQuantity, 0);
      // The same commit again under its key answers the first result, committing nothing twice.
      const replay = await call('wuhan.duty', 'POST', `/api/v1/mutual-aid/requests/${request.id}/commits`, { lines: [{ offerId: fromHunan.id, quantity: 6 }, { offerId: fromHuangshi.id, quantity: 4 }] }, { 'idempotency-key': 'commit-0001' });
      assert.equal(replay.statusCode, 200);
      assert.deepEqual(replay.json(), afterCommit);

      // The requesting side may not dispatch; the offering side may not confirm arrival.
      assert.equal((await call('wuhan.duty', 'POST', `/api/v1/mutual-aid/offers/${fromHunan.id}/dispatch`, {})).statusCode, 403);
      assert.equal((await call('hunan.duty', 'POST', `/api/v1/mutual-aid/offers/${fromHunan.id}/arrive`, {})).statusCode, 403);
      // Out of order: arrival before dispatch is a conflict naming what is allowed.
      const early = await call('wuhan.duty', 'POST', `/api/v1/mutual-aid/offers/${fromHunan.id}/arrive`, {});
      assert.equal(early.statusCode, 409);
      assert.match(errorBody(early).message, /allowed from committed: cancel, dispatch/);

      for (const [user, action] of [['hunan.duty', 'dispatch'], ['wuhan.duty', 'arrive'], ['wuhan.duty', 'release'], ['hunan.duty', 'return']] as const) {
        const step = await call(user, 'POST', `/api/v1/mutual-aid/offers/${fromHunan.id}/${action}`, { note: `${action} 备注` });
        assert.equal(step.statusCode, 200, `${action}: ${step.body}`);
      }
      const report = await call('huangshi.duty', 'POST', `/api/v1/mutual-aid/offers/${fromHuangshi.id}/status-reports`, { status: 'Delayed', note: '道路管制' });
      assert.equal(report.statusCode, 201, report.body);
      // Huangshi's commitment is still out: the request cannot close yet.
      assert.equal((await call('wuhan.duty', 'POST', `/api/v1/mutual-aid/requests/${request.id}/close`, {})).statusCode, 409);
      for (const [user, action] of [['huangshi.duty', 'dispatch'], ['wuhan.duty', 'arrive'], ['wuhan.duty', 'release'], ['huangshi.duty', 'return']] as const) {
        assert.equal((await call(user, 'POST', `/api/v1/mutual-aid/offers/${fromHuangshi.id}/${action}`, {})).statusCode, 200);
      }
      const closed = await call('wuhan.duty', 'POST', `/api/v1/mutual-aid/requests/${request.id}/close`, {});
      assert.equal(closed.statusCode, 200, closed.body);
      assert.equal((closed.json() as RequestBody).status, 'closed');

      const exported = await call('huangshi.duty', 'GET', `/api/v1/mutual-aid/requests/${request.id}/edxl-rm`);
      assert.equal(exported.statusCode, 200);
      const types = (exported.json() as { items: { type: string; xml: string }[] }).items.map((m) => m.type);
      assert.deepEqual(types, [
        'RequestResource', 'ResponseToRequestResource', 'ResponseToRequestResource', 'CommitResource', 'CommitResource',
        'ReportResourceDeploymentStatus', 'ReportResourceDeploymentStatus', 'ReleaseResource', 'RequestReturn',
        'ReportResourceDeploymentStatus',
        'ReportResourceDeploymentStatus', 'ReportResourceDeploymentStatus', 'ReleaseResource', 'RequestReturn',
      ]);
      // Cancelling a request declines its open offers and cancels its commitments, each reported.
      const other = await newRequest(4);
      const open = (await offer('hunan.duty', other.id, '43', 2)).offers[0]!;
      const held = (await offer('huangshi.duty', other.id, '4202', 2)).offers.find((o) => o.offererCode === '420200000000')!;
      assert.equal((await call('wuhan.duty', 'POST', `/api/v1/mutual-aid/requests/${other.id}/commits`, { lines: [{ offerId: held.id, quantity: 2 }] })).statusCode, 200);
      const cancelled = await call('wuhan.duty', 'POST', `/api/v1/mutual-aid/requests/${other.id}/cancel`, { note: '疫情缓解' });
      assert.equal(cancelled.statusCode, 200, cancelled.body);
      const after = cancelled.json() as RequestBody;
      assert.equal(after.status, 'cancelled');
      assert.equal(after.committedQuantity, 0);
      assert.deepEqual(Object.fromEntries(after.offers.map((o) => [o.id, o.status])), { [open.id]: 'declined', [held.id]: 'cancelled' });
      const reports = ((await call('wuhan.duty', 'GET', `/api/v1/mutual-aid/requests/${other.id}/edxl-rm`)).json() as { items: { type: string; xml: string }[] }).items.slice(-2);
      assert.ok(reports.every((m) => m.type === 'ReportResourceDeploymentStatus'));
      assert.deepEqual(reports.map((m) => /<rm:Value>(Declined|Cancelled)<\/rm:Value>/.exec(m.xml)?.[1]).sort(), ['Cancelled', 'Declined']);

      const audit = await t.system.db.selectFrom('audit_log').select('action').where('action', 'like', 'mutual_aid.%').execute();
      assert.ok(audit.length >= 14, `audit records: ${audit.length}`);
    });

    test('who may do what: scope, offering level and the line of the hierarchy', async () => {
      const request = await newRequest(3);
      // A sibling city reads the request (it may offer) but may not commit for Wuhan.
      const fromHuangshi = (await offer('huangshi.duty', request.id, '4202', 3)).offers[0]!;
      const foreign = await call('huangshi.duty', 'POST', `/api/v1/mutual-aid/requests/${request.id}/commits`, { lines: [{ offerId: fromHuangshi.id, quantity: 1 }] });
      assert.equal(foreign.statusCode, 403);
      // A county officer may not offer (offers come from the country, provinces and cities).
      const county = await call('jiangan.duty', 'POST', `/api/v1/mutual-aid/requests/${request.id}/offers`, { offererCode: '420102', quantity: 1 });
      assert.equal(county.statusCode, 400);
      assert.match(errorBody(county).message, /offererCode: 420102000000 is below city level/);
      // Wuhan may not offer to itself; Hunan's officer may not offer on behalf of Huangshi.
      assert.equal((await call('wuhan.duty', 'POST', `/api/v1/mutual-aid/requests/${request.id}/offers`, { offererCode: '4201', quantity: 1 })).statusCode, 400);
      assert.equal((await call('hunan.duty', 'POST', `/api/v1/mutual-aid/requests/${request.id}/offers`, { offererCode: '4202', quantity: 1 })).statusCode, 403);
      // A volunteer sees no board; an analyst in Wuhan reads Wuhan's requests but may not raise one.
      assert.equal((await call('hunan.volunteer', 'GET', '/api/v1/mutual-aid/board')).statusCode, 403);
      assert.equal((await call('hunan.volunteer', 'GET', `/api/v1/mutual-aid/requests/${request.id}`)).statusCode, 403);
      assert.equal((await call('wuhan.analyst', 'GET', '/api/v1/mutual-aid/requests?within=4201')).statusCode, 200);
      assert.equal((await call('wuhan.analyst', 'POST', '/api/v1/mutual-aid/requests', { requesterCode: '4201', resourceKind: 'supply', resourceName: '口罩', quantity: 1, unit: '箱', neededBy: '2020-02-14T08:00:00+08:00', deliverTo: '武汉' })).statusCode, 403);
      const board = await call('hunan.duty', 'GET', '/api/v1/mutual-aid/board');
      assert.ok((board.json() as { items: RequestBody[] }).items.some((r) => r.id === request.id));
      assert.equal((await call('huangshi.duty', 'GET', '/api/v1/mutual-aid/requests?within=4201')).statusCode, 403);
    });

    test('bad input names the field and writes nothing', async () => {
      const before = await t.system.db.selectFrom('mutual_aid_requests').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ resourceKind: 'boat' }, /resourceKind/],
        [{ resourceType: 5 }, /resourceType/],
        [{ quantity: 0 }, /quantity/],
        [{ neededBy: '2020-02-14' }, /neededBy: "2020-02-14" is not a timestamp/],
        [{ requesterCode: '4299' }, /requesterCode: no jurisdiction/],
        [{ incidentId: '01NOSUCHINCIDENT' }, /incidentId: no incident 01NOSUCHINCIDENT in your jurisdiction/],
      ];
      for (const [change, message] of cases) {
        const response = await call('wuhan.duty', 'POST', '/api/v1/mutual-aid/requests', { requesterCode: '4201', resourceKind: 'team', resourceName: 'x', quantity: 1, unit: '队', neededBy: '2020-02-14T08:00:00+08:00', deliverTo: '武汉', ...change });
        assert.equal(response.statusCode, 400, JSON.stringify(change));
        assert.match(errorBody(response).message, message);
      }
      const after = await t.system.db.selectFrom('mutual_aid_requests').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n));
    });

    test('a request may belong to an incident of the requesting unit', async () => {
      const incident = await call('wuhan.duty', 'POST', '/api/v1/incidents', { title: '新冠肺炎疫情', type: 'disease_cluster', level: 'III', jurisdictionCode: '4201' });
      assert.equal(incident.statusCode, 201, incident.body);
      const id = (incident.json() as { id: string }).id;
      const response = await call('wuhan.duty', 'POST', '/api/v1/mutual-aid/requests', { requesterCode: '4201', incidentId: id, resourceKind: 'supply', resourceName: 'N95 口罩', quantity: 1000, unit: '只', neededBy: '2020-02-14T08:00:00+08:00', deliverTo: '武汉' });
      assert.equal(response.statusCode, 201, response.body);
      assert.equal((response.json() as RequestBody).incidentId, id);
      const exported = (await call('wuhan.duty', 'GET', `/api/v1/mutual-aid/requests/${(response.json() as RequestBody).id}/edxl-rm`)).json() as { items: { xml: string }[] };
      assert.ok(exported.items[0]!.xml.includes(`<rm:IncidentID>${id}</rm:IncidentID>`));
    });

    test('competing commits never over-commit a request', async () => {
      for (let round = 0; round < 4; round++) {
        const request = await newRequest(10);
        const a = (await offer('hunan.duty', request.id, '43', 6)).offers.find((o) => o.offererCode === '430000000000')!;
        const b = (await offer('huangshi.duty', request.id, '4202', 6)).offers.find((o) => o.offererCode === '420200000000')!;
        const responses = await Promise.all(
          [a, b].map((o) => call('wuhan.duty', 'POST', `/api/v1/mutual-aid/requests/${request.id}/commits`, { lines: [{ offerId: o.id, quantity: 6 }] })),
        );
        assert.deepEqual(responses.map((r) => r.statusCode).sort(), [200, 409], responses.map((r) => r.body).join('\n'));
        const stored = await t.system.db.selectFrom('mutual_aid_requests').select('committed_quantity').where('id', '=', request.id).executeTakeFirstOrThrow();
        assert.equal(Number(stored.committed_quantity), 6);
      }
    });

    test('EDXL-RM import: a RequestResource opens a request once, a response offers on it', async () => {
      const source = await newRequest(2);
      const exported = (await call('wuhan.duty', 'GET', `/api/v1/mutual-aid/requests/${source.id}/edxl-rm`)).json() as { items: { xml: string }[] };
      const foreignId = 'urn:uuid:5b0c4e8e-0000-4000-8000-000000000001';
      const xml = exported.items[0]!.xml.replace(source.messageId, foreignId);
      const first = await call('wuhan.duty', 'POST', '/api/v1/mutual-aid/edxl-rm/import', { xml });
      assert.equal(first.statusCode, 201, first.body);
      const imported = (first.json() as { request: RequestBody }).request;
      assert.equal(imported.messageId, foreignId);
      assert.equal(imported.quantity, 2);
      assert.equal(imported.resourceType, 1);
      const again = await call('wuhan.duty', 'POST', '/api/v1/mutual-aid/edxl-rm/import', { xml });
      assert.equal(again.statusCode, 200);
      assert.equal((again.json() as { request: RequestBody }).request.id, imported.id);
      // Importing for a unit the actor does not act for is refused like the API.
      assert.equal((await call('huangshi.duty', 'POST', '/api/v1/mutual-aid/edxl-rm/import', { xml: xml.replace(foreignId, 'urn:uuid:other-0002') })).statusCode, 403);
      const broken = await call('wuhan.duty', 'POST', '/api/v1/mutual-aid/edxl-rm/import', { xml: xml.replace(/<rm:Amount>.*<\/rm:Amount>/, '<rm:Amount>-3</rm:Amount>') });
      assert.equal(broken.statusCode, 400);
      assert.equal((errorBody(broken).details[0] as { field: string }).field, '/RequestResource/ResourceInformation/AssignmentInformation/Quantity/MeasuredQuantity/Amount');
    });
  });
}
