/** The service context background work runs under: the system actor of one module, on the app's platform. */
import { systemActor } from '../core/actor.js';
import type { ServiceContext } from './context.js';
import type { PlatformDeps } from './deps.js';

/** A context acting as `systemActor(actorName)`, logging under `module`; events it commits reach the app's relay. */
export function systemServiceContext(deps: PlatformDeps, module: string, actorName = module): ServiceContext {
  return {
    actor: systemActor(actorName),
    db: deps.database.db,
    dialect: deps.database.dialect,
    clock: deps.clock,
    log: deps.log.child({ module }),
    auditKey: deps.config.auditKey,
    onEventsCommitted: deps.onEventsCommitted,
  };
}
