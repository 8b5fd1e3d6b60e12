import type { EventRelay } from '../platform/events/relay.js';
import type { Logger } from '../platform/logging.js';
import type { Dispatcher } from './dispatcher.js';
import type { NotificationChannel } from './channels/channel.js';
import { DELIVERIES_QUEUED_EVENT } from './service.js';

export interface DispatchRunner {
  /** Runs a pass on every channel now (after an enqueue in this process). */
  wake(): void;
  /** Stops claiming and waits for the sends in flight to be recorded. */
  stop(): Promise<void>;
}

const IDLE_POLL_MS = 1000;

/**
 * The dispatcher's loop in a server process: one independent loop per channel (a channel that
 * times out never holds up the others), woken at once when any process queues deliveries (the
 * event crosses processes by LISTEN/NOTIFY), else every second (retries coming due).
 */
export function startDispatchRunner(dispatcher: Dispatcher, relay: EventRelay | undefined, log: Logger): DispatchRunner {
  let stopped = false;
  const loops = dispatcher.channels.map((channel) => channelLoop(channel));

  function channelLoop(channel: NotificationChannel) {
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> | undefined;
    let again = false;
    const run = (): void => {
      if (stopped) return;
      if (running !== undefined) {
        again = true;
        return;
      }
      if (timer !== undefined) clearTimeout(timer);
      running = (async () => {
        let delay = IDLE_POLL_MS;
        try {
          do {
            again = false;
            const sent = await dispatcher.runChannel(channel);
            if (sent > 0) again = true;
          } while (again && !stopped);
          const wait = dispatcher.throttleWaitMs(channel.name);
          if (wait > 0) delay = Math.min(IDLE_POLL_MS, wait);
        } catch (error) {
          log.error({ err: error, channel: channel.name }, 'dispatch pass failed; retrying');
        } finally {
          running = undefined;
          if (!stopped) {
            timer = setTimeout(run, delay);
            timer.unref();
          }
        }
      })();
    };
    return {
      run,
      async stop() {
        if (timer !== undefined) clearTimeout(timer);
        await running;
      },
    };
  }

  const unsubscribe = relay?.subscribe((event) => {
    if (event.type === DELIVERIES_QUEUED_EVENT) for (const loop of loops) loop.run();
  });
  for (const loop of loops) loop.run();
  return {
    wake: () => loops.forEach((loop) => loop.run()),
    async stop() {
      stopped = true;
      unsubscribe?.();
      await Promise.all(loops.map((loop) => loop.stop()));
      await Promise.all(dispatcher.channels.map((c) => c.close?.()));
    },
  };
}
