import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Actor } from '../core/actor.js';
import { createHttpServer } from '../platform/http/server.js';
import { testDatabases } from '../testing/databases.js';
import { directoryRoutes } from './routes.js';
import { actorOf, auditRows, openDirectoryTestDb, type DirectoryTestDb } from './test-support.js';

// Routes are tested behind a stand-in authentication: the actor travels in a test-only header,
// so these tests need nothing from the accounts room.
const ACTOR_HEADER = 'x-test-actor';

function as(actor: Actor): Record<string, string> {
  return { [ACTOR_HEADER]: Buffer.from(JSON.stringify(actor)).toString('base64url') };
}

function errorOf(response: LightMyRequestResponse): { error: string; message: string } {
  return response.json() as { error: string; message: string };
}

for (const engine of testDatabases()) {
  describe(`directory over HTTP (${engine.name})`, () => {
    let t: DirectoryTestDb;
    let app: FastifyInstance;
    const wuhanDuty = as(actorOf('duty_officer', 'wuhan'));
    const jianganGrid = as(actorOf('grid_worker', 'jiangan'));
    const huangshiDuty = as(actorOf('duty_officer', 'huangshi'));
    let teamId: string;
    let personId: string;

    before(async () => {
      t = await openDirectoryTestDb(engine);
      app = await createHttpServer(
        { config: t.config, database: t.handle, clock: t.system.clock, log: t.system.log },
        {
          version: 'test',
          authenticate: async (request) => {
            const header = request.headers[ACTOR_HEADER];
            if (typeof header !== 'string') return undefined;
            const actor = JSON.parse(Buffer.from(header, 'base64url').toString()) as Actor;
            return { actor, via: 'bearer', tokenId: 'test' };
          },
        },
      );
      await app.register(directoryRoutes);
      await app.ready();
    });
    after(async () => {
      await app.close();
      await t.dispose();
    });

    test('POST creates and answers the API shape; GET reads it back', async () => {
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/organisations',
        headers: wuhanDuty,
        payload: { kind: 'volunteer_team', nameZh: '江岸区志愿服务队', nameEn: "Jiang'an volunteers", jurisdictionCode: '420102' },
      });
      assert.equal(created.statusCode, 201, created.body);
      const team = created.json() as Record<string, unknown>;
      teamId = team.id as string;
      assert.deepEqual(team, {
        id: teamId,
        kind: 'volunteer_team',
        departmentType: null,
        nameZh: '江岸区志愿服务队',
        nameEn: "Jiang'an volunteers",
        jurisdictionCode: '420102000000',
        jurisdictionName: '江岸区',
        parentId: null,
        phone: null,
        email: null,
        address: null,
      });
      const person = await app.inject({
        method: 'POST',
        url: '/api/v1/people',
        headers: wuhanDuty,
        payload: { kind: 'volunteer', fullName: '志愿者丙', organisationId: teamId, jurisdictionCode: '420102', skills: ['急救'], phone: '027-00000013' },
      });
      assert.equal(person.statusCode, 201, person.body);
      const body = person.json() as Record<string, unknown>;
      personId = body.id as string;
      assert.deepEqual(Object.keys(body).sort(), ['email', 'fullName', 'id', 'jurisdictionCode', 'jurisdictionName', 'kind', 'organisationId', 'organisationName', 'phone', 'skills', 'title', 'userId'].sort());
      assert.equal(body.organisationName, '江岸区志愿服务队');
      const read = await app.inject({ method: 'GET', url: `/api/v1/organisations/${teamId}`, headers: jianganGrid });
      assert.equal(read.statusCode, 200);
    });

    test('a grid worker gets people without phone and email keys at all', async () => {
      const list = await app.inject({ method: 'GET', url: '/api/v1/people', headers: jianganGrid });
      assert.equal(list.statusCode, 200);
      const { items } = list.json() as { items: Record<string, unknown>[] };
      assert.equal(items.length, 1);
      assert.equal('phone' in items[0]!, false);
      assert.equal('email' in items[0]!, false);
      const one = (await app.inject({ method: 'GET', url: `/api/v1/people/${personId}`, headers: jianganGrid })).json() as Record<string, unknown>;
      assert.equal('phone' in one, false);
      const officer = (await app.inject({ method: 'GET', url: `/api/v1/people/${personId}`, headers: wuhanDuty })).json() as Record<string, unknown>;
      assert.equal(officer.phone, '027-00000013');
      assert.equal(officer.email, null);
    });

    test('bad input is a 400 naming the field', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ nameZh: 'x', jurisdictionCode: '4201' }, 'body.kind'],
        [{ kind: 'club', nameZh: 'x', jurisdictionCode: '4201' }, 'body.kind'],
        [{ kind: 'ngo', nameZh: 'x', jurisdictionCode: '4201', colour: 'red' }, 'body.colour'],
        [{ kind: 'government_department', nameZh: 'x', jurisdictionCode: '4201' }, 'departmentType'],
        [{ kind: 'ngo', nameZh: 'x', jurisdictionCode: '4201', phone: 'call me' }, 'phone'],
      ];
      for (const [payload, field] of cases) {
        const response = await app.inject({ method: 'POST', url: '/api/v1/organisations', headers: wuhanDuty, payload });
        assert.equal(response.statusCode, 400, JSON.stringify(payload));
        assert.equal(errorOf(response).error, 'invalid_input');
        assert.ok(errorOf(response).message.startsWith(`${field}: `), errorOf(response).message);
      }
      const skills = Array.from({ length: 31 }, (_, i) => `s${i}`);
      const tooMany = await app.inject({ method: 'POST', url: '/api/v1/people', headers: wuhanDuty, payload: { kind: 'staff', fullName: 'x', jurisdictionCode: '4201', skills } });
      assert.equal(tooMany.statusCode, 400);
      assert.match(errorOf(tooMany).message, /^body\.skills: /);
      const badQuery = await app.inject({ method: 'GET', url: '/api/v1/people?kind=wizard', headers: wuhanDuty });
      assert.equal(badQuery.statusCode, 400);
      assert.match(errorOf(badQuery).message, /^querystring\.kind: /);
    });

    test('unknown ids are 404, other scopes 403 without the data, no credentials 401', async () => {
      const missing = await app.inject({ method: 'GET', url: '/api/v1/people/01J0000000000000000000000', headers: wuhanDuty });
      assert.equal(missing.statusCode, 404);
      assert.equal((await app.inject({ method: 'PATCH', url: '/api/v1/organisations/NOPE', headers: wuhanDuty, payload: {} })).statusCode, 404);
      const sibling = await app.inject({ method: 'GET', url: `/api/v1/people/${personId}`, headers: huangshiDuty });
      assert.equal(sibling.statusCode, 403);
      assert.ok(!sibling.body.includes('志愿者丙'));
      assert.equal((await app.inject({ method: 'DELETE', url: `/api/v1/people/${personId}`, headers: huangshiDuty })).statusCode, 403);
      assert.equal((await app.inject({ method: 'GET', url: '/api/v1/people?within=4201', headers: huangshiDuty })).statusCode, 403);
      assert.equal((await app.inject({ method: 'GET', url: '/api/v1/people' })).statusCode, 401);
    });

    test('lists page with nextCursor; CSV streams every matching row', async () => {
      for (let i = 0; i < 4; i++) {
        const response = await app.inject({ method: 'POST', url: '/api/v1/people', headers: wuhanDuty, payload: { kind: 'staff', fullName: `工作人员${i}`, jurisdictionCode: '4201', phone: `027-0000002${i}`, skills: ['值班'] } });
        assert.equal(response.statusCode, 201);
      }
      const first = (await app.inject({ method: 'GET', url: '/api/v1/people?limit=3&skill=值班', headers: wuhanDuty })).json() as { items: unknown[]; nextCursor: string };
      assert.equal(first.items.length, 3);
      assert.ok(first.nextCursor);
      const second = (await app.inject({ method: 'GET', url: `/api/v1/people?limit=3&skill=值班&cursor=${first.nextCursor}`, headers: wuhanDuty })).json() as { items: unknown[]; nextCursor: string | null };
      assert.equal(second.items.length, 1);
      assert.equal(second.nextCursor, null);

      const csv = await app.inject({ method: 'GET', url: '/api/v1/people?format=csv', headers: wuhanDuty });
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
      assert.equal(lines[0], 'id,kind,full_name,organisation_id,organisation_name,jurisdiction_code,jurisdiction_name,title,skills,phone,email,user_id');
      assert.equal(lines.length, 1 + 5);
      assert.ok(csv.body.includes('027-00000013'));

      const hidden = await app.inject({ method: 'GET', url: '/api/v1/people', headers: { ...jianganGrid, accept: 'text/csv' } });
      assert.equal(hidden.statusCode, 200);
      assert.ok(!hidden.body.includes('027-'), 'hidden fields stay hidden in CSV');
      const orgs = await app.inject({ method: 'GET', url: '/api/v1/organisations', headers: { ...wuhanDuty, accept: 'text/csv' } });
      assert.equal(orgs.body.replace(/^\uFEFF/, '').trim().split('\r\n').length, 2);
    });

    test('the routes appear in the OpenAPI document', async () => {
      const openapi = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
      for (const path of ['/api/v1/organisations', '/api/v1/organisations/{id}', '/api/v1/people', '/api/v1/people/{id}']) assert.ok(openapi.paths[path], path);
      assert.ok(openapi.paths['/api/v1/people/{id}']!.delete);
    });

    test('PATCH changes, null clears; DELETE answers 204', async () => {
      const patched = await app.inject({ method: 'PATCH', url: `/api/v1/people/${personId}`, headers: wuhanDuty, payload: { title: '队长', phone: null } });
      assert.equal(patched.statusCode, 200, patched.body);
      const body = patched.json() as Record<string, unknown>;
      assert.equal(body.title, '队长');
      assert.equal(body.phone, null);
      const org = await app.inject({ method: 'PATCH', url: `/api/v1/organisations/${teamId}`, headers: wuhanDuty, payload: { address: '江岸区（演示地址）' } });
      assert.equal((org.json() as { address: string }).address, '江岸区（演示地址）');
      const removed = await app.inject({ method: 'DELETE', url: `/api/v1/people/${personId}`, headers: wuhanDuty });
      assert.equal(removed.statusCode, 204);
      assert.equal((await app.inject({ method: 'GET', url: `/api/v1/people/${personId}`, headers: wuhanDuty })).statusCode, 404);
      const reads = await auditRows(t.handle.db, 'person.read_personal');
      assert.ok(reads.length > 0);
    });
  });
}
