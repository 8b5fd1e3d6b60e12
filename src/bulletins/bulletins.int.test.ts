// Daily situation bulletins over HTTP on both engines: drafted from incidents and situation
// reports, approved by a second officer, published to the public list.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases } from '../testing/databases.js';
import { buildTestApp, fixedClock, type TestApp } from '../testing/app.js';
import { client, fails, ok, seedPublicInformation, type Json, type Seeded } from '../public/test-support.js';
import { runDailyDrafting } from './service.js';

for (const engine of testDatabases()) {
  describe(`situation bulletins (${engine.name})`, () => {
    // 10:00 on 1 February 2020 in Wuhan.
    const clock = fixedClock('2020-02-01T02:00:00.000Z');
    let t: TestApp;
    let seeded: Seeded;
    let http: ReturnType<typeof client>;
    let drafted: Json;

    before(async () => {
      t = await buildTestApp(engine, { clock });
      seeded = await seedPublicInformation(t);
      http = client(t.app, seeded);
    });
    after(async () => t.close());

    test('the morning job drafts yesterday\'s bulletin from the incidents and their situation reports', async () => {
      const outbreak = ok(await http.post('wuhan.commander', '/api/v1/incidents', { title: '不明原因肺炎聚集', type: 'disease_cluster', level: 'II', jurisdictionCode: '4201' }), 201);
      const fire = ok(await http.post('jiangan.duty', '/api/v1/incidents', { title: '民房火灾', type: 'fire', level: 'IV', jurisdictionCode: '420102' }), 201);
      ok(await http.post('jiangan.duty', `/api/v1/incidents/${outbreak.id}/sitreps`, { jurisdictionCode: '420102', period: '2020-02-01', figures: { confirmed: 12, suspected: 30 } }), 201);
      ok(await http.post('wuhan.duty', `/api/v1/incidents/${fire.id}/sitreps`, { jurisdictionCode: '420102', period: '2020-02-01', figures: { injured: 2 } }), 201);
      clock.set('2020-02-01T21:00:00.000Z'); // 05:00 on 2 February: too early
      assert.deepEqual(await runDailyDrafting(t.system), { period: '2020-02-01', drafted: 0 });
      clock.set('2020-02-01T23:00:00.000Z'); // 07:00
      assert.deepEqual(await runDailyDrafting(t.system), { period: '2020-02-01', drafted: 2 }, 'Wuhan and Jiang\'an own incidents');
      assert.deepEqual(await runDailyDrafting(t.system), { period: '2020-02-01', drafted: 0 }, 'once per unit and day');
      await seeded.relogin('wuhan.commander');
      const list = ok(await http.get('wuhan.commander', '/api/v1/bulletins?period=2020-02-01'));
      assert.deepEqual(list.items.map((b: Json) => b.jurisdictionCode).sort(), ['420100000000', '420102000000']);
      drafted = list.items.find((b: Json) => b.jurisdictionCode === '420100000000');
      assert.equal(drafted.status, 'draft');
      assert.equal(drafted.facts.openAtEnd, 2);
      assert.deepEqual(drafted.facts.figures, { confirmed: 12, injured: 2, suspected: 30 });
      assert.match(drafted.textZh, /武汉市辖区内正在处置的突发事件2起/);
      assert.match(drafted.textZh, /确诊12/);
      assert.match(drafted.textEn, /confirmed 12/);
      assert.equal(drafted.draftedBy, 'system');
    });

    test('drafts need an editor of the unit, a finished day and known fields', async () => {
      await seeded.relogin('wuhan.duty');
      await seeded.relogin('huangshi.duty');
      await seeded.relogin('wuhan.analyst');
      fails(await http.post('huangshi.duty', '/api/v1/bulletins', { jurisdictionCode: '4201', period: '2020-02-01' }), 403, /^jurisdictionCode:/);
      fails(await http.post('wuhan.analyst', '/api/v1/bulletins', { jurisdictionCode: '4201', period: '2020-02-01' }), 403, /^jurisdictionCode:/);
      fails(await http.post('wuhan.duty', '/api/v1/bulletins', { jurisdictionCode: '4201', period: '2020-02-02' }), 400, /^period: must be a finished day/);
      fails(await http.post('wuhan.duty', '/api/v1/bulletins', { jurisdictionCode: '4201', period: '2020-02-30' }), 400, /^period:/);
      fails(await http.post('wuhan.duty', '/api/v1/bulletins', { jurisdictionCode: '4201' }), 400, /^body\.period:/);
      fails(await http.get('huangshi.duty', `/api/v1/bulletins/${drafted.id}`), 403, /^id:/);
    });

    test('drafter ≠ approver; only approved bulletins are published; the public sees published ones only', async () => {
      const edited = ok(await http.patch('wuhan.duty', `/api/v1/bulletins/${drafted.id}`, { textEn: `${drafted.textEn}\nStay at home.` }));
      assert.equal(edited.draftedBy, seeded.userIds.get('wuhan.duty'));
      fails(await http.post('wuhan.duty', `/api/v1/bulletins/${drafted.id}/approve`, {}), 403, /^id: you wrote this bulletin/);
      fails(await http.post('wuhan.duty', `/api/v1/bulletins/${drafted.id}/publish`, {}), 409, /^id:.*draft/);
      fails(await http.post('huangshi.duty', `/api/v1/bulletins/${drafted.id}/approve`, {}), 403, /^id:/);
      assert.equal(ok(await http.get(null, '/public/bulletins')).items.length, 0, 'drafts are not public');
      const approved = ok(await http.post('wuhan.commander', `/api/v1/bulletins/${drafted.id}/approve`, {}));
      assert.equal(approved.status, 'approved');
      assert.equal(approved.approvedBy, seeded.userIds.get('wuhan.commander'));
      fails(await http.patch('wuhan.duty', `/api/v1/bulletins/${drafted.id}`, { textZh: '改' }), 409, /^id:/);
      fails(await http.post('wuhan.duty', '/api/v1/bulletins', { jurisdictionCode: '4201', period: '2020-02-01' }), 409, /^period:/);
      assert.equal(ok(await http.post('wuhan.duty', `/api/v1/bulletins/${drafted.id}/publish`, {})).status, 'published');
      const open = ok(await http.get(null, '/public/bulletins'));
      assert.equal(open.items.length, 1);
      assert.equal(open.items[0].id, drafted.id);
      assert.match(open.items[0].textEn, /Stay at home\.$/);
      assert.equal(open.items[0].draftedBy, undefined, 'no officer ids in public');
      assert.equal(ok(await http.get(null, '/public/bulletins?within=4202')).items.length, 0);
      const audits = await t.system.db.selectFrom('audit_log').select('action').where('target_id', '=', drafted.id).orderBy('seq').execute();
      assert.deepEqual(audits.map((a) => a.action), ['bulletin.draft', 'bulletin.edit', 'bulletin.approve', 'bulletin.publish']);
    });

    test('an officer re-drafts a draft from fresh figures', async () => {
      const jiangan = ok(await http.get('wuhan.duty', '/api/v1/bulletins?within=420102')).items[0];
      await seeded.relogin('jiangan.duty');
      const redrafted = await http.post('jiangan.duty', '/api/v1/bulletins', { jurisdictionCode: '420102', period: '2020-02-01' });
      assert.equal(redrafted.statusCode, 200);
      assert.equal(redrafted.json().id, jiangan.id);
      assert.equal(redrafted.json().draftedBy, seeded.userIds.get('jiangan.duty'));
    });
  });
}
