import type { FastifyPluginAsync } from 'fastify';

/** Routes of orders cascading down the hierarchy with acknowledgement, completion and escalation. */
export const commandRoutes: FastifyPluginAsync = async () => {};
