import type { FastifyPluginAsync } from 'fastify';
import { riskAreaRoutes, publicRiskAreaRoutes } from '../warnings/risk-areas/routes.js';
import { bulletinRoutes, publicBulletinRoutes } from '../bulletins/routes.js';
import { facilityRoutes, publicShelterRoutes } from '../facilities/routes.js';
import type { PublicGuardLimits } from '../intake/public-guard.js';
import { createPublicReadGuard } from './read-guard.js';

export interface PublicInformationOptions {
  /** Per-address limits of the public reads, per process (tests lower them). */
  readonly publicReadLimits?: PublicGuardLimits;
}

/**
 * Risk-area designations, situation bulletins and shelters: the officers' APIs under /api/v1 and
 * their public faces under /public (no log-in, rate-limited per address). `GET /public` opens the
 * portal page of the web app.
 */
export const publicInformationRoutes: FastifyPluginAsync<PublicInformationOptions> = async (app, options) => {
  await app.register(riskAreaRoutes);
  await app.register(bulletinRoutes);
  await app.register(facilityRoutes);

  // One encapsulated scope, so the rate-limit hook covers exactly the public reads.
  await app.register(async (open) => {
    const guard = createPublicReadGuard(open.deps.clock, options.publicReadLimits);
    open.addHook('onRequest', async (request) => guard.admit(request.ip));
    await open.register(publicRiskAreaRoutes);
    await open.register(publicBulletinRoutes);
    await open.register(publicShelterRoutes);
  });

  // The portal is a page of the web app (hash routes): send /public there.
  app.get('/public', { config: { public: true }, schema: { hide: true } }, async (_request, reply) => reply.redirect('/#/public', 302));
};
