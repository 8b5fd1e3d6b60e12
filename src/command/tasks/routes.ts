import type { FastifyPluginAsync } from 'fastify';

/** Routes of joint cross-department task boards per incident and liaison assignments. */
export const taskRoutes: FastifyPluginAsync = async () => {};
