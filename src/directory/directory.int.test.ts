import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError, ForbiddenError, InvalidInputError, NotFoundError } from '../core/errors.js';
import { testDatabases } from '../testing/databases.js';
import * as service from './service.js';
import { loadDirectoryDemo } from './demo.js';
import { actorOf, auditRows, CODES, openDirectoryTestDb, type DirectoryTestDb } from './test-support.js';

/** Asserts that `run` rejects with an AppError of the given class whose message names `field`. */
async function rejectsWith(run: () => Promise<unknown>, type: new (...args: never[]) => AppError, field?: string): Promise<void> {
  await assert.rejects(run, (error: unknown) => {
    assert.ok(error instanceof type, `expected ${type.name}, got ${String(error)}`);
    if (field !== undefined) assert.ok((error as AppError).message.startsWith(`${field}: `), (error as AppError).message);
    return true;
  });
}

for (const engine of testDatabases()) {
  describe(`directory service (${engine.name})`, () => {
    let t: DirectoryTestDb;
    const wuhanDuty = actorOf('duty_officer', 'wuhan');
    const huangshiDuty = actorOf('duty_officer', 'huangshi');
    const jianganGrid = actorOf('grid_worker', 'jiangan');
    const wuhanHealth = actorOf('department_officer', 'wuhan', 'health');
    let health: string;
    let transport: string;
    let volunteers: string;
    const people: Record<string, string> = {};

    before(async () => {
      t = await openDirectoryTestDb(engine);
      const ctx = t.as(wuhanDuty);
      health = (await service.createOrganisation(ctx, { kind: 'government_department', departmentType: 'health', nameZh: '武汉市卫生健康委员会', nameEn: 'Wuhan Municipal Health Commission', jurisdictionCode: '4201' })).id;
      transport = (await service.createOrganisation(ctx, { kind: 'government_department', departmentType: 'transport', nameZh: '武汉市交通运输局', jurisdictionCode: '4201' })).id;
      volunteers = (await service.createOrganisation(ctx, { kind: 'volunteer_team', nameZh: '江岸区志愿服务队', jurisdictionCode: '420102', phone: '027-00000100' })).id;
      const add = async (key: string, draft: Parameters<typeof service.createPerson>[1]) => {
        // A fresh context moves the test clock, so ids (ULIDs) sort in creation order.
        people[key] = (await service.createPerson(t.as(wuhanDuty), draft)).id;
      };
      await add('doctor', { kind: 'staff', fullName: '医生甲', organisationId: health, jurisdictionCode: '4201', skills: ['Triage', '急救'], phone: '027-00000011', email: 'doctor.a@example.org' });
      await add('driver', { kind: 'staff', fullName: '司机乙', organisationId: transport, jurisdictionCode: '4201', skills: ['驾驶'], phone: '027-00000012' });
      await add('volunteer', { kind: 'volunteer', fullName: '志愿者丙', organisationId: volunteers, jurisdictionCode: '420102', skills: ['急救', '驾驶'], phone: '027-00000013' });
      await add('grid', { kind: 'grid_worker', fullName: '网格员丁', jurisdictionCode: '420102', skills: ['入户走访'], phone: '027-00000014' });
      await add('expert', { kind: 'expert', fullName: '专家戊', jurisdictionCode: '420102', title: '结构工程师', skills: ['结构安全'] });
      await service.createPerson(t.as(huangshiDuty), { kind: 'staff', fullName: '黄石值班员', jurisdictionCode: '4202', phone: '0714-00000001' });
    });
    after(async () => t.dispose());

    test('records resolve unpadded codes and carry jurisdiction and organisation names', async () => {
      const doctor = await service.getPerson(t.as(wuhanDuty), people.doctor!);
      assert.equal(doctor.jurisdictionCode, CODES.wuhan);
      assert.equal(doctor.jurisdictionName, '武汉市');
      assert.equal(doctor.organisationName, '武汉市卫生健康委员会');
      assert.deepEqual(doctor.skills, ['Triage', '急救']);
      const team = await service.getOrganisation(t.as(jianganGrid), volunteers);
      assert.equal(team.jurisdictionCode, CODES.jiangan);
      assert.equal(team.departmentType, null);
    });

    test('lists cover the actor’s subtrees by default and `within` narrows them', async () => {
      const wuhanAll = await service.listPeople(t.as(wuhanDuty), { limit: 100 });
      assert.deepEqual(wuhanAll.items.map((p) => p.fullName).sort(), ['专家戊', '医生甲', '司机乙', '志愿者丙', '网格员丁'].sort());
      assert.equal(wuhanAll.nextCursor, null);
      const jiangan = await service.listPeople(t.as(wuhanDuty), { limit: 100, within: '420102' });
      assert.deepEqual(jiangan.items.map((p) => p.fullName).sort(), ['专家戊', '志愿者丙', '网格员丁'].sort());
      const province = await service.listPeople(t.as(actorOf('analyst', 'hubei')), { limit: 100 });
      assert.equal(province.items.length, 6);
      const grid = await service.listOrganisations(t.as(jianganGrid), { limit: 100 });
      assert.deepEqual(grid.items.map((o) => o.id), [volunteers]);
    });

    test('filters: kind, department type, skill (whole tag, any case), name', async () => {
      const ctx = t.as(wuhanDuty);
      const names = async (query: Omit<service.PersonQuery, 'limit'>) =>
        (await service.listPeople(ctx, { limit: 100, ...query })).items.map((p) => p.fullName).sort();
      assert.deepEqual(await names({ kind: 'grid_worker' }), ['网格员丁']);
      assert.deepEqual(await names({ departmentType: 'health' }), ['医生甲']);
      assert.deepEqual(await names({ skill: '急救' }), ['医生甲', '志愿者丙'].sort());
      assert.deepEqual(await names({ skill: 'triage' }), ['医生甲']);
      assert.deepEqual(await names({ skill: '急' }), [], 'a part of a tag does not match');
      assert.deepEqual(await names({ q: '志愿' }), ['志愿者丙']);
      assert.deepEqual(await names({ q: '%' }), [], 'LIKE wildcards are taken literally');
      assert.deepEqual(await names({ organisationId: transport }), ['司机乙']);
      const orgs = await service.listOrganisations(ctx, { limit: 100, kind: 'government_department' });
      assert.deepEqual(orgs.items.map((o) => o.id).sort(), [health, transport].sort());
      const byName = await service.listOrganisations(ctx, { limit: 100, q: 'health commission' });
      assert.deepEqual(byName.items.map((o) => o.id), [health]);
      const byDepartment = await service.listOrganisations(ctx, { limit: 100, departmentType: 'transport' });
      assert.deepEqual(byDepartment.items.map((o) => o.id), [transport]);
      await rejectsWith(() => service.listPeople(ctx, { limit: 10, kind: 'wizard' }), InvalidInputError, 'kind');
    });

    test('keyset paging by id visits every row once, in creation order', async () => {
      const ctx = t.as(wuhanDuty);
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await service.listPeople(ctx, { limit: 2, cursor });
        seen.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor !== undefined);
      assert.equal(pages, 3);
      assert.deepEqual(seen, [people.doctor, people.driver, people.volunteer, people.grid, people.expert]);
    });

    test('privacy: a grid worker sees no phone or email, and no personal read is recorded', async () => {
      const before = (await auditRows(t.handle.db, 'person.read_personal')).length;
      const page = await service.listPeople(t.as(jianganGrid), { limit: 100 });
      assert.equal(page.items.length, 3);
      for (const person of page.items) assert.equal('contact' in person, false, `${person.fullName} shows contact`);
      const one = await service.getPerson(t.as(jianganGrid), people.volunteer!);
      assert.equal(one.contact, undefined);
      assert.equal((await auditRows(t.handle.db, 'person.read_personal')).length, before);
    });

    test('privacy: a duty officer sees contacts, and each read writes one audit record listing whose', async () => {
      const actor = actorOf('duty_officer', 'jiangan');
      const page = await service.listPeople(t.as(actor), { limit: 100 });
      const volunteer = page.items.find((p) => p.id === people.volunteer)!;
      assert.deepEqual(volunteer.contact, { phone: '027-00000013', email: null });
      const reads = (await auditRows(t.handle.db, 'person.read_personal')).filter((r) => r.actorId === actor.id);
      assert.equal(reads.length, 1);
      // The expert has no phone or email: nothing personal of theirs left the server.
      assert.deepEqual((reads[0]!.after!.personIds as string[]).sort(), [people.volunteer, people.grid].sort());
      assert.ok(!reads[0]!.raw.includes('027-00000013'), 'the read record names people, not their numbers');
      await service.getPerson(t.as(actor), people.grid!);
      const after = (await auditRows(t.handle.db, 'person.read_personal')).filter((r) => r.actorId === actor.id);
      assert.equal(after.length, 2);
      assert.equal(after[1]!.targetId, people.grid);
    });

    test('a department officer sees contacts too', async () => {
      const doctor = await service.getPerson(t.as(wuhanHealth), people.doctor!);
      assert.equal(doctor.contact?.email, 'doctor.a@example.org');
    });

    test('updates keep only keyed hashes of phone and email in the audit trail', async () => {
      await service.updatePerson(t.as(wuhanDuty), { id: people.driver!, changes: { phone: '027-00000099', email: 'driver.b@example.org', title: '驾驶员' } });
      const updates = (await auditRows(t.handle.db, 'person.update')).filter((r) => r.targetId === people.driver);
      assert.equal(updates.length, 1);
      const [record] = updates;
      assert.match(String((record!.before!.phone as { hmac: string }).hmac), /^[0-9a-f]{64}$/);
      assert.match(String((record!.after!.phone as { hmac: string }).hmac), /^[0-9a-f]{64}$/);
      assert.notEqual((record!.before!.phone as { hmac: string }).hmac, (record!.after!.phone as { hmac: string }).hmac);
      assert.equal(record!.after!.title, '驾驶员');
      for (const secret of ['027-00000099', '027-00000012', 'driver.b@example.org']) assert.ok(!record!.raw.includes(secret), `${secret} stored in the trail`);
      const creates = (await auditRows(t.handle.db, 'person.create')).filter((r) => r.targetId === people.driver);
      assert.ok(!creates[0]!.raw.includes('027-00000012'));
    });

    test('mutations emit events with the jurisdiction path and no personal data', async () => {
      const events = await t.handle.db.selectFrom('events').selectAll().orderBy('seq').execute();
      const types = new Set(events.map((e) => e.type));
      for (const type of ['organisation.created', 'person.created', 'person.updated']) assert.ok(types.has(type), type);
      const updated = events.find((e) => e.type === 'person.updated')!;
      assert.equal(updated.jurisdiction_path, '/000000000000/420000000000/420100000000/');
      assert.deepEqual((JSON.parse(updated.payload) as { changed: string[] }).changed.sort(), ['email', 'phone', 'title']);
      assert.ok(!events.some((e) => e.payload.includes('027-')), 'no phone number in any event');
    });

    test('a sibling county is out of scope: 403, never the data', async () => {
      const ctx = t.as(huangshiDuty);
      await rejectsWith(() => service.getPerson(ctx, people.doctor!), ForbiddenError);
      await rejectsWith(() => service.getOrganisation(ctx, health), ForbiddenError);
      await rejectsWith(() => service.updatePerson(ctx, { id: people.doctor!, changes: { title: 'x' } }), ForbiddenError);
      await rejectsWith(() => service.updateOrganisation(ctx, { id: health, changes: { nameEn: 'x' } }), ForbiddenError);
      await rejectsWith(() => service.deletePerson(ctx, people.doctor!), ForbiddenError);
      await rejectsWith(() => service.listPeople(ctx, { limit: 10, within: '4201' }), ForbiddenError, 'within');
      await rejectsWith(() => service.createPerson(ctx, { kind: 'staff', fullName: 'x', jurisdictionCode: '4201' }), ForbiddenError);
      const own = await service.listPeople(ctx, { limit: 100 });
      assert.deepEqual(own.items.map((p) => p.fullName), ['黄石值班员']);
      // A Wuhan officer may not reach up to the province either.
      await rejectsWith(() => service.listOrganisations(t.as(wuhanDuty), { limit: 10, within: '42' }), ForbiddenError);
    });

    test('read-only roles may read but not write', async () => {
      await rejectsWith(() => service.updatePerson(t.as(jianganGrid), { id: people.grid!, changes: { title: 'x' } }), ForbiddenError);
      await rejectsWith(() => service.createOrganisation(t.as(actorOf('analyst', 'wuhan')), { kind: 'ngo', nameZh: 'x', jurisdictionCode: '4201' }), ForbiddenError);
    });

    test('a department officer edits only their own department’s organisations and people', async () => {
      const ctx = t.as(wuhanHealth);
      const doctor = await service.updatePerson(ctx, { id: people.doctor!, changes: { title: '主任医师' } });
      assert.equal(doctor.title, '主任医师');
      await service.updateOrganisation(ctx, { id: health, changes: { address: '武汉市（演示地址）' } });
      await rejectsWith(() => service.updatePerson(ctx, { id: people.driver!, changes: { title: 'x' } }), ForbiddenError);
      await rejectsWith(() => service.updateOrganisation(ctx, { id: transport, changes: { nameEn: 'x' } }), ForbiddenError);
      await rejectsWith(() => service.updateOrganisation(ctx, { id: health, changes: { departmentType: 'transport' } }), ForbiddenError);
      await rejectsWith(() => service.updatePerson(ctx, { id: people.doctor!, changes: { organisationId: transport } }), ForbiddenError);
      await rejectsWith(() => service.createPerson(ctx, { kind: 'volunteer', fullName: 'x', jurisdictionCode: '4201' }), ForbiddenError);
      const nurse = await service.createPerson(ctx, { kind: 'staff', fullName: '护士己', organisationId: health, jurisdictionCode: '420102' });
      assert.equal(nurse.organisationName, '武汉市卫生健康委员会');
    });

    test('bad input is a 400 naming the field; unknown ids are 404', async () => {
      const ctx = t.as(wuhanDuty);
      await rejectsWith(() => service.createOrganisation(ctx, { kind: 'government_department', nameZh: 'x', jurisdictionCode: '4201' }), InvalidInputError, 'departmentType');
      await rejectsWith(() => service.createOrganisation(ctx, { kind: 'ngo', departmentType: 'health', nameZh: 'x', jurisdictionCode: '4201' }), InvalidInputError, 'departmentType');
      await rejectsWith(() => service.createOrganisation(ctx, { kind: 'ngo', nameZh: 'x', jurisdictionCode: '4299' }), InvalidInputError, 'jurisdictionCode');
      await rejectsWith(() => service.createOrganisation(ctx, { kind: 'ngo', nameZh: 'x', jurisdictionCode: '42x' }), InvalidInputError, 'jurisdictionCode');
      await rejectsWith(() => service.createPerson(ctx, { kind: 'staff', fullName: 'x', jurisdictionCode: '4201', email: 'nope' }), InvalidInputError, 'email');
      await rejectsWith(() => service.createPerson(ctx, { kind: 'staff', fullName: 'x', jurisdictionCode: '4201', organisationId: 'NOPE' }), InvalidInputError, 'organisationId');
      await rejectsWith(() => service.updateOrganisation(ctx, { id: health, changes: { kind: 'enterprise' } }), InvalidInputError, 'departmentType');
      await rejectsWith(() => service.getPerson(ctx, 'NOPE'), NotFoundError);
      await rejectsWith(() => service.getOrganisation(ctx, 'NOPE'), NotFoundError);
      await rejectsWith(() => service.deletePerson(ctx, 'NOPE'), NotFoundError);
    });

    test('organisation parents must exist, be visible and not form a cycle', async () => {
      const ctx = t.as(wuhanDuty);
      const clinic = await service.createOrganisation(ctx, { kind: 'hospital', nameZh: '江岸区示例医院', jurisdictionCode: '420102', parentId: health });
      assert.equal(clinic.parentId, health);
      await rejectsWith(() => service.updateOrganisation(ctx, { id: health, changes: { parentId: clinic.id } }), InvalidInputError, 'parentId');
      await rejectsWith(() => service.updateOrganisation(ctx, { id: health, changes: { parentId: health } }), InvalidInputError, 'parentId');
      const moved = await service.updateOrganisation(ctx, { id: clinic.id, changes: { parentId: null, kind: 'other' } });
      assert.equal(moved.parentId, null);
      assert.equal(moved.kind, 'other');
    });

    test('deleting a person removes them, audited with hashed contact', async () => {
      const ctx = t.as(wuhanDuty);
      await service.deletePerson(ctx, people.grid!);
      await rejectsWith(() => service.getPerson(ctx, people.grid!), NotFoundError);
      const [record] = (await auditRows(t.handle.db, 'person.delete')).filter((r) => r.targetId === people.grid);
      assert.ok(record);
      assert.equal(record.before!.fullName, '网格员丁');
      assert.ok(!record.raw.includes('027-00000014'));
      const events = await t.handle.db.selectFrom('events').select(['type', 'jurisdiction_path']).where('type', '=', 'person.deleted').execute();
      assert.deepEqual(events, [{ type: 'person.deleted', jurisdiction_path: '/000000000000/420000000000/420100000000/420102000000/' }]);
    });

    test('the demo loader is idempotent', async () => {
      const first = await loadDirectoryDemo(t.system);
      // 7 departments each for Hubei and Wuhan plus 2 others, less Wuhan's health and transport created above.
      assert.equal(first.organisationsCreated, 14);
      assert.equal(first.peopleCreated, 5);
      const second = await loadDirectoryDemo(t.system);
      assert.deepEqual(second, { organisationsCreated: 0, peopleCreated: 0 });
      const departments = await service.listOrganisations(t.system, { limit: 100, kind: 'government_department', within: '42' });
      assert.equal(departments.items.filter((o) => o.jurisdictionCode === CODES.hubei).length, 7);
      assert.equal(departments.items.filter((o) => o.jurisdictionCode === CODES.wuhan).length, 7);
    });
  });
}
