import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { ROLES, DEPARTMENT_TYPES } from '../core/roles.js';
import { JURISDICTION_LEVELS } from '../core/jurisdiction-code.js';
import { VERSION } from './version.js';

const MetaResponse = Type.Object({
  version: Type.String(),
  mapTileUrl: Type.String(),
  roles: Type.Array(Type.String()),
  departmentTypes: Type.Array(Type.String()),
  levels: Type.Array(Type.String()),
});

/** Shared enumerations and client settings, so the web app and scripts never hard-code them. */
export const metaRoutes: FastifyPluginAsync = async (app) => {
  app.get('/api/v1/meta', { schema: { tags: ['meta'], summary: 'Version, enumerations and client settings', response: { 200: MetaResponse } } }, async (request) => ({
    version: VERSION,
    mapTileUrl: request.server.deps.config.mapTileUrl,
    roles: [...ROLES],
    departmentTypes: [...DEPARTMENT_TYPES],
    levels: [...JURISDICTION_LEVELS],
  }));
};
