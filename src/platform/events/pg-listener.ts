import pg from 'pg';
import type { Logger } from '../logging.js';

export interface PgListenerOptions {
  /** The pool whose connection settings (URL, search_path, credentials) the listener copies. */
  readonly pool: pg.Pool;
  readonly channel: string;
  /** Called on every notification and after every (re)connect, when some may have been missed. */
  readonly onSignal: () => void;
  readonly log: Logger;
  /** Shown in pg_stat_activity, so operators (and tests) can find the listening session. */
  readonly applicationName?: string;
  /** First reconnect delay; doubles per failed attempt up to `maxBackoffMs`. */
  readonly minBackoffMs?: number;
  readonly maxBackoffMs?: number;
}

export interface PgListener {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A dedicated PostgreSQL session that LISTENs on one channel and reconnects with back-off when
 * the connection drops. It is not taken from the pool: a LISTEN session lives as long as the
 * process, and a pooled client would shrink the pool for good.
 */
export function createPgListener(options: PgListenerOptions): PgListener {
  const minBackoff = options.minBackoffMs ?? 250;
  const maxBackoff = options.maxBackoffMs ?? 30_000;
  let client: pg.Client | undefined;
  let stopped = true;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | undefined;

  function clientConfig(): pg.ClientConfig {
    // Pool-only settings (max, idle timeouts) mean nothing to a single client; pg ignores them.
    const { max: _max, idleTimeoutMillis: _idle, ...settings } = options.pool.options as pg.PoolConfig;
    return { ...settings, application_name: options.applicationName ?? 'seamless-events' };
  }

  function scheduleReconnect(): void {
    if (stopped || retryTimer !== undefined) return;
    const delay = Math.min(maxBackoff, minBackoff * 2 ** failures);
    failures += 1;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, delay);
    retryTimer.unref();
  }

  function onLost(lost: pg.Client, error?: Error): void {
    if (client !== lost) return;
    client = undefined;
    lost.removeAllListeners('notification');
    lost.end().catch(() => undefined);
    if (stopped) return;
    options.log.warn({ err: error }, 'event listener connection lost; reconnecting');
    scheduleReconnect();
  }

  async function connect(): Promise<void> {
    if (stopped) return;
    const next = new pg.Client(clientConfig());
    next.on('error', (error) => onLost(next, error));
    next.on('end', () => onLost(next));
    next.on('notification', (message) => {
      if (message.channel === options.channel) options.onSignal();
    });
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN "${options.channel}"`);
    } catch (error) {
      if (client === next) {
        client = undefined;
        next.end().catch(() => undefined);
        if (!stopped) {
          options.log.warn({ err: error }, 'event listener could not connect; retrying');
          scheduleReconnect();
        }
      }
      return;
    }
    if (stopped) {
      await next.end().catch(() => undefined);
      return;
    }
    failures = 0;
    // Anything committed while we were not listening is still in the table: look now.
    options.onSignal();
  }

  return {
    async start() {
      if (!stopped) return;
      stopped = false;
      await connect();
    },
    async stop() {
      stopped = true;
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      retryTimer = undefined;
      const current = client;
      client = undefined;
      if (current !== undefined) await current.end().catch(() => undefined);
    },
  };
}
