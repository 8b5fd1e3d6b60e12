import type { Db, DialectName } from '../platform/db/database.js';
import type { Logger } from '../platform/logging.js';
import type { ChannelName, Delivery, SendOutcome, BackoffPolicy } from './model.js';
import { backoffSeconds, stateAfter } from './model.js';
import { claimDue, recordResults, type DeliveryResult } from './delivery-store.js';
import { TokenBucket } from './token-bucket.js';
import type { NotificationChannel } from './channels/channel.js';

export interface DispatcherOptions {
  readonly db: Db;
  readonly dialect: DialectName;
  readonly channels: readonly NotificationChannel[];
  readonly backoff: BackoffPolicy;
  readonly log: Logger;
  readonly nowMs: () => number;
  /** In [0, 1): jitter for the back-off. */
  readonly random?: () => number;
}

/** Deliveries a channel claims per pass: enough to keep its sends in flight busy. */
function batchSize(channel: NotificationChannel): number {
  return Math.max(1, channel.limits.concurrency * 16);
}

/**
 * How long a claim holds: the worst case of a whole batch timing out in turn, twice over. A
 * process that dies mid-pass leaves its rows `sending`; once the lock runs out another claims them.
 */
export function claimLockMs(channel: NotificationChannel): number {
  const rounds = Math.ceil(batchSize(channel) / channel.limits.concurrency);
  return rounds * channel.limits.timeoutMs * 2 + 30_000;
}

/**
 * Claims due deliveries channel by channel, sends them within each channel's rate, concurrency
 * and timeout, and records every receipt. Channels never wait on each other: each pass is per
 * channel, and a slow or failing channel only delays its own queue.
 */
export class Dispatcher {
  private readonly buckets = new Map<ChannelName, TokenBucket>();
  private readonly busy = new Set<ChannelName>();
  private readonly random: () => number;

  constructor(private readonly options: DispatcherOptions) {
    this.random = options.random ?? Math.random;
    for (const channel of options.channels) {
      this.buckets.set(channel.name, new TokenBucket(channel.limits.ratePerSecond, channel.limits.burst, options.nowMs()));
    }
  }

  get channels(): readonly NotificationChannel[] {
    return this.options.channels;
  }

  /** Milliseconds until the channel's bucket has a token again. */
  throttleWaitMs(name: ChannelName): number {
    return this.buckets.get(name)?.waitMs(this.options.nowMs()) ?? 0;
  }

  /** One pass over one channel: returns how many deliveries it attempted (0 when idle, throttled or already busy). */
  async runChannel(channel: NotificationChannel): Promise<number> {
    if (this.busy.has(channel.name)) return 0;
    this.busy.add(channel.name);
    try {
      const { db, dialect, nowMs } = this.options;
      const bucket = this.buckets.get(channel.name)!;
      const wanted = Math.min(batchSize(channel), bucket.available(nowMs()));
      if (wanted === 0) return 0;
      const now = nowMs();
      const claimed = await claimDue(db, dialect, channel.name, wanted, new Date(now).toISOString(), new Date(now + claimLockMs(channel)).toISOString());
      bucket.take(claimed.length, nowMs());
      const results: DeliveryResult[] = [];
      await runPool(claimed, channel.limits.concurrency, async (delivery) => {
        results.push(await this.deliver(channel, delivery));
      });
      // A process that dies before this commit leaves the pass's rows `sending`: they are sent
      // again after the lock (at least once; receivers drop repeats by the delivery id).
      await recordResults(db, results, new Date(nowMs()).toISOString());
      for (const r of results) {
        if (r.state === 'dead') this.options.log.warn({ delivery: r.id, channel: channel.name, error: r.error }, 'delivery moved to the dead letters');
      }
      return claimed.length;
    } finally {
      this.busy.delete(channel.name);
    }
  }

  /** One pass over every channel at once. */
  async dispatchOnce(): Promise<Record<string, number>> {
    const counts = await Promise.all(this.options.channels.map(async (c) => [c.name, await this.runChannel(c)] as const));
    return Object.fromEntries(counts);
  }

  /** Passes until nothing is due now (tests, the backstop job); bounded so a flood cannot hold it forever. */
  async drain(maxPasses = 1000): Promise<number> {
    let total = 0;
    for (let pass = 0; pass < maxPasses; pass++) {
      const counts = await this.dispatchOnce();
      const sent = Object.values(counts).reduce((a, b) => a + b, 0);
      total += sent;
      if (sent === 0) break;
    }
    return total;
  }

  private async deliver(channel: NotificationChannel, delivery: Delivery): Promise<DeliveryResult> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), channel.limits.timeoutMs);
    let outcome: SendOutcome;
    try {
      outcome = await channel.send(delivery, controller.signal);
    } catch (error) {
      // A plugin bug must not lose the delivery: count it as a failed attempt.
      outcome = { ok: false, retryable: true, error: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
    const state = stateAfter(outcome, delivery.attempts, delivery.maxAttempts);
    const delayMs = state === 'failed' ? backoffSeconds(this.options.backoff, delivery.attempts, this.random()) * 1000 : 0;
    return {
      id: delivery.id,
      state,
      nextAttemptAt: new Date(this.options.nowMs() + delayMs).toISOString(),
      error: outcome.ok ? null : outcome.error.slice(0, 1000),
      responseCode: outcome.responseCode ?? null,
      providerId: outcome.ok ? (outcome.providerId ?? null) : null,
    };
  }
}

/** Runs `work` over `items` with at most `limit` at once. */
async function runPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(workers);
}
