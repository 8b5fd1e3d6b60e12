import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases } from '../testing/databases.js';
import { bearer, buildTestApp, errorBody, loginToken, seedScopeTree, seedUser, TEST_PASSWORD, type TestApp } from '../testing/app.js';

for (const engine of testDatabases()) {
  describe(`accounts over HTTP (${engine.name})`, () => {
    let t: TestApp;
    let adminToken: string;

    before(async () => {
      t = await buildTestApp(engine);
      await seedScopeTree(t.system);
      await seedUser(t.system, { username: 'root.admin', role: 'admin', jurisdictionCode: '000000000000' });
      await seedUser(t.system, { username: 'wuhan.admin', role: 'admin', jurisdictionCode: '4201' });
      adminToken = await loginToken(t.app, 'root.admin');
    });
    after(async () => t.close());

    test('log-in returns a bearer token and sets an HttpOnly SameSite session cookie', async () => {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'Root.Admin', password: TEST_PASSWORD } });
      assert.equal(response.statusCode, 200);
      const body = response.json() as { token: string; csrfToken: string; user: { username: string; grants: { role: string }[] } };
      assert.equal(body.user.username, 'root.admin');
      assert.deepEqual(body.user.grants.map((g) => g.role), ['admin']);
      const session = response.cookies.find((c) => c.name === 'seamless_session');
      assert.ok(session, 'session cookie set');
      assert.equal(session.value, body.token);
      assert.equal(session.httpOnly, true);
      assert.equal(session.sameSite, 'Strict');
      const csrf = response.cookies.find((c) => c.name === 'seamless_csrf');
      assert.equal(csrf?.value, body.csrfToken);
      assert.notEqual(csrf?.httpOnly, true);
    });

    test('a wrong password and an unknown user get the same answer', async () => {
      const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'wuhan.admin', password: 'not-the-password' } });
      const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody.here', password: 'not-the-password' } });
      assert.equal(wrong.statusCode, 401);
      assert.equal(unknown.statusCode, 401);
      assert.deepEqual(errorBody(wrong), errorBody(unknown));
      assert.equal(errorBody(wrong).error, 'invalid_credentials');
    });

    test('cookie sessions need the CSRF header for writes; bearer tokens do not', async () => {
      const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'root.admin', password: TEST_PASSWORD } });
      const { token, csrfToken } = login.json() as { token: string; csrfToken: string };
      const cookies = { seamless_session: token };
      const read = await t.app.inject({ method: 'GET', url: '/api/v1/me', cookies });
      assert.equal(read.statusCode, 200);
      const payload = { username: 'csrf.victim', displayName: 'x', password: TEST_PASSWORD, homeJurisdictionCode: '42' };
      const forged = await t.app.inject({ method: 'POST', url: '/api/v1/users', cookies, payload });
      assert.equal(forged.statusCode, 403);
      assert.match(errorBody(forged).message, /x-csrf-token/);
      const withHeader = await t.app.inject({ method: 'POST', url: '/api/v1/users', cookies, headers: { 'x-csrf-token': csrfToken }, payload });
      assert.equal(withHeader.statusCode, 201);
    });

    test('requests without credentials are 401; open routes stay open', async () => {
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode, 401);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/jurisdictions/42' })).statusCode, 401);
      assert.equal((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
      assert.equal((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode, 200);
      const openapi = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
      assert.equal(openapi.statusCode, 200);
      assert.ok((openapi.json() as { paths: Record<string, unknown> }).paths['/api/v1/users']);
      const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
      assert.match(metrics.body, /seamless_http_requests_total/);
    });

    test('user management: create, grant, revoke, deactivate ends sessions, reset password', async () => {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: bearer(adminToken),
        payload: { username: 'jiangan.duty', displayName: '江岸值班', password: TEST_PASSWORD, homeJurisdictionCode: '420102' },
      });
      assert.equal(created.statusCode, 201);
      const userId = (created.json() as { id: string }).id;
      const granted = await t.app.inject({ method: 'POST', url: `/api/v1/users/${userId}/grants`, headers: bearer(adminToken), payload: { role: 'duty_officer', jurisdictionCode: '420102' } });
      assert.equal(granted.statusCode, 201);
      const grantId = (granted.json() as { id: string }).id;
      const userToken = await loginToken(t.app, 'jiangan.duty');
      const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(userToken) })).json() as { grants: { role: string; jurisdictionCode: string }[] };
      assert.deepEqual(me.grants.map((g) => [g.role, g.jurisdictionCode]), [['duty_officer', '420102000000']]);

      const revoked = await t.app.inject({ method: 'DELETE', url: `/api/v1/users/${userId}/grants/${grantId}`, headers: bearer(adminToken) });
      assert.equal(revoked.statusCode, 204);
      const afterRevoke = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(userToken) })).json() as { grants: unknown[] };
      assert.equal(afterRevoke.grants.length, 0);

      const deactivated = await t.app.inject({ method: 'POST', url: `/api/v1/users/${userId}/deactivate`, headers: bearer(adminToken) });
      assert.equal(deactivated.statusCode, 200);
      assert.equal((deactivated.json() as { isActive: boolean }).isActive, false);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(userToken) })).statusCode, 401);
      const relogin = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'jiangan.duty', password: TEST_PASSWORD } });
      assert.equal(relogin.statusCode, 401);

      await t.app.inject({ method: 'POST', url: `/api/v1/users/${userId}/activate`, headers: bearer(adminToken) });
      const reset = await t.app.inject({ method: 'POST', url: `/api/v1/users/${userId}/password`, headers: bearer(adminToken), payload: { newPassword: 'a-new-password-1' } });
      assert.equal(reset.statusCode, 204);
      const newLogin = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'jiangan.duty', password: 'a-new-password-1' } });
      assert.equal(newLogin.statusCode, 200);
      assert.equal((newLogin.json() as { user: { mustChangePassword: boolean } }).user.mustChangePassword, true);
    });

    test('a city admin cannot create users or grant roles in a sibling city', async () => {
      const cityToken = await loginToken(t.app, 'wuhan.admin');
      const sibling = await t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: bearer(cityToken),
        payload: { username: 'huangshi.someone', displayName: 'x', password: TEST_PASSWORD, homeJurisdictionCode: '4202' },
      });
      assert.equal(sibling.statusCode, 403);
      const own = await t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: bearer(cityToken),
        payload: { username: 'wuhan.someone', displayName: 'x', password: TEST_PASSWORD, homeJurisdictionCode: '420102' },
      });
      assert.equal(own.statusCode, 201);
      const id = (own.json() as { id: string }).id;
      const grantAbove = await t.app.inject({ method: 'POST', url: `/api/v1/users/${id}/grants`, headers: bearer(cityToken), payload: { role: 'admin', jurisdictionCode: '42' } });
      assert.equal(grantAbove.statusCode, 403);
      const list = (await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer(cityToken) })).json() as { items: { username: string }[] };
      assert.ok(list.items.every((u) => u.username.startsWith('wuhan.') || u.username === 'jiangan.duty'), JSON.stringify(list.items.map((u) => u.username)));
    });

    test('API tokens work as bearer tokens until revoked', async () => {
      const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(adminToken) })).json() as { id: string };
      const issued = await t.app.inject({ method: 'POST', url: `/api/v1/users/${me.id}/tokens`, headers: bearer(adminToken), payload: { name: 'hotline integration' } });
      assert.equal(issued.statusCode, 201);
      const { id, token } = issued.json() as { id: string; token: string };
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).statusCode, 200);
      const listed = (await t.app.inject({ method: 'GET', url: `/api/v1/users/${me.id}/tokens`, headers: bearer(adminToken) })).json() as { items: { id: string }[] };
      assert.ok(listed.items.some((item) => item.id === id));
      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: bearer(adminToken) })).statusCode, 204);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).statusCode, 401);
    });

    test('bad input is a 400 naming the field and writes nothing', async () => {
      const count = async () => Number((await t.system.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const before = await count();
      const cases: Array<[string, unknown, RegExp]> = [
        ['unknown field', { username: 'abc.def', displayName: 'x', password: TEST_PASSWORD, homeJurisdictionCode: '42', isAdmin: true }, /^body\.isAdmin: is not a known field/],
        ['wrong type', { username: 12345, displayName: 'x', password: TEST_PASSWORD, homeJurisdictionCode: '42' }, /^body\.username: /],
        ['missing field', { username: 'abc.def', displayName: 'x', password: TEST_PASSWORD }, /^body\.homeJurisdictionCode: is required/],
        ['over-long', { username: 'a'.repeat(65), displayName: 'x', password: TEST_PASSWORD, homeJurisdictionCode: '42' }, /^body\.username: /],
        ['bad code', { username: 'abc.def', displayName: 'x', password: TEST_PASSWORD, homeJurisdictionCode: '123' }, /^homeJurisdictionCode: /],
        ['short password', { username: 'abc.def', displayName: 'x', password: 'short', homeJurisdictionCode: '42' }, /^password: must be at least 8/],
      ];
      for (const [name, payload, message] of cases) {
        const response = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(adminToken), payload: payload as object });
        assert.equal(response.statusCode, 400, `${name}: ${response.body}`);
        assert.match(errorBody(response).message, message, name);
      }
      const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { ...bearer(adminToken), 'content-type': 'application/json' }, payload: '{"username": ' });
      assert.equal(malformed.statusCode, 400);
      assert.equal(errorBody(malformed).error, 'invalid_json');
      const huge = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { ...bearer(adminToken), 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024) }) });
      assert.equal(huge.statusCode, 413);
      const duplicate = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(adminToken), payload: { username: 'wuhan.admin', displayName: 'x', password: TEST_PASSWORD, homeJurisdictionCode: '42' } });
      assert.equal(duplicate.statusCode, 409);
      assert.equal(await count(), before);
    });

    test('log-out ends the session', async () => {
      const token = await loginToken(t.app, 'wuhan.admin');
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(token) })).statusCode, 204);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).statusCode, 401);
    });

    test('repeated failures throttle log-in, even with the right password', async () => {
      await seedUser(t.system, { username: 'throttled.user', role: 'analyst', jurisdictionCode: '42' });
      for (let i = 0; i < 5; i++) {
        const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'throttled.user', password: 'wrong-password' }, remoteAddress: `10.0.0.${i}` });
        assert.equal(r.statusCode, 401);
      }
      const blocked = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'throttled.user', password: TEST_PASSWORD }, remoteAddress: '10.0.0.99' });
      assert.equal(blocked.statusCode, 429);
      assert.ok(Number(blocked.headers['retry-after']) > 0);
    });
  });
}
