import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases } from '../testing/databases.js';
import { bearer, buildTestApp, errorBody, fixedClock, loginToken, seedScopeTree, seedUser, type TestApp } from '../testing/app.js';
import { withUnitOfWork } from '../platform/context.js';
import { applyVerdict, attachSignal, listReportsAwaitingSignal } from './service.js';
import { PNG_BASE64, buildReport, jpegBase64, newKey, postPublic, postReport } from './test-support.js';
import { RECEIPT_NO_PATTERN } from './model.js';

type Receipt = { id: string; receiptNo: string; status: string; isLate: boolean; deadlineAt: string | null; placeUnmatched: boolean; jurisdictionCode: string | null; photoIds: string[]; accessCode?: string };

for (const engine of testDatabases()) {
  describe(`intake over HTTP (${engine.name})`, () => {
    let t: TestApp;
    const clock = fixedClock('2024-07-01T08:00:00.000Z');
    const tokens: Record<string, string> = {};

    async function count(table: 'reports' | 'report_photos' | 'report_messages'): Promise<number> {
      const row = await t.system.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    }

    before(async () => {
      t = await buildTestApp(engine, { clock });
      await seedScopeTree(t.system);
      const users = [
        ['root.admin', 'admin', '0'],
        ['wuhan.admin', 'admin', '4201'],
        ['wuhan.duty', 'duty_officer', '4201'],
        ['wuhan.volunteer', 'volunteer', '4201'],
        ['jiangan.grid', 'grid_worker', '420102'],
        ['huangshi.duty', 'duty_officer', '4202'],
      ] as const;
      for (const [username, role, code] of users) {
        await seedUser(t.system, { username, role, jurisdictionCode: code });
        tokens[username] = await loginToken(t.app, username);
      }
    });
    after(async () => t.close());

    test('a report gets a receipt; a retry with the same key returns the same receipt and creates one row', async () => {
      const before = await count('reports');
      const key = newKey();
      const first = await t.app.inject(postReport(tokens['jiangan.grid']!, buildReport(), key));
      assert.equal(first.statusCode, 201, first.body);
      const receipt = first.json() as Receipt;
      assert.match(receipt.receiptNo, RECEIPT_NO_PATTERN);
      assert.equal(receipt.status, 'received');
      assert.equal(receipt.jurisdictionCode, '420102000000');
      assert.equal(receipt.placeUnmatched, false);
      const retry = await t.app.inject(postReport(tokens['jiangan.grid']!, buildReport(), key));
      assert.equal(retry.statusCode, 201);
      assert.deepEqual(retry.json(), receipt);
      assert.equal(retry.headers['idempotent-replayed'], 'true');
      assert.equal(await count('reports'), before + 1);
      // Concurrent retries of one key still make one report.
      const key2 = newKey();
      const racing = await Promise.all([1, 2, 3, 4].map(() => t.app.inject(postReport(tokens['jiangan.grid']!, buildReport({ title: 'race' }), key2))));
      assert.deepEqual(new Set(racing.map((r) => r.statusCode)), new Set([201]));
      assert.equal(new Set(racing.map((r) => (r.json() as Receipt).receiptNo)).size, 1);
      assert.equal(await count('reports'), before + 2);
    });

    test('a key reused for another body is a 409; a missing key is a 400', async () => {
      const key = newKey();
      assert.equal((await t.app.inject(postReport(tokens['jiangan.grid']!, buildReport(), key))).statusCode, 201);
      const reused = await t.app.inject(postReport(tokens['jiangan.grid']!, buildReport({ description: 'something else entirely' }), key));
      assert.equal(reused.statusCode, 409);
      assert.match(errorBody(reused).message, /idempotency-key/);
      const missing = await t.app.inject({ method: 'POST', url: '/api/v1/reports', headers: bearer(tokens['jiangan.grid']!), payload: buildReport() });
      assert.equal(missing.statusCode, 400);
      assert.match(errorBody(missing).message, /idempotency-key/);
    });

    test('a place that matches no unit is kept and flagged, never dropped', async () => {
      const unknown = await t.app.inject(postReport(tokens['jiangan.grid']!, buildReport({ jurisdictionCode: '429999', placeText: '某地' })));
      assert.equal(unknown.statusCode, 201, unknown.body);
      const a = unknown.json() as Receipt;
      assert.equal(a.placeUnmatched, true);
      assert.equal(a.jurisdictionCode, null);
      const pointOnly = await t.app.inject(postReport(tokens['jiangan.grid']!, buildReport({ jurisdictionCode: null, point: [114.3, 30.6] })));
      assert.equal(pointOnly.statusCode, 201, pointOnly.body);
      const b = pointOnly.json() as Receipt;
      assert.equal(b.placeUnmatched, true);
      // The reporter reads it; the duty officer of the reporting unit (Wuhan) triages it.
      const own = await t.app.inject({ method: 'GET', url: `/api/v1/reports/${b.id}`, headers: bearer(tokens['jiangan.grid']!) });
      assert.equal(own.statusCode, 200);
      assert.deepEqual((own.json() as { report: { point: number[] } }).report.point, [114.3, 30.6]);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/reports/${a.id}`, headers: bearer(tokens['wuhan.duty']!) })).statusCode, 200);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/reports/${a.id}`, headers: bearer(tokens['huangshi.duty']!) })).statusCode, 403);
      const stored = await t.system.db.selectFrom('reports').select(['place_text', 'jurisdiction_path']).where('id', '=', a.id).executeTakeFirstOrThrow();
      assert.equal(stored.place_text, '某地 [code 429999]');
      assert.equal(stored.jurisdiction_path, '/000000000000/');
      const event = await t.system.db.selectFrom('events').select(['jurisdiction_path', 'payload']).where('type', '=', 'report.received').orderBy('seq', 'desc').executeTakeFirstOrThrow();
      assert.equal(event.jurisdiction_path, '/000000000000/');
    });

    test('scope: reporting outside one\'s grants is 403; reading needs the reporter or a reader role in scope', async () => {
      const outside = await t.app.inject(postReport(tokens['jiangan.grid']!, buildReport({ jurisdictionCode: '4202' })));
      assert.equal(outside.statusCode, 403);
      const made = (await t.app.inject(postReport(tokens['wuhan.duty']!, buildReport()))).json() as Receipt;
      const read = (username: string) => t.app.inject({ method: 'GET', url: `/api/v1/reports/${made.id}`, headers: bearer(tokens[username]!) });
      assert.equal((await read('wuhan.duty')).statusCode, 200);
      assert.equal((await read('wuhan.admin')).statusCode, 200);
      assert.equal((await read('huangshi.duty')).statusCode, 403);
      assert.equal((await read('wuhan.volunteer')).statusCode, 403);
      const mine = await t.app.inject({ method: 'GET', url: '/api/v1/reports', headers: bearer(tokens['wuhan.volunteer']!) });
      assert.equal((mine.json() as { items: unknown[] }).items.length, 0);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/reports?within=4201', headers: bearer(tokens['wuhan.volunteer']!) })).statusCode, 403);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/reports?within=42', headers: bearer(tokens['wuhan.duty']!) })).statusCode, 403);
    });

    test('photos: stored and served; too many, too large or the wrong type are refused and nothing is written', async () => {
      const ok = await t.app.inject(postReport(tokens['jiangan.grid']!, buildReport({ photos: [{ mimeType: 'image/png', dataBase64: PNG_BASE64 }, { mimeType: 'image/jpeg', dataBase64: jpegBase64(1000) }] })));
      assert.equal(ok.statusCode, 201, ok.body);
      const receipt = ok.json() as Receipt;
      assert.equal(receipt.photoIds.length, 2);
      const photo = await t.app.inject({ method: 'GET', url: `/api/v1/reports/${receipt.id}/photos/${receipt.photoIds[0]}`, headers: bearer(tokens['wuhan.duty']!) });
      assert.equal(photo.statusCode, 200);
      assert.equal(photo.headers['content-type'], 'image/png');
      assert.deepEqual(photo.rawPayload, Buffer.from(PNG_BASE64, 'base64'));
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/reports/${receipt.id}/photos/${receipt.photoIds[0]}`, headers: bearer(tokens['huangshi.duty']!) })).statusCode, 403);

      const reports = await count('reports');
      const photos = await count('report_photos');
      const png = { mimeType: 'image/png', dataBase64: PNG_BASE64 };
      const four = await t.app.inject(postReport(tokens['jiangan.grid']!, buildReport({ photos: [png, png, png, png] })));
      assert.equal(four.statusCode, 400);
      assert.match(errorBody(four).message, /photos/);
      const big = await t.app.inject(postReport(tokens['jiangan.grid']!, buildReport({ photos: [{ mimeType: 'image/jpeg', dataBase64: jpegBase64(2 * 1024 * 1024 + 1) }] })));
      assert.equal(big.statusCode, 413);
      assert.match(errorBody(big).message, /^photos\[0\]\.dataBase64/);
      const liar = await t.app.inject(postReport(tokens['jiangan.grid']!, buildReport({ photos: [png, { mimeType: 'image/webp', dataBase64: PNG_BASE64 }] })));
      assert.equal(liar.statusCode, 415);
      assert.match(errorBody(liar).message, /^photos\[1\]\.dataBase64/);
      const gif = await t.app.inject(postReport(tokens['jiangan.grid']!, buildReport({ photos: [{ mimeType: 'image/gif', dataBase64: 'R0lGODlhAQABAAAAACw=' }] })));
      assert.equal(gif.statusCode, 415);
      assert.match(errorBody(gif).message, /^photos\[0\]\.mimeType/);
      const huge = await t.app.inject(postReport(tokens['jiangan.grid']!, { ...buildReport(), description: 'x'.repeat(10 * 1024 * 1024) }));
      assert.equal(huge.statusCode, 413);
      assert.equal(await count('reports'), reports);
      assert.equal(await count('report_photos'), photos);
    });

    test('reporting time limits: 2 h for Class A and clusters, 24 h for other cases, configured for other types', async () => {
      const threeHoursAgo = new Date(clock.now().getTime() - 3 * 3600_000).toISOString();
      const cluster = (await t.app.inject(postReport(tokens['jiangan.grid']!, buildReport({ type: 'disease_cluster', observedAt: threeHoursAgo })))).json() as Receipt;
      assert.equal(cluster.isLate, true);
      assert.equal(cluster.deadlineAt, new Date(Date.parse(threeHoursAgo) + 2 * 3600_000).toISOString());
      const classA = (await t.app.inject(postReport(tokens['jiangan.grid']!, buildReport({ type: 'disease_case', diseaseClass: 'A', observedAt: threeHoursAgo })))).json() as Receipt;
      assert.equal(classA.isLate, true);
      const classB = (await t.app.inject(postReport(tokens['jiangan.grid']!, buildReport({ type: 'disease_case', diseaseClass: 'B', observedAt: threeHoursAgo })))).json() as Receipt;
      assert.equal(classB.isLate, false);
      assert.equal(classB.deadlineAt, new Date(Date.parse(threeHoursAgo) + 24 * 3600_000).toISOString());
      const fire = (await t.app.inject(postReport(tokens['jiangan.grid']!, buildReport({ type: 'fire', observedAt: threeHoursAgo })))).json() as Receipt;
      assert.equal(fire.deadlineAt, null);
      assert.equal(fire.isLate, false);
      const badClass = await t.app.inject(postReport(tokens['jiangan.grid']!, buildReport({ type: 'fire', diseaseClass: 'A' })));
      assert.equal(badClass.statusCode, 400);

      assert.equal((await t.app.inject({ method: 'PUT', url: '/api/v1/reporting-limits/fire', headers: bearer(tokens['wuhan.admin']!), payload: { limitMinutes: 60 } })).statusCode, 403);
      assert.equal((await t.app.inject({ method: 'PUT', url: '/api/v1/reporting-limits/disease_case', headers: bearer(tokens['root.admin']!), payload: { limitMinutes: 60 } })).statusCode, 400);
      const set = await t.app.inject({ method: 'PUT', url: '/api/v1/reporting-limits/fire', headers: bearer(tokens['root.admin']!), payload: { limitMinutes: 60 } });
      assert.equal(set.statusCode, 200, set.body);
      const limits = (await t.app.inject({ method: 'GET', url: '/api/v1/reporting-limits', headers: bearer(tokens['wuhan.volunteer']!) })).json() as { items: { reportType: string; limitMinutes: number | null }[] };
      assert.equal(limits.items.find((l) => l.reportType === 'fire')?.limitMinutes, 60);
      assert.equal(limits.items.find((l) => l.reportType === 'flood')?.limitMinutes, null);
      const lateFire = (await t.app.inject(postReport(tokens['wuhan.duty']!, buildReport({ type: 'fire', observedAt: threeHoursAgo })))).json() as Receipt;
      assert.equal(lateFire.isLate, true);

      const timeliness = await t.app.inject({ method: 'GET', url: '/api/v1/reports/timeliness?within=42', headers: bearer(tokens['root.admin']!) });
      assert.equal(timeliness.statusCode, 200, timeliness.body);
      const body = timeliness.json() as { units: { code: string; total: number; late: number; onTimeRate: number }[]; lateUnits: { code: string }[] };
      const jiangan = body.units.find((u) => u.code === '420102000000')!;
      assert.deepEqual({ total: jiangan.total, late: jiangan.late }, { total: 3, late: 2 });
      assert.equal(Math.round(jiangan.onTimeRate * 1000) / 1000, 0.333);
      assert.deepEqual(body.lateUnits.map((u) => u.code).sort(), ['420100000000', '420102000000']);
      const late = await t.app.inject({ method: 'GET', url: '/api/v1/reports?late=true&within=4201', headers: bearer(tokens['wuhan.duty']!) });
      assert.ok((late.json() as { items: { isLate: boolean }[] }).items.every((r) => r.isLate));
      assert.equal((late.json() as { items: unknown[] }).items.length, 3);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/reports/timeliness?within=4202', headers: bearer(tokens['wuhan.duty']!) })).statusCode, 403);
    });

    test('lists filter and page, and stream as CSV', async () => {
      const page1 = await t.app.inject({ method: 'GET', url: '/api/v1/reports?within=4201&limit=2', headers: bearer(tokens['wuhan.duty']!) });
      const first = page1.json() as { items: { id: string }[]; nextCursor: string };
      assert.equal(first.items.length, 2);
      const page2 = (await t.app.inject({ method: 'GET', url: `/api/v1/reports?within=4201&limit=2&cursor=${first.nextCursor}`, headers: bearer(tokens['wuhan.duty']!) })).json() as { items: { id: string }[] };
      assert.ok(page2.items[0]!.id < first.items[1]!.id);
      const fires = (await t.app.inject({ method: 'GET', url: '/api/v1/reports?type=fire', headers: bearer(tokens['wuhan.duty']!) })).json() as { items: { type: string }[] };
      assert.ok(fires.items.length >= 2 && fires.items.every((r) => r.type === 'fire'));
      const csv = await t.app.inject({ method: 'GET', url: '/api/v1/reports?format=csv', headers: bearer(tokens['wuhan.duty']!) });
      assert.equal(csv.statusCode, 200);
      assert.match(csv.headers['content-type'] as string, /text\/csv/);
      assert.match(csv.body, /receipt_no/);
    });

    test('public reports start in review with an access code; the thread carries both sides; verdicts show on the receipt page', async () => {
      const address = '198.51.100.7';
      const key = newKey('pub');
      const created = await t.app.inject(postPublic(buildReport({ type: 'fire', description: '汉口某小区三楼冒出浓烟，有人被困' }), { key, address }));
      assert.equal(created.statusCode, 201, created.body);
      const receipt = created.json() as Receipt;
      assert.equal(receipt.status, 'in_review');
      assert.match(receipt.accessCode!, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      const retry = await t.app.inject(postPublic(buildReport({ type: 'fire', description: '汉口某小区三楼冒出浓烟，有人被困' }), { key, address }));
      assert.deepEqual(retry.json(), receipt);
      const stored = await t.system.db.selectFrom('idempotency_keys').select('response_json').where('key', '=', key).executeTakeFirstOrThrow();
      assert.ok(!stored.response_json.includes(receipt.accessCode!), 'the access code is not stored');

      const page = (code: string) => t.app.inject({ method: 'GET', url: `/public/reports/${receipt.receiptNo}?code=${code}` });
      assert.equal((await page('AAAA-BBBB-CCCC')).statusCode, 404);
      const messageKey = newKey('msg');
      const say = () => t.app.inject({ method: 'POST', url: `/public/reports/${receipt.receiptNo}/messages?code=${receipt.accessCode}`, remoteAddress: address, headers: { 'idempotency-key': messageKey }, payload: { body: '补充：火势变大' } });
      const messages = await count('report_messages');
      clock.advance(1000);
      const m1 = await say();
      assert.equal(m1.statusCode, 201, m1.body);
      assert.deepEqual((await say()).json(), m1.json());
      assert.equal(await count('report_messages'), messages + 1);
      clock.advance(1000);
      const officer = await t.app.inject({ method: 'POST', url: `/api/v1/reports/${receipt.id}/messages`, headers: bearer(tokens['wuhan.duty']!), payload: { body: '已通知消防' } });
      assert.equal(officer.statusCode, 201, officer.body);
      assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/reports/${receipt.id}/messages`, headers: bearer(tokens['huangshi.duty']!), payload: { body: 'x' } })).statusCode, 403);
      assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/reports/${receipt.id}/messages`, headers: bearer(tokens['wuhan.volunteer']!), payload: { body: 'x' } })).statusCode, 403);

      clock.advance(1000);
      await withUnitOfWork(t.system, (unit) => applyVerdict(unit, receipt.id, 'verified', '消防已到场'));
      const view = await page(receipt.accessCode!.toLowerCase());
      assert.equal(view.statusCode, 200, view.body);
      const thread = view.json() as { status: string; messages: { authorKind: string; body: string }[] };
      assert.equal(thread.status, 'verified');
      assert.deepEqual(thread.messages.map((m) => m.authorKind), ['reporter', 'officer', 'system']);
      assert.match(thread.messages[2]!.body, /消防已到场/);
    });

    test('the public form is throttled per address with Retry-After', async () => {
      const address = '203.0.113.9';
      for (let i = 0; i < 10; i++) {
        const ok = await t.app.inject(postPublic(buildReport({ description: `第${i}次报告：路面积水严重` }), { address }));
        assert.equal(ok.statusCode, 201, ok.body);
      }
      const refused = await t.app.inject(postPublic(buildReport(), { address }));
      assert.equal(refused.statusCode, 429);
      assert.ok(Number(refused.headers['retry-after']) >= 1);
      assert.equal((await t.app.inject(postPublic(buildReport(), { address: '203.0.113.10' }))).statusCode, 201);
      clock.advance(61_000);
      assert.equal((await t.app.inject(postPublic(buildReport({ description: '一分钟后再报' }), { address }))).statusCode, 201);
    });

    test('spam is kept as spam_suspected, reads "in review" to its sender, and never reaches the signals room', async () => {
      const address = '203.0.113.50';
      const spam = await t.app.inject(postPublic(buildReport({ type: 'other', description: 'CLICK HERE http://win.example.com http://casino.example.top 免费领取 彩票!!!!!!' }), { address }));
      assert.equal(spam.statusCode, 201);
      const receipt = spam.json() as Receipt;
      assert.equal(receipt.status, 'spam_suspected');
      const awaiting = await listReportsAwaitingSignal(t.system, 1000);
      assert.ok(!awaiting.some((r) => r.id === receipt.id));
      // The same text twice from one address counts against the second.
      const text = '这条消息重复发送了好几次，请核实一下';
      const once = (await t.app.inject(postPublic(buildReport({ description: text }), { address }))).json() as Receipt;
      const twice = (await t.app.inject(postPublic(buildReport({ description: text }), { address }))).json() as Receipt;
      const scores = await t.system.db.selectFrom('reports').select(['id', 'spam_score']).where('id', 'in', [once.id, twice.id]).execute();
      const byId = new Map(scores.map((s) => [s.id, Number(s.spam_score)]));
      assert.ok(byId.get(twice.id)! > byId.get(once.id)!);
    });

    test('folk professionals register, report with their token, and the signals room sees their field', async () => {
      const registered = await t.app.inject({ method: 'POST', url: '/public/reporters', remoteAddress: '192.0.2.77', payload: { displayName: '张医生', declaredField: 'doctor', phone: '13800000000', jurisdictionCode: '420102' } });
      assert.equal(registered.statusCode, 201, registered.body);
      const { id, token } = registered.json() as { id: string; token: string };
      const audit = await t.system.db.selectFrom('audit_log').select('after_json').where('target_id', '=', id).executeTakeFirstOrThrow();
      assert.ok(!audit.after_json!.includes('13800000000') && !audit.after_json!.includes('张医生'), 'personal fields are hashed');
      const report = await t.app.inject(postPublic(buildReport({ type: 'disease_cluster', description: '诊所一天内接诊5例不明原因发热肺炎' }), { token, address: '192.0.2.77' }));
      assert.equal(report.statusCode, 201, report.body);
      const receipt = report.json() as Receipt;
      const awaiting = await listReportsAwaitingSignal(t.system, 1000);
      const mine = awaiting.find((r) => r.id === receipt.id)!;
      assert.equal(mine.reporterKind, 'folk_professional');
      assert.equal(mine.declaredField, 'doctor');
      assert.equal(mine.jurisdictionCode, '420102000000');
      assert.ok(awaiting.every((r, i) => i === 0 || awaiting[i - 1]!.reportedAt <= r.reportedAt), 'oldest first');
      await withUnitOfWork(t.system, (unit) => attachSignal(unit, receipt.id, 'signal-1'));
      assert.ok(!(await listReportsAwaitingSignal(t.system, 1000)).some((r) => r.id === receipt.id));

      const bad = await t.app.inject(postPublic(buildReport(), { token: 'not-a-token', address: '192.0.2.78' }));
      assert.equal(bad.statusCode, 401);
      const seen = await t.app.inject({ method: 'GET', url: `/api/v1/reporters/${id}`, headers: bearer(tokens['wuhan.duty']!) });
      assert.equal(seen.statusCode, 200);
      assert.equal((seen.json() as { phone: string }).phone, '13800000000');
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/reporters/${id}`, headers: bearer(tokens['huangshi.duty']!) })).statusCode, 403);
      const revoked = await t.app.inject({ method: 'PATCH', url: `/api/v1/reporters/${id}`, headers: bearer(tokens['wuhan.duty']!), payload: { revokeToken: true } });
      assert.equal((revoked.json() as { hasToken: boolean }).hasToken, false);
      assert.equal((await t.app.inject(postPublic(buildReport(), { token, address: '192.0.2.79' }))).statusCode, 401);
      const listed = (await t.app.inject({ method: 'GET', url: '/api/v1/reporters?within=4201', headers: bearer(tokens['wuhan.duty']!) })).json() as { items: { id: string }[] };
      assert.ok(listed.items.some((r) => r.id === id));
    });
  });
}
