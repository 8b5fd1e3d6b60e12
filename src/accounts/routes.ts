import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor, serviceContext } from '../platform/http/request-context.js';
import { CSRF_COOKIE, SESSION_COOKIE } from '../platform/http/server.js';
import { paged, sendCsv, wantsCsv } from '../platform/http/csv.js';
import { systemActor } from '../core/actor.js';
import type { ServiceContext } from '../platform/context.js';
import { logIn, logOut } from './login.js';
import * as service from './service.js';
import { presentToken, presentUser, USER_CSV_COLUMNS } from './presenter.js';
import {
  ChangeOwnPasswordBody,
  CreateUserBody,
  GrantParams,
  GrantRoleBody,
  GrantSchema,
  IssuedTokenResponse,
  IssueTokenBody,
  ListUsersQuery,
  LoginBody,
  LoginResponse,
  ResetPasswordBody,
  TokenIdParam,
  TokenListResponse,
  UserIdParam,
  UserListResponse,
  UserSchema,
} from './schema.js';

const authTags = ['auth'];
const userTags = ['users'];

export const accountRoutes: FastifyPluginAsync = async (instance) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.post('/api/v1/auth/login', {
    config: { public: true },
    schema: { tags: authTags, summary: 'Log in: sets the session cookie and returns a bearer token', security: [], body: LoginBody, response: { 200: LoginResponse } },
  }, async (request, reply) => {
    const deps = request.server.deps;
    const ctx: ServiceContext = {
      actor: systemActor('login'),
      db: deps.database.db,
      dialect: deps.database.dialect,
      clock: deps.clock,
      log: request.log,
      auditKey: deps.config.auditKey,
      requestId: request.id,
    };
    const result = await logIn(ctx, {
      username: request.body.username,
      password: request.body.password,
      address: request.ip,
      limits: { maxFailures: deps.config.loginMaxFailures, windowMinutes: deps.config.loginWindowMinutes, sessionHours: deps.config.sessionHours },
    });
    const cookieOptions = { path: '/', sameSite: 'strict' as const, secure: deps.config.secureCookies, expires: new Date(result.expiresAt) };
    reply.setCookie(SESSION_COOKIE, result.token, { ...cookieOptions, httpOnly: true });
    reply.setCookie(CSRF_COOKIE, result.csrfToken, { ...cookieOptions, httpOnly: false });
    const user = await service.getUser({ ...ctx, actor: { kind: 'user', id: result.user.id, name: result.user.username, grants: [] } }, result.user.id);
    return { token: result.token, csrfToken: result.csrfToken, expiresAt: result.expiresAt, user: presentUser(user) };
  });

  app.post('/api/v1/auth/logout', { schema: { tags: authTags, summary: 'End this session (or revoke the bearer token used)', response: { 204: Type.Null() } } }, async (request, reply) => {
    const tokenId = request.authentication!.tokenId;
    await logOut(serviceContext(request), tokenId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/v1/me', { schema: { tags: authTags, summary: 'The logged-in user with their grants', response: { 200: UserSchema } } }, async (request) =>
    presentUser(await service.getUser(serviceContext(request), requireActor(request).id)),
  );

  app.post('/api/v1/me/password', { schema: { tags: authTags, summary: 'Change your own password (other sessions end)', body: ChangeOwnPasswordBody, response: { 204: Type.Null() } } }, async (request, reply) => {
    await service.changeOwnPassword(serviceContext(request), { ...request.body, keepTokenId: request.authentication?.tokenId });
    return reply.status(204).send(null);
  });

  app.get('/api/v1/users', { schema: { tags: userTags, summary: 'Users you manage; Accept: text/csv streams them', querystring: ListUsersQuery, response: { 200: UserListResponse } } }, async (request, reply) => {
    const ctx = serviceContext(request);
    const { within, limit, cursor } = request.query;
    if (wantsCsv(request)) {
      const rows = paged(async (after: ReturnType<typeof presentUser> | undefined, pageSize) =>
        (await service.listUsers(ctx, { within, limit: pageSize, after: after?.username })).map(presentUser),
      );
      return sendCsv(reply, 'users.csv', USER_CSV_COLUMNS, rows);
    }
    const users = await service.listUsers(ctx, { within, limit: limit + 1, after: cursor });
    const page = users.slice(0, limit);
    return { items: page.map(presentUser), nextCursor: users.length > limit ? page[page.length - 1]!.username : null };
  });

  app.post('/api/v1/users', { schema: { tags: userTags, summary: 'Create a user', body: CreateUserBody, response: { 201: UserSchema } } }, async (request, reply) => {
    const user = await service.createUser(serviceContext(request), request.body);
    return reply.status(201).send(presentUser(user));
  });

  app.get('/api/v1/users/:id', { schema: { tags: userTags, summary: 'One user', params: UserIdParam, response: { 200: UserSchema } } }, async (request) =>
    presentUser(await service.getUser(serviceContext(request), request.params.id)),
  );

  app.post('/api/v1/users/:id/grants', { schema: { tags: userTags, summary: 'Grant a role over a jurisdiction subtree', params: UserIdParam, body: GrantRoleBody, response: { 201: GrantSchema } } }, async (request, reply) => {
    const grant = await service.grantRole(serviceContext(request), { userId: request.params.id, ...request.body });
    return reply.status(201).send({ id: grant.id, role: grant.role, jurisdictionCode: grant.jurisdictionCode, jurisdictionName: grant.jurisdictionName, department: grant.department ?? null });
  });

  app.delete('/api/v1/users/:id/grants/:grantId', { schema: { tags: userTags, summary: 'Revoke a grant', params: GrantParams, response: { 204: Type.Null() } } }, async (request, reply) => {
    await service.revokeRole(serviceContext(request), { userId: request.params.id, grantId: request.params.grantId });
    return reply.status(204).send(null);
  });

  app.post('/api/v1/users/:id/deactivate', { schema: { tags: userTags, summary: 'Deactivate (ends all sessions and tokens)', params: UserIdParam, response: { 200: UserSchema } } }, async (request) =>
    presentUser(await service.setUserActive(serviceContext(request), request.params.id, false)),
  );

  app.post('/api/v1/users/:id/activate', { schema: { tags: userTags, summary: 'Activate again', params: UserIdParam, response: { 200: UserSchema } } }, async (request) =>
    presentUser(await service.setUserActive(serviceContext(request), request.params.id, true)),
  );

  app.post('/api/v1/users/:id/password', { schema: { tags: userTags, summary: 'Reset a password (the user must change it at next log-in)', params: UserIdParam, body: ResetPasswordBody, response: { 204: Type.Null() } } }, async (request, reply) => {
    await service.resetPassword(serviceContext(request), { userId: request.params.id, newPassword: request.body.newPassword });
    return reply.status(204).send(null);
  });

  app.get('/api/v1/users/:id/tokens', { schema: { tags: userTags, summary: 'Sessions and API tokens of a user', params: UserIdParam, response: { 200: TokenListResponse } } }, async (request) => ({
    items: (await service.listUserTokens(serviceContext(request), request.params.id)).map(presentToken),
  }));

  app.post('/api/v1/users/:id/tokens', { schema: { tags: userTags, summary: 'Issue an API token (shown once)', params: UserIdParam, body: IssueTokenBody, response: { 201: IssuedTokenResponse } } }, async (request, reply) => {
    const { token, secret } = await service.issueApiToken(serviceContext(request), { userId: request.params.id, ...request.body });
    return reply.status(201).send({ id: token.id, name: token.name, token: secret, expiresAt: token.expiresAt });
  });

  app.delete('/api/v1/tokens/:id', { schema: { tags: userTags, summary: 'Revoke a session or API token', params: TokenIdParam, response: { 204: Type.Null() } } }, async (request, reply) => {
    await service.revokeApiToken(serviceContext(request), request.params.id);
    return reply.status(204).send(null);
  });
};
