import type { FastifyInstance } from 'fastify';
import { systemActor } from '../core/actor.js';
import type { ServiceContext } from '../platform/context.js';
import { processPendingSignals } from './processor.js';

const POLL_MS = 2000;
const WAKE_EVENTS = new Set(['report.received', 'monitoring.items_received']);

/**
 * Runs the signal processor in this server process: on a timer as a safety net, and at once when
 * the event relay reports new reports or monitored items. Runs never overlap within a process;
 * across processes each item is claimed by exactly one unit of work.
 */
export function startSignalRunner(app: FastifyInstance): void {
  const deps = app.deps;
  const ctx: ServiceContext = {
    actor: systemActor('signal-processor'),
    db: deps.database.db,
    dialect: deps.database.dialect,
    clock: deps.clock,
    log: deps.log.child({ module: 'signals' }),
    auditKey: deps.config.auditKey,
    onEventsCommitted: deps.onEventsCommitted,
  };
  let running = false;
  let again = false;
  let stopped = false;
  const run = async (): Promise<void> => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const result = await processPendingSignals(ctx);
        if (result.processed > 0) ctx.log.info({ ...result }, 'signals processed');
        if (result.processed >= 200) again = true;
      } while (again && !stopped);
    } catch (error) {
      ctx.log.error({ err: error }, 'signal processing failed; retrying on the next tick');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void run(), POLL_MS);
  timer.unref();
  const unsubscribe = deps.eventRelay?.subscribe((event) => {
    if (WAKE_EVENTS.has(event.type)) void run();
  });
  app.addHook('onClose', async () => {
    stopped = true;
    clearInterval(timer);
    unsubscribe?.();
    while (running) await new Promise((resolve) => setTimeout(resolve, 20));
  });
}
