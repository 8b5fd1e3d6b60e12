import type { FastifyPluginAsync } from 'fastify';

/** Routes of CAP 1.2 warnings: drafting, approval, publication, CAP XML import/export. */
export const warningRoutes: FastifyPluginAsync = async () => {};
