import type { DatabaseHandle } from '../db/database.js';
import type { Logger } from '../logging.js';
import type { StoredEvent } from './event.js';
import { latestEventSeq, readEventsSince } from './event-reader.js';
import { EVENTS_CHANNEL } from './outbox.js';
import { createPgListener, type PgListener } from './pg-listener.js';

export type EventListener = (event: StoredEvent) => void;

/**
 * Tails the `events` outbox by `seq` and hands each committed event to local subscribers (the
 * SSE streams, in-process reactions), in `seq` order and never twice.
 *
 * Tailing by `seq` is gap-free because `seq` order equals commit order: on PostgreSQL every unit
 * of work takes one advisory lock before it writes (audit/audit.ts `lockAppendOrder`), on
 * SQLite the write transaction is exclusive. A rolled-back transaction leaves a hole in the
 * numbers, never an event.
 */
export interface EventRelay {
  /** Begins at the newest committed event; resolves once it is listening. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Look at the table now (after a local commit; passed as `onEventsCommitted`). */
  wake(): void;
  /** Returns the unsubscribe function. A throwing listener is logged and skipped. */
  subscribe(listener: EventListener): () => void;
  /** Committed events after `afterSeq`, oldest first: replay for reconnecting clients. */
  readSince(afterSeq: number, limit: number): Promise<StoredEvent[]>;
  latestSeq(): Promise<number>;
}

export interface EventRelayOptions {
  readonly database: DatabaseHandle;
  readonly log: Logger;
  /** Safety-net poll; notifications and `wake()` do the real work. Default 3 s. */
  readonly pollMs?: number;
  /** Events read per query. */
  readonly batchSize?: number;
  /** PostgreSQL application_name of the LISTEN session. */
  readonly applicationName?: string;
}

export function createEventRelay(options: EventRelayOptions): EventRelay {
  const { database, log } = options;
  const pollMs = options.pollMs ?? 3_000;
  const batchSize = options.batchSize ?? 500;
  const listeners = new Set<EventListener>();
  let lastSeq = 0;
  let running = false;
  let pumping: Promise<void> | undefined;
  let dirty = false;
  let pollTimer: NodeJS.Timeout | undefined;
  let listener: PgListener | undefined;

  function deliver(event: StoredEvent): void {
    for (const fn of [...listeners]) {
      try {
        fn(event);
      } catch (error) {
        log.error({ err: error, seq: event.seq, type: event.type }, 'event listener failed');
      }
    }
  }

  async function pump(): Promise<void> {
    while (dirty && running) {
      dirty = false;
      let events: StoredEvent[];
      try {
        events = await readEventsSince(database.db, lastSeq, batchSize);
      } catch (error) {
        // The next poll or notification tries again; nothing is lost, the table keeps it.
        log.warn({ err: error }, 'event relay could not read the outbox');
        return;
      }
      for (const event of events) {
        if (!running) return;
        if (event.seq <= lastSeq) continue;
        lastSeq = event.seq;
        deliver(event);
      }
      if (events.length === batchSize) dirty = true;
    }
  }

  function wake(): void {
    dirty = true;
    if (!running || pumping !== undefined) return;
    pumping = pump().finally(() => {
      pumping = undefined;
      // A wake that arrived while the last read was in flight.
      if (dirty && running) wake();
    });
  }

  return {
    async start() {
      if (running) return;
      lastSeq = await latestEventSeq(database.db);
      running = true;
      pollTimer = setInterval(wake, pollMs);
      pollTimer.unref();
      if (database.dialect === 'postgres' && database.pool !== undefined) {
        listener = createPgListener({
          pool: database.pool,
          channel: EVENTS_CHANNEL,
          onSignal: wake,
          log,
          ...(options.applicationName !== undefined ? { applicationName: options.applicationName } : {}),
        });
        await listener.start();
      }
      wake();
    },
    async stop() {
      running = false;
      if (pollTimer !== undefined) clearInterval(pollTimer);
      pollTimer = undefined;
      await listener?.stop();
      listener = undefined;
      await pumping;
    },
    wake,
    subscribe(fn) {
      listeners.add(fn);
      return () => {
        listeners.delete(fn);
      };
    },
    readSince: (afterSeq, limit) => readEventsSince(database.db, afterSeq, limit),
    latestSeq: () => latestEventSeq(database.db),
  };
}
