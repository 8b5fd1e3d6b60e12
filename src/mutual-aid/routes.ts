import type { FastifyPluginAsync } from 'fastify';

/** Routes of pairing assistance and EDXL-RM mutual-aid requests between regions. */
export const mutualAidRoutes: FastifyPluginAsync = async () => {};
