// The warnings lifecycle over HTTP on a small real tree (src/testing/app.ts SCOPE_TREE: Hubei 42 →
// Wuhan 4201 → Jiang'an 420102; Huangshi 4202 → Huangshigang 420202; Hunan 43), on every engine.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { testDatabases } from '../testing/databases.js';
import { bearer, buildTestApp, errorBody, fixedClock, loginToken, seedScopeTree, seedUser, type TestApp } from '../testing/app.js';
import type { Role } from '../core/roles.js';
import { parseCapXml, validateCap } from './cap-codec.js';
import { capToXml } from './cap/xml-export.js';
import { expireDueWarnings } from './expiry.js';
import { externalAlertXml } from './fixtures/external-agency.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies read in assertions
type Json = any;

const START = '2026-07-01T00:00:00.000Z'; // 08:00 in Wuhan
const HOUR = 3_600_000;

const USERS: ReadonlyArray<readonly [string, Role, string]> = [
  ['jiangan.duty', 'duty_officer', '420102'],
  ['jiangan.duty2', 'duty_officer', '420102'],
  ['wuhan.commander', 'commander', '4201'],
  ['wuhan.admin', 'admin', '4201'],
  ['hubei.commander', 'commander', '42'],
  ['hubei.commander2', 'commander', '42'],
  ['huangshi.duty', 'duty_officer', '4202'],
  ['wuhan.analyst', 'analyst', '4201'],
  ['root.admin', 'admin', '0'],
];

/** A complete draft of the given colour for Jiang'an (or `code`), expiring `hours` after START. */
function content(colour: string, overrides: Record<string, unknown> = {}, hours = 12): Json {
  return {
    categories: ['Met'],
    event: { zh: '暴雨', en: 'Rainstorm' },
    responseTypes: ['Prepare', 'Monitor'],
    certainty: 'Likely',
    colour,
    onset: '2026-07-01T09:00:00+08:00',
    expires: new Date(Date.parse(START) + hours * HOUR).toISOString(),
    texts: {
      zh: { headline: `江岸区暴雨${colour}预警`, description: '预计未来6小时内江岸区降雨量将达50毫米以上。', instruction: '注意防范城市内涝，避免前往低洼地带。' },
      en: { headline: `Rainstorm ${colour} warning for Jiang'an`, description: "Rainfall above 50 mm expected in Jiang'an within 6 hours.", instruction: 'Avoid low-lying areas.' },
    },
    areas: { jurisdictionCodes: ['420102'], polygons: [[[30.6, 114.28], [30.6, 114.32], [30.64, 114.32], [30.64, 114.28], [30.6, 114.28]]], circles: [{ lat: 30.62, lon: 114.3, radiusKm: 3 }], description: '江岸区沿江低洼地带' },
    resources: [{ resourceDesc: '雷达图', mimeType: 'image/png', uri: 'https://example.org/radar.png' }],
    ...overrides,
  };
}

for (const engine of testDatabases()) {
  describe(`warnings lifecycle (${engine.name})`, () => {
    let t: TestApp;
    const clock = fixedClock(START);
    const as = new Map<string, Record<string, string>>();
    const h = (user: string) => as.get(user)!;
    const post = (user: string, url: string, payload?: object, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url, headers: { ...h(user), ...headers }, payload: payload ?? {} });
    const put = (user: string, url: string, payload: object) => t.app.inject({ method: 'PUT', url, headers: h(user), payload });
    const get = (user: string, url: string) => t.app.inject({ method: 'GET', url, headers: h(user) });
    const produced: string[] = [];

    before(async () => {
      t = await buildTestApp(engine, { clock });
      await seedScopeTree(t.system);
      for (const [username, role, code] of USERS) {
        await seedUser(t.system, { username, role, jurisdictionCode: code });
        as.set(username, bearer(await loginToken(t.app, username)));
      }
    });
    after(async () => t.close());

    function ok(response: LightMyRequestResponse, code = 200): Json {
      assert.equal(response.statusCode, code, response.body);
      return response.json();
    }
    async function draft(user: string, colour: string, code = '420102', overrides: Record<string, unknown> = {}): Promise<Json> {
      return ok(await post(user, '/api/v1/warnings', { jurisdictionCode: code, content: content(colour, overrides) }), 201);
    }
    async function publicXml(identifier: string): Promise<string> {
      const response = await t.app.inject({ method: 'GET', url: `/public/alerts/${identifier}.xml` });
      assert.equal(response.statusCode, 200, response.body);
      assert.match(response.headers['content-type'] as string, /application\/cap\+xml/);
      produced.push(response.body);
      return response.body;
    }

    test('a county duty officer drafts a yellow warning, validates and previews it, and publishes it directly', async () => {
      const created = ok(await post('jiangan.duty', '/api/v1/warnings', { jurisdictionCode: '420102', content: content('yellow') }, { 'idempotency-key': 'draft-yellow-0001' }), 201);
      assert.equal(created.state, 'draft');
      assert.equal(created.colour, 'yellow');
      assert.equal(created.jurisdictionCode, '420102000000');
      assert.deepEqual(created.allowedActions, ['edit', 'submit', 'publish']);
      const replay = await post('jiangan.duty', '/api/v1/warnings', { jurisdictionCode: '420102', content: content('yellow') }, { 'idempotency-key': 'draft-yellow-0001' });
      assert.equal(ok(replay, 201).id, created.id);
      assert.equal(replay.headers['idempotent-replayed'], 'true');

      const validation = ok(await post('jiangan.duty', '/api/v1/warnings/validate', { jurisdictionCode: '420102', content: content('yellow') }));
      assert.deepEqual(validation.problems, []);
      assert.equal(validation.valid, true);
      const half = ok(await post('jiangan.duty', '/api/v1/warnings/validate', { jurisdictionCode: '420102', content: { colour: 'purple', texts: { zh: { headline: '' } } } }));
      assert.equal(half.valid, false);
      const paths = half.problems.map((p: { path: string }) => p.path);
      for (const path of ['categories', 'event.zh', 'certainty', 'colour', 'expires', 'texts.zh.headline', 'texts.zh.description', 'areas']) assert.ok(paths.includes(path), `${path} in ${paths.join(', ')}`);

      const preview = await get('jiangan.duty', `/api/v1/warnings/${created.id}/preview`);
      assert.equal(preview.statusCode, 200, preview.body);
      assert.deepEqual(await validateCap(preview.body), []);
      assert.match(preview.body, /<valueName>warningLevel<\/valueName>\s*<value>yellow<\/value>/);

      const published = ok(await post('jiangan.duty', `/api/v1/warnings/${created.id}/publish`));
      assert.equal(published.state, 'published');
      assert.equal(published.identifier, 'seamless-420102-20260701-0001');
      assert.match(published.sent, /^2026-07-01T08:00:00\+08:00$/);
      assert.deepEqual(published.allowedActions, ['update', 'cancel']);
      const xml = await publicXml(published.identifier);
      assert.deepEqual(await validateCap(xml), []);
      const alert = parseCapXml(xml).alert!;
      assert.equal(alert.msgType, 'Alert');
      assert.deepEqual(alert.infos.map((i) => i.language), ['zh-CN', 'en']);
      assert.deepEqual(alert.infos.map((i) => [i.severity, i.urgency]), [['Moderate', 'Expected'], ['Moderate', 'Expected']]);
      assert.deepEqual(alert.infos[0]!.areas[0]!.geocodes, [{ valueName: 'GB/T 2260', value: '420102' }]);
      assert.equal(alert.infos[0]!.areas[0]!.areaDesc, '江岸区');
      assert.equal(alert.infos[1]!.areas[0]!.areaDesc, "Jiang'an");
      assert.equal(alert.infos[0]!.areas[1]!.polygons.length, 1);
      assert.deepEqual(alert.infos[0]!.areas[1]!.circles, ['30.62,114.3 3']);
      assert.equal(alert.infos[0]!.expires, '2026-07-01T20:00:00+08:00');
      assert.equal((await post('jiangan.duty', `/api/v1/warnings/${created.id}/publish`)).statusCode, 409);

      const feed = await t.app.inject({ method: 'GET', url: '/public/alerts.atom' });
      assert.equal(feed.statusCode, 200);
      assert.match(feed.headers['content-type'] as string, /application\/atom\+xml/);
      assert.match(feed.body, /<link rel="alternate" type="application\/cap\+xml" href="http:\/\/127\.0\.0\.1:\d+\/public\/alerts\/seamless-420102-20260701-0001\.xml"\/>/);
      const list = ok(await t.app.inject({ method: 'GET', url: '/public/alerts' }));
      const entry = list.alerts.find((a: Json) => a.identifier === published.identifier);
      assert.equal(entry.colour, 'yellow');
      assert.equal(entry.headline.en, "Rainstorm yellow warning for Jiang'an");
      assert.deepEqual(entry.areas.map((a: Json) => [a.jurisdictionCode, a.geometry?.type ?? null, a.circle?.radiusKm ?? null]), [['420102000000', null, null], [null, 'Polygon', null], [null, null, 3]]);
    });

    test('red needs a province commander; orange a city commander; the rules name who approves', async () => {
      const red = await draft('jiangan.duty', 'red');
      const direct = await post('jiangan.duty', `/api/v1/warnings/${red.id}/publish`);
      assert.equal(direct.statusCode, 403);
      assert.match(errorBody(direct).message, /^colour: a red warning of 420102000000 needs approval by a commander at province level/);
      const submitted = ok(await post('jiangan.duty', `/api/v1/warnings/${red.id}/submit`));
      assert.equal(submitted.state, 'pending_approval');
      assert.deepEqual(ok(await get('jiangan.duty', `/api/v1/warnings/${red.id}`)).permittedActions, []);
      assert.deepEqual(ok(await get('wuhan.commander', `/api/v1/warnings/${red.id}`)).permittedActions, []);
      assert.deepEqual(ok(await get('hubei.commander', `/api/v1/warnings/${red.id}`)).permittedActions, ['approve', 'reject']);
      assert.equal((await post('wuhan.commander', `/api/v1/warnings/${red.id}/approve`)).statusCode, 403);
      assert.equal((await post('jiangan.duty2', `/api/v1/warnings/${red.id}/approve`)).statusCode, 403);
      assert.equal((await post('huangshi.duty', `/api/v1/warnings/${red.id}/approve`)).statusCode, 403);
      const approved = ok(await post('hubei.commander', `/api/v1/warnings/${red.id}/approve`));
      assert.equal(approved.state, 'published');
      assert.equal(approved.identifier, 'seamless-420102-20260701-0002');
      assert.deepEqual(await validateCap(await publicXml(approved.identifier)), []);

      const orange = await draft('jiangan.duty', 'orange');
      ok(await post('jiangan.duty', `/api/v1/warnings/${orange.id}/submit`));
      assert.equal(ok(await post('wuhan.commander', `/api/v1/warnings/${orange.id}/approve`)).state, 'published');

      const yellow = await draft('jiangan.duty', 'yellow');
      assert.deepEqual(ok(await get('jiangan.duty', `/api/v1/warnings/${yellow.id}`)).permittedActions, ['edit', 'publish']);
      assert.deepEqual(ok(await get('wuhan.analyst', `/api/v1/warnings/${yellow.id}`)).permittedActions, []);
      const needless = await post('jiangan.duty', `/api/v1/warnings/${yellow.id}/submit`);
      assert.equal(needless.statusCode, 409);
      assert.match(errorBody(needless).message, /publish it instead/);
    });

    test('two-person rule: the drafter may not approve their own red warning; a second commander may', async () => {
      const red = await draft('hubei.commander', 'red', '42', { areas: { jurisdictionCodes: ['42'], polygons: [], circles: [] } });
      ok(await post('hubei.commander', `/api/v1/warnings/${red.id}/submit`));
      const own = await post('hubei.commander', `/api/v1/warnings/${red.id}/approve`);
      assert.equal(own.statusCode, 403);
      assert.match(errorBody(own).message, /two-person rule/);
      const approved = ok(await post('hubei.commander2', `/api/v1/warnings/${red.id}/approve`));
      assert.equal(approved.approvedBy !== approved.createdBy, true);
      const xml = await publicXml(approved.identifier);
      assert.match(xml, /<valueName>GB\/T 2260<\/valueName>\s*<value>420000<\/value>/);
      const history = ok(await get('hubei.commander2', `/api/v1/warnings/${red.id}/history`));
      assert.deepEqual(history.history.map((e: Json) => e.action), ['drafted', 'submitted', 'approved', 'published']);
    });

    test('reject sends a warning back to draft with the reason; edits go to drafts only', async () => {
      const red = await draft('jiangan.duty', 'red');
      ok(await post('jiangan.duty', `/api/v1/warnings/${red.id}/submit`));
      const noReason = await post('hubei.commander', `/api/v1/warnings/${red.id}/reject`, { reason: '' });
      assert.equal(noReason.statusCode, 400);
      assert.match(errorBody(noReason).message, /^body\.reason/);
      assert.equal((await post('jiangan.duty', `/api/v1/warnings/${red.id}/reject`, { reason: '自己退回' })).statusCode, 403);
      const rejected = ok(await post('hubei.commander', `/api/v1/warnings/${red.id}/reject`, { reason: '雨量预报不足以发布红色预警，请改为橙色' }));
      assert.equal(rejected.state, 'draft');
      assert.equal(rejected.rejectionReason, '雨量预报不足以发布红色预警，请改为橙色');
      const edited = ok(await put('jiangan.duty', `/api/v1/warnings/${red.id}`, { content: content('orange') }));
      assert.equal(edited.colour, 'orange');
      const published = (await get('jiangan.duty', '/api/v1/warnings?state=published&colour=yellow')).json().items[0];
      assert.equal((await put('jiangan.duty', `/api/v1/warnings/${published.id}`, { content: content('yellow') })).statusCode, 409);
    });

    test('Update and Cancel publish new messages whose references list the earlier ones', async () => {
      const first = ok(await post('jiangan.duty', `/api/v1/warnings/${(await draft('jiangan.duty', 'blue')).id}/publish`));
      const update = ok(await post('jiangan.duty', `/api/v1/warnings/${first.id}/update`, { content: content('yellow', { texts: { zh: { headline: '江岸区暴雨预警升级为黄色', description: '降雨加强。' } } }) }), 201);
      assert.equal(update.msgType, 'Update');
      assert.equal(update.lineageId, first.id);
      assert.equal((await post('jiangan.duty', `/api/v1/warnings/${first.id}/update`, { content: content('yellow') })).statusCode, 409);
      const updated = ok(await post('jiangan.duty', `/api/v1/warnings/${update.id}/publish`));
      const updateXml = await publicXml(updated.identifier);
      assert.deepEqual(await validateCap(updateXml), []);
      const updateAlert = parseCapXml(updateXml).alert!;
      assert.equal(updateAlert.msgType, 'Update');
      assert.equal(updateAlert.references, `seamless@localhost,${first.identifier},${first.sent}`);
      assert.equal(ok(await get('jiangan.duty', `/api/v1/warnings/${first.id}`)).state, 'updated');

      const noReason = await post('jiangan.duty', `/api/v1/warnings/${updated.id}/cancel`, {});
      assert.equal(noReason.statusCode, 400);
      assert.match(errorBody(noReason).message, /^body\.reason: is required/);
      const cancel = ok(await post('jiangan.duty', `/api/v1/warnings/${updated.id}/cancel`, { reason: '降雨已减弱，解除预警' }));
      assert.equal(cancel.msgType, 'Cancel');
      const cancelAlert = parseCapXml(await publicXml(cancel.identifier)).alert!;
      assert.equal(cancelAlert.msgType, 'Cancel');
      assert.equal(cancelAlert.note, '降雨已减弱，解除预警');
      assert.equal(cancelAlert.references, `seamless@localhost,${first.identifier},${first.sent} seamless@localhost,${updated.identifier},${updated.sent}`);
      assert.equal(ok(await get('jiangan.duty', `/api/v1/warnings/${updated.id}`)).state, 'cancelled');
      const current = ok(await t.app.inject({ method: 'GET', url: '/public/alerts' })).alerts.map((a: Json) => a.identifier);
      assert.ok(!current.includes(first.identifier) && !current.includes(updated.identifier) && !current.includes(cancel.identifier));
      assert.equal((await post('jiangan.duty', `/api/v1/warnings/${cancel.id}/cancel`, { reason: 'x' })).statusCode, 409);
    });

    test('bad input is a 400 naming the field; nothing is written', async () => {
      const before = ok(await get('jiangan.duty', '/api/v1/warnings?limit=500')).items.length;
      const cases: Array<[Json, RegExp]> = [
        [{ jurisdictionCode: '420102', content: { ...content('yellow'), texts: undefined } }, /^body\.content\.texts: is required/],
        [{ jurisdictionCode: '420102', content: content('purple') }, /^body\.content\.colour: must be one of/],
        [{ jurisdictionCode: '420102', content: content('yellow', { areas: { jurisdictionCodes: [], polygons: [[[30, 114], [30, 115], [31, 115], [31, 114]]], circles: [], description: 'x' } }) }, /^areas\.polygons\[0\]: a polygon must end where it starts/],
        [{ jurisdictionCode: '420102', content: content('yellow', { expires: '2026-07-01T09:00:00' }) }, /^expires: must be a date-time with a zone/],
        [{ jurisdictionCode: '420102', content: content('yellow', { expires: '2026-06-30T09:00:00+08:00' }) }, /^expires: must be in the future/],
        [{ jurisdictionCode: '420102', content: content('yellow', { areas: { jurisdictionCodes: ['420199'], polygons: [], circles: [] } }) }, /^areas\.jurisdictionCodes\[0\]: no jurisdiction/],
        [{ jurisdictionCode: '420199', content: content('yellow') }, /^jurisdictionCode: no jurisdiction/],
        [{ jurisdictionCode: '420102', content: content('yellow', { incidentId: 'NOPE' }) }, /^id: no incident/],
      ];
      for (const [body, message] of cases) {
        const response = await post('jiangan.duty', '/api/v1/warnings', body);
        assert.ok(response.statusCode >= 400 && response.statusCode < 500, `${response.statusCode} ${response.body}`);
        assert.match(errorBody(response).message, message);
      }
      assert.equal(ok(await get('jiangan.duty', '/api/v1/warnings?limit=500')).items.length, before);
    });

    test('scope: officers act only on warnings of their subtree', async () => {
      const mine = await draft('jiangan.duty', 'blue');
      assert.equal((await get('huangshi.duty', `/api/v1/warnings/${mine.id}`)).statusCode, 403);
      assert.equal((await post('huangshi.duty', `/api/v1/warnings/${mine.id}/publish`)).statusCode, 403);
      assert.equal((await post('huangshi.duty', '/api/v1/warnings', { jurisdictionCode: '420102', content: content('blue') })).statusCode, 403);
      assert.equal(ok(await get('huangshi.duty', '/api/v1/warnings')).items.length, 0);
      assert.equal((await get('huangshi.duty', '/api/v1/warnings?within=4201')).statusCode, 403);
      const outside = await post('jiangan.duty', '/api/v1/warnings', { jurisdictionCode: '420102', content: content('blue', { areas: { jurisdictionCodes: ['420202'], polygons: [], circles: [] } }) });
      assert.equal(outside.statusCode, 403);
      assert.match(errorBody(outside).message, /^areas\.jurisdictionCodes\[0\]: 420202000000 is outside the issuing unit/);
      assert.equal((await post('wuhan.analyst', '/api/v1/warnings', { jurisdictionCode: '420102', content: content('blue') })).statusCode, 403);
      assert.equal(ok(await get('wuhan.analyst', `/api/v1/warnings/${mine.id}`)).id, mine.id);
      const csv = await get('wuhan.analyst', '/api/v1/warnings?format=csv&state=draft');
      assert.equal(csv.statusCode, 200);
      assert.match(csv.body.replace(/^\uFEFF/, ''), /^id,identifier,msg_type,state,colour/);
      assert.ok(csv.body.includes(mine.id));
    });

    test('import: valid CAP of another agency is kept unchanged; bad CAP names each problem and its path', async () => {
      const xml = externalAlertXml({ identifier: 'HN-20260701-0001', sent: '2026-07-01T07:30:00+08:00', expires: '2026-07-02T07:30:00+08:00' });
      const imported = ok(await t.app.inject({ method: 'POST', url: '/api/v1/warnings/import?jurisdictionCode=42', headers: { ...h('hubei.commander'), 'content-type': 'application/xml', 'idempotency-key': 'import-hn-0001' }, payload: xml }), 201);
      assert.equal(imported.origin, 'import');
      assert.equal(imported.colour, 'blue');
      assert.equal(imported.identifier, 'HN-20260701-0001');
      const exported = await get('hubei.commander', `/api/v1/warnings/${imported.id}/cap`);
      assert.equal(exported.body, xml);
      // Round trip: what the codec reads back from our export of the parsed alert equals the original.
      const original = parseCapXml(xml).alert!;
      assert.deepEqual(parseCapXml(capToXml(original)).alert, original);
      assert.deepEqual(imported.imported, JSON.parse(JSON.stringify(original)));
      const replay = await t.app.inject({ method: 'POST', url: '/api/v1/warnings/import?jurisdictionCode=42', headers: { ...h('hubei.commander'), 'content-type': 'application/xml', 'idempotency-key': 'import-hn-0001' }, payload: xml });
      assert.equal(ok(replay, 201).id, imported.id);
      const duplicate = await t.app.inject({ method: 'POST', url: '/api/v1/warnings/import?jurisdictionCode=42', headers: { ...h('hubei.commander'), 'content-type': 'application/xml' }, payload: xml });
      assert.equal(duplicate.statusCode, 409);
      // Imports are not republished on our public feed.
      assert.equal((await t.app.inject({ method: 'GET', url: '/public/alerts/HN-20260701-0001.xml' })).statusCode, 404);

      const bad: Array<[string, RegExp]> = [
        ['this is not XML', /^body/],
        [xml.replace('urn:oasis:names:tc:emergency:cap:1.2', 'urn:oasis:names:tc:emergency:cap:1.1'), /namespace|1\.1/],
        [xml.replace('<sent>2026-07-01T07:30:00+08:00</sent>', '<sent>2026-06-30T23:30:00Z</sent>'), /^body\/alert\/sent/],
        [xml.replace('29.0,111.5 29.0,113.5 30.0,113.5 30.0,111.5 29.0,111.5', '29.0,111.5 29.0,113.5 30.0,113.5 30.0,111.5'), /^body\/alert\/info\[0\]\/area\[0\]\/polygon\[0\]/],
        [xml.replace('<sender>alerts@hunan-met.example.cn</sender>', ''), /sender/],
      ];
      for (const [text, message] of bad) {
        const response = await t.app.inject({ method: 'POST', url: '/api/v1/warnings/import?jurisdictionCode=42', headers: { ...h('hubei.commander'), 'content-type': 'application/xml' }, payload: text });
        assert.equal(response.statusCode, 400, response.body);
        const body = errorBody(response);
        assert.match(body.message, message);
        assert.ok(body.details.length >= 1);
      }
      const json = await t.app.inject({ method: 'POST', url: '/api/v1/warnings/import?jurisdictionCode=42', headers: h('hubei.commander'), payload: { xml } });
      assert.equal(json.statusCode, 415);
      const foreign = await t.app.inject({ method: 'POST', url: '/api/v1/warnings/import?jurisdictionCode=43', headers: { ...h('hubei.commander'), 'content-type': 'application/xml' }, payload: xml });
      assert.equal(foreign.statusCode, 403);
    });

    test('settings: admins of the root replace the colour table and authority rules; drafts follow them', async () => {
      const table = ok(await get('jiangan.duty', '/api/v1/warnings/settings/colour-table'));
      assert.equal(table.source, 'default');
      assert.deepEqual(table.value.red, { severity: 'Extreme', urgency: 'Immediate' });
      const changed = { ...table.value, yellow: { severity: 'Moderate', urgency: 'Immediate' } };
      assert.equal((await put('wuhan.admin', '/api/v1/warnings/settings/colour-table', changed)).statusCode, 403);
      const inverted = await put('root.admin', '/api/v1/warnings/settings/colour-table', { ...changed, red: { severity: 'Minor', urgency: 'Immediate' } });
      assert.equal(inverted.statusCode, 400);
      assert.match(errorBody(inverted).message, /^body\.red\.severity: must not be lower than orange's/);
      assert.equal(ok(await put('root.admin', '/api/v1/warnings/settings/colour-table', changed)).source, 'configured');
      const yellow = await draft('jiangan.duty', 'yellow');
      const preview = (await get('jiangan.duty', `/api/v1/warnings/${yellow.id}/preview`)).body;
      assert.match(preview, /<urgency>Immediate<\/urgency>/);

      const rules = ok(await get('jiangan.duty', '/api/v1/warnings/settings/authority-rules')).value;
      assert.deepEqual(rules.rules.county.red, { mode: 'approval', approverRole: 'commander', approverLevel: 'province' });
      const forbidYellow = { ...rules, rules: { ...rules.rules, county: { ...rules.rules.county, yellow: { mode: 'forbidden' } } } };
      const below = await put('root.admin', '/api/v1/warnings/settings/authority-rules', { ...rules, rules: { ...rules.rules, city: { ...rules.rules.city, red: { mode: 'approval', approverRole: 'commander', approverLevel: 'county' } } } });
      assert.equal(below.statusCode, 400);
      assert.match(errorBody(below).message, /^body\.rules\.city\.red\.approverLevel: must be city or higher/);
      ok(await put('root.admin', '/api/v1/warnings/settings/authority-rules', forbidYellow));
      const refused = await post('jiangan.duty', `/api/v1/warnings/${yellow.id}/publish`);
      assert.equal(refused.statusCode, 403);
      assert.match(errorBody(refused).message, /may not issue yellow/);
      ok(await put('root.admin', '/api/v1/warnings/settings/authority-rules', rules));
      assert.equal(ok(await post('jiangan.duty', `/api/v1/warnings/${yellow.id}/publish`)).state, 'published');
      ok(await put('root.admin', '/api/v1/warnings/settings/colour-table', table.value));
    });

    test('expiry: published messages past their expiry leave the public feed and become expired', async () => {
      const short = ok(await post('jiangan.duty', '/api/v1/warnings', { jurisdictionCode: '420102', content: content('blue', {}, 2) }), 201);
      const published = ok(await post('jiangan.duty', `/api/v1/warnings/${short.id}/publish`));
      const listed = () => t.app.inject({ method: 'GET', url: '/public/alerts' }).then((r) => r.json().alerts.map((a: Json) => a.identifier));
      assert.ok((await listed()).includes(published.identifier));
      clock.advance(3 * HOUR);
      assert.ok(!(await listed()).includes(published.identifier));
      const expired = await expireDueWarnings(t.system);
      assert.ok(expired >= 1);
      assert.equal(ok(await get('jiangan.duty', `/api/v1/warnings/${short.id}`)).state, 'expired');
      assert.equal(await expireDueWarnings(t.system), 0);
      clock.set(START);
    });

    test('every CAP message the suite published validates against the XSD and CAP rules', async () => {
      assert.equal(produced.length, 5, "Alert ×3, Update, Cancel");
      for (const xml of produced) assert.deepEqual(await validateCap(xml), []);
      const audit = await t.system.db.selectFrom('audit_log').select('action').where('action', 'like', 'warning.%').execute();
      const actions = new Set(audit.map((a) => a.action));
      for (const action of ['warning.draft', 'warning.submit', 'warning.approve', 'warning.publish', 'warning.reject', 'warning.edit', 'warning.updated', 'warning.cancel', 'warning.import', 'warning.expire']) assert.ok(actions.has(action), action);
    });
  });
}
