import type { ServiceContext } from '../platform/context.js';
import type { PlatformDeps } from '../platform/deps.js';
import { buildChannels } from './channels/build-channels.js';
import { Dispatcher } from './dispatcher.js';
import { startDispatchRunner, type DispatchRunner } from './dispatch-runner.js';
import { subscriberIndexFor } from './subscriber-index-cache.js';
import { systemServiceContext } from '../platform/system-context.js';

/** The backstop job: drains due deliveries every minute, once across processes. */
export const DISPATCH_JOB = 'notifications.dispatch';

export function notificationSystemContext(deps: PlatformDeps): ServiceContext {
  return systemServiceContext(deps, 'notifications');
}

export function createDispatcher(deps: PlatformDeps): Dispatcher {
  const ctx = notificationSystemContext(deps);
  return new Dispatcher({
    db: deps.database.db,
    dialect: deps.database.dialect,
    channels: buildChannels(ctx, deps.config.notifications),
    backoff: { baseSeconds: deps.config.notifications.retryBaseSeconds, maxSeconds: 3600 },
    log: ctx.log,
    nowMs: () => deps.clock.now().getTime(),
  });
}

/**
 * Starts delivering in this process: the per-channel loop (full server processes, which have an
 * event relay) and the backstop job on the shared queue. Returns the runner to stop at close.
 */
export async function startNotificationDispatch(deps: PlatformDeps): Promise<DispatchRunner | undefined> {
  if (deps.eventRelay === undefined) return undefined;
  const dispatcher = createDispatcher(deps);
  if (deps.jobs !== undefined) {
    await deps.jobs.work(DISPATCH_JOB, async () => {
      await dispatcher.drain(50);
    });
    await deps.jobs.schedule(DISPATCH_JOB, '1m');
  }
  const runner = startDispatchRunner(dispatcher, deps.eventRelay, deps.log.child({ module: 'notifications' }));
  const warmer = keepSubscriberIndexWarm(deps);
  return {
    wake: runner.wake,
    stop: async () => {
      warmer.stop();
      await runner.stop();
    },
  };
}

const INDEX_WARM_MS = 5000;

/**
 * Rebuilds this process's spatial index soon after subscriptions change, outside any
 * transaction. `disseminateAlert` still checks the revision inside its transaction (and
 * rebuilds if it must), but then it rarely has to: a rebuild inside the caller's transaction
 * would hold the append-order lock for the seconds a million subscribers take to load.
 */
function keepSubscriberIndexWarm(deps: PlatformDeps): { stop(): void } {
  const db = deps.database.db;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    subscriberIndexFor(db, db)
      .catch((error: unknown) => deps.log.warn({ err: error }, 'subscriber index refresh failed'))
      .finally(() => {
        running = false;
      });
  }, INDEX_WARM_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
