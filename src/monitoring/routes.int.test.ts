import { after, before, describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { ROLES, type Role } from '../core/roles.js';
import { testDatabases } from '../testing/databases.js';
import { bearer, buildTestApp, errorBody, loginToken, seedScopeTree, seedUser, type TestApp } from '../testing/app.js';
import { createSource } from './service.js';
import { signDelivery } from './webhook-signature.js';
import { startFeedServer, type FeedServer } from './test-support.js';

const BASE = '/api/v1/monitoring/sources';
type Scope = 'inScope' | 'sibling' | 'parent';
const SCOPES: Record<Scope, string> = { inScope: '420102', sibling: '420202', parent: '42' };

/** Per-source routes, who (granted over Wuhan) may use them on a source in Jiang'an. */
interface SourceRouteCase {
  readonly name: string;
  readonly allowed: readonly Role[];
  readonly request: (ids: { feed: string; upload: string; webhook: string; deletable: string }) => InjectOptions;
}
const MANAGERS: readonly Role[] = ['admin', 'duty_officer'];
const SOURCE_ROUTE_CASES: readonly SourceRouteCase[] = [
  { name: 'GET /sources/{id}', allowed: ROLES, request: ({ feed }) => ({ method: 'GET', url: `${BASE}/${feed}` }) },
  { name: 'GET /sources/{id}/health', allowed: ROLES, request: ({ feed }) => ({ method: 'GET', url: `${BASE}/${feed}/health` }) },
  { name: 'GET /sources/{id}/items', allowed: ROLES, request: ({ feed }) => ({ method: 'GET', url: `${BASE}/${feed}/items` }) },
  { name: 'PATCH /sources/{id}', allowed: MANAGERS, request: ({ feed }) => ({ method: 'PATCH', url: `${BASE}/${feed}`, payload: { language: 'zh-CN' } }) },
  { name: 'POST /sources/{id}/poll', allowed: MANAGERS, request: ({ feed }) => ({ method: 'POST', url: `${BASE}/${feed}/poll` }) },
  { name: 'POST /sources/{id}/upload', allowed: ['admin', 'duty_officer', 'analyst'], request: ({ upload }) => ({ method: 'POST', url: `${BASE}/${upload}/upload`, payload: { format: 'json', content: '[{"id":"m1","text":"x"}]' } }) },
  { name: 'POST /sources/{id}/rotate-secret', allowed: MANAGERS, request: ({ webhook }) => ({ method: 'POST', url: `${BASE}/${webhook}/rotate-secret` }) },
  { name: 'DELETE /sources/{id}', allowed: MANAGERS, request: ({ deletable }) => ({ method: 'DELETE', url: `${BASE}/${deletable}` }) },
];

for (const engine of testDatabases()) {
  describe(`monitoring routes (${engine.name})`, () => {
    let t: TestApp;
    let feeds: FeedServer;
    const tokens = new Map<Role, string>();
    let admin: Record<string, string>;

    before(async () => {
      feeds = await startFeedServer();
      t = await buildTestApp(engine);
      await seedScopeTree(t.system);
      for (const role of ROLES) {
        await seedUser(t.system, { username: `wuhan.${role}`, role, jurisdictionCode: '4201', ...(role === 'department_officer' ? { department: 'health' as const } : {}) });
        tokens.set(role, await loginToken(t.app, `wuhan.${role}`));
      }
      admin = bearer(tokens.get('admin')!);
    });
    after(async () => {
      await t.close();
      await feeds.close();
    });

    const call = (options: InjectOptions, headers = admin) => t.app.inject({ ...options, headers: { ...(options.headers ?? {}), ...headers } });

    it('creates, reads, changes and lists a feed source; 400s name the field', async () => {
      const created = await call({ method: 'POST', url: BASE, payload: { kind: 'rss', name: '湖北应急', url: `${feeds.url}/rss`, jurisdictionCode: '420102', pollSeconds: 60 } });
      assert.equal(created.statusCode, 201, created.body);
      const { source, webhookSecret } = created.json();
      assert.equal(webhookSecret, null);
      assert.equal(source.jurisdictionCode, '420102000000');
      assert.equal(source.health.health, 'unknown');

      const patched = await call({ method: 'PATCH', url: `${BASE}/${source.id}`, payload: { pollSeconds: 120, enabled: false } });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.deepEqual([patched.json().pollSeconds, patched.json().enabled], [120, false]);
      const listed = await call({ method: 'GET', url: `${BASE}?within=4201&kind=rss` });
      assert.ok(listed.json().items.some((s: { id: string }) => s.id === source.id));

      const cases: [Record<string, unknown>, string][] = [
        [{ kind: 'rss', name: 'x', jurisdictionCode: '420102' }, 'url: is required for a rss source'],
        [{ kind: 'rss', name: 'x', url: 'ftp://example.org/', jurisdictionCode: '420102' }, 'url: must be http or https'],
        [{ kind: 'webhook', name: 'x', url: 'https://example.org/', jurisdictionCode: '420102' }, 'url: webhook sources are pushed to Seamless and have no URL'],
        [{ kind: 'mail', name: 'x', jurisdictionCode: '420102' }, 'body.kind: must be one of rss, atom, cap, upload, webhook'],
        [{ kind: 'rss', name: 'x', url: 'https://example.org/', jurisdictionCode: '420102', pollSeconds: 1 }, 'body.pollSeconds: must be >= 10'],
        [{ kind: 'upload', name: 'x', jurisdictionCode: '999999' }, 'jurisdictionCode: no jurisdiction with code 999999'],
      ];
      for (const [payload, message] of cases) {
        const response = await call({ method: 'POST', url: BASE, payload });
        assert.equal(response.statusCode, 400, response.body);
        assert.equal(errorBody(response).message, message);
      }
      const outside = await call({ method: 'POST', url: BASE, payload: { kind: 'upload', name: 'x', jurisdictionCode: '420202' } });
      assert.equal(outside.statusCode, 403);
    });

    it('polls on demand and reports health', async () => {
      const { source } = (await call({ method: 'POST', url: BASE, payload: { kind: 'rss', name: 'garbage', url: `${feeds.url}/garbage`, jurisdictionCode: '420102', pollSeconds: 60 } })).json();
      const polled = await call({ method: 'POST', url: `${BASE}/${source.id}/poll` });
      assert.equal(polled.statusCode, 200, polled.body);
      assert.equal(polled.json().status, 'failed');
      const health = (await call({ method: 'GET', url: `${BASE}/${source.id}/health` })).json();
      assert.deepEqual([health.health, health.consecutiveFailures], ['failing', 1]);
      assert.match(health.lastError, /not XML/);
      const audit = await t.system.db.selectFrom('audit_log').select('action').where('target_id', '=', source.id).execute();
      assert.deepEqual(audit.map((a) => a.action), ['monitoring_source.create', 'monitoring_source.poll']);
    });

    it('stores uploads once and names the line or element of a bad value', async () => {
      const { source } = (await call({ method: 'POST', url: BASE, payload: { kind: 'upload', name: 'hotline csv', jurisdictionCode: '420102', language: 'zh-CN' } })).json();
      const csv = 'id,time,title,text,place,lon,lat,lang\nh1,2024-07-01T08:00:00+08:00,积水,江岸区积水,江岸区,114.3,30.6,\nh2,,,"多行\n文本",,,,\n';
      const first = await call({ method: 'POST', url: `${BASE}/${source.id}/upload`, payload: { format: 'csv', content: csv } });
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual(first.json(), { received: 2, stored: 2, duplicates: 0 });
      assert.deepEqual((await call({ method: 'POST', url: `${BASE}/${source.id}/upload`, payload: { format: 'csv', content: csv } })).json(), { received: 2, stored: 0, duplicates: 2 });
      const items = (await call({ method: 'GET', url: `${BASE}/${source.id}/items` })).json().items;
      assert.equal(items.length, 2);
      assert.equal(items.find((i: { externalId: string }) => i.externalId === 'h1').language, 'zh-CN', 'the source’s default language');

      const bad = await call({ method: 'POST', url: `${BASE}/${source.id}/upload`, payload: { format: 'csv', content: 'id,text,lat,lon\nh3,ok,30,114\nh4,bad,30,999\n' } });
      assert.equal(bad.statusCode, 400);
      assert.equal(errorBody(bad).message, 'line 3.lon: must be a number from -180 to 180, got "999"');
      const badJson = await call({ method: 'POST', url: `${BASE}/${source.id}/upload`, payload: { format: 'json', content: '[{"id":"j1","text":"a"},{"id":"j2"}]' } });
      assert.equal(errorBody(badJson).message, 'content[1].text: is required');
      const wrongKind = await call({ method: 'POST', url: BASE, payload: { kind: 'webhook', name: 'w', jurisdictionCode: '420102' } });
      const refused = await call({ method: 'POST', url: `${BASE}/${wrongKind.json().source.id}/upload`, payload: { format: 'csv', content: 'text\nx\n' } });
      assert.equal(refused.statusCode, 400);
      assert.equal(await t.system.db.selectFrom('monitoring_items').select('id').where('external_id', 'in', ['h3', 'j1']).execute().then((r) => r.length), 0, 'a bad upload stores nothing');
    });

    it('accepts signed webhook deliveries once, refuses bad signatures and replays, and stores nothing then', async () => {
      const created = (await call({ method: 'POST', url: BASE, payload: { kind: 'webhook', name: '12345 热线', jurisdictionCode: '420102' } })).json();
      const id: string = created.source.id;
      const secret: string = created.webhookSecret;
      assert.match(secret, /^whsec_/);
      assert.equal(created.source.webhookPath, `/public/webhooks/${id}`);
      const stored = await t.system.db.selectFrom('monitoring_sources').select('webhook_secret').where('id', '=', id).executeTakeFirstOrThrow();
      assert.ok(stored.webhook_secret !== null && !stored.webhook_secret.includes(secret.slice(6)), 'stored encrypted');
      assert.equal((await call({ method: 'GET', url: `${BASE}/${id}` })).body.includes(secret), false, 'never shown again');

      const body = JSON.stringify([{ id: 'p1', time: '2024-07-01T08:00:00+08:00', text: '江岸区 路面塌陷', lon: 114.3, lat: 30.6 }, { id: 'p2', text: '停电' }]);
      const deliver = (payload: string, headers: Record<string, string>) =>
        t.app.inject({ method: 'POST', url: `/public/webhooks/${id}`, payload, headers: { 'content-type': 'application/json', ...headers } });
      const now = () => String(Math.floor(Date.now() / 1000));
      const signed = (payload: string, key = secret, ts = now()) => ({ 'x-seamless-timestamp': ts, 'x-seamless-signature': signDelivery(key, ts, payload) });

      const ok = await deliver(body, signed(body));
      assert.equal(ok.statusCode, 202, ok.body);
      assert.deepEqual(ok.json(), { received: 2, stored: 2, duplicates: 0 });
      assert.deepEqual((await deliver(body, signed(body))).json(), { received: 2, stored: 0, duplicates: 2 }, 'idempotent by item id');

      const tampered = body.replace('停电', '停水');
      const refusals: [string, Record<string, string>, RegExp][] = [
        ['tampered body', signed(body), /does not match/],
        ['wrong secret', signed(tampered, 'whsec_wrong'), /does not match/],
        ['no headers', {}, /headers are required/],
        ['replayed after 10 minutes', signed(tampered, secret, String(Math.floor(Date.now() / 1000) - 600)), /within 5 minutes/],
      ];
      for (const [what, headers, message] of refusals) {
        const response = await deliver(what === 'tampered body' ? tampered : tampered, headers);
        assert.equal(response.statusCode, 401, `${what}: ${response.body}`);
        assert.match(errorBody(response).message, message, what);
      }
      const unknown = await t.app.inject({ method: 'POST', url: '/public/webhooks/NOPE', payload: body, headers: { 'content-type': 'application/json', ...signed(body) } });
      assert.equal(unknown.statusCode, 401);
      const items = await t.system.db.selectFrom('monitoring_items').select('body').where('source_id', '=', id).execute();
      assert.deepEqual(items.map((i) => i.body).sort(), ['停电', '江岸区 路面塌陷'], 'nothing stored from refused deliveries');

      const invalid = JSON.stringify([{ id: 'p3' }]);
      const bad = await deliver(invalid, signed(invalid));
      assert.equal(bad.statusCode, 400);
      assert.equal(errorBody(bad).message, 'body[0].text: is required');

      // Rotation: the old secret stops working at once.
      const rotated = (await call({ method: 'POST', url: `${BASE}/${id}/rotate-secret` })).json().webhookSecret;
      const next = JSON.stringify({ id: 'p4', text: '新' });
      assert.equal((await deliver(next, signed(next))).statusCode, 401);
      assert.equal((await deliver(next, signed(next, rotated))).statusCode, 202);
    });

    describe('role × scope for per-source routes', () => {
      const ids = new Map<Scope, { feed: string; upload: string; webhook: string }>();
      const deletable = new Map<string, string>();
      before(async () => {
        for (const [scope, code] of Object.entries(SCOPES) as [Scope, string][]) {
          const make = async (kind: 'rss' | 'upload' | 'webhook', name: string) =>
            (await createSource(t.system, { kind, name, jurisdictionCode: code, ...(kind === 'rss' ? { url: `${feeds.url}/rss-plain`, pollSeconds: 60 } : {}) })).source.id;
          ids.set(scope, { feed: await make('rss', `feed ${scope}`), upload: await make('upload', `upload ${scope}`), webhook: await make('webhook', `webhook ${scope}`) });
          for (const role of ROLES) deletable.set(`${role}-${scope}`, await make('upload', `deletable ${role} ${scope}`));
        }
      });
      for (const routeCase of SOURCE_ROUTE_CASES) {
        test(routeCase.name, async () => {
          const failures: string[] = [];
          for (const role of ROLES) {
            for (const scope of Object.keys(SCOPES) as Scope[]) {
              const response = await call(routeCase.request({ ...ids.get(scope)!, deletable: deletable.get(`${role}-${scope}`)! }), bearer(tokens.get(role)!));
              const allowed = scope === 'inScope' && routeCase.allowed.includes(role);
              const ok = allowed ? response.statusCode >= 200 && response.statusCode < 300 : response.statusCode === 403;
              if (!ok) failures.push(`${role} × ${scope}: expected ${allowed ? '2xx' : '403'}, got ${response.statusCode} ${response.body.slice(0, 120)}`);
            }
          }
          assert.deepEqual(failures, []);
        });
      }
    });
  });
}
