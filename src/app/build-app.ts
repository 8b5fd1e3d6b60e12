import type { FastifyInstance } from 'fastify';
import { createHttpServer } from '../platform/http/server.js';
import type { PlatformDeps } from '../platform/deps.js';
import { authenticateRequest } from '../accounts/authenticate.js';
import { accountRoutes } from '../accounts/routes.js';
import { jurisdictionRoutes } from '../jurisdictions/routes.js';
import { directoryRoutes } from '../directory/routes.js';
import { monitoringRoutes } from '../monitoring/routes.js';
import { intakeRoutes } from '../intake/routes.js';
import { incidentRoutes } from '../incidents/routes.js';
import { metaRoutes } from './meta-routes.js';
import { signalRoutes } from '../signals/routes.js';
import { surveillanceRoutes } from '../surveillance/routes.js';
import { warningRoutes } from '../warnings/routes.js';
import { notificationRoutes } from '../notifications/routes.js';
import { publicInformationRoutes } from '../public/routes.js';
import { commandRoutes } from '../command/routes.js';
import { taskRoutes } from '../command/tasks/routes.js';
import { mutualAidRoutes } from '../mutual-aid/routes.js';
import { streamRoutes } from '../platform/events/stream-routes.js';
import { serveWebApp } from './web-app.js';
import { VERSION } from './version.js';

export interface BuildAppOptions {
  /** Serve the built web app at / (off for API-only tests). */
  readonly serveWeb?: boolean;
}

/** The whole HTTP application: platform plus every capability's routes. */
export async function buildApp(deps: PlatformDeps, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = await createHttpServer(deps, { authenticate: (request) => authenticateRequest(deps, request), version: VERSION });
  await app.register(metaRoutes);
  await app.register(accountRoutes);
  await app.register(jurisdictionRoutes);
  await app.register(directoryRoutes);
  await app.register(monitoringRoutes); // also registers the monitoring.poll job
  await app.register(intakeRoutes);
  await app.register(incidentRoutes);
  await app.register(surveillanceRoutes); // also registers the surveillance.detect job
  await app.register(notificationRoutes);
  await app.register(warningRoutes);
  await app.register(publicInformationRoutes);
  await app.register(commandRoutes);
  await app.register(taskRoutes);
  await app.register(mutualAidRoutes);
  // The processor runs in full server processes (with an event relay), not in bare test apps.
  await app.register(signalRoutes, { runProcessor: deps.eventRelay !== undefined });
  if (deps.eventRelay !== undefined) await app.register(streamRoutes, { relay: deps.eventRelay });
  if (options.serveWeb !== false) await serveWebApp(app);
  return app;
}
