import type { FastifyPluginAsync } from 'fastify';
import { pairingRoutes } from './pairing-routes.js';
import { requestRoutes } from './request-routes.js';

/** Routes of pairing assistance and EDXL-RM mutual-aid requests between regions. */
export const mutualAidRoutes: FastifyPluginAsync = async (app) => {
  await app.register(pairingRoutes);
  await app.register(requestRoutes);
};
