import type { FastifyPluginAsync } from 'fastify';

/** Routes of risk-area designations, situation bulletins, shelters for the public portal. */
export const publicInformationRoutes: FastifyPluginAsync = async () => {};
