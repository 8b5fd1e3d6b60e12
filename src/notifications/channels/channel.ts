import type { ChannelName, Delivery, SendOutcome } from '../model.js';

/** Throughput limits of one channel; the dispatcher enforces them, the plugin only sends. */
export interface ChannelLimits {
  /** Average sends per second (token bucket rate). */
  readonly ratePerSecond: number;
  /** Burst size (token bucket capacity). */
  readonly burst: number;
  /** Sends in flight at once. */
  readonly concurrency: number;
  /** A send not finished in this long is aborted and counted as a retryable failure. */
  readonly timeoutMs: number;
}

/**
 * One way of reaching people. A plugin sends one delivery and classifies the result; it never
 * touches the queue. `signal` aborts when the channel's timeout passes.
 */
export interface NotificationChannel {
  readonly name: ChannelName;
  readonly limits: ChannelLimits;
  send(delivery: Delivery, signal: AbortSignal): Promise<SendOutcome>;
  /** Releases connections (SMTP pool) at shutdown. */
  close?(): Promise<void>;
}

/**
 * How an HTTP status reads for delivery: 2xx delivered; 408, 425, 429 and 5xx are worth another
 * try; any other 4xx means the request itself is wrong and will stay wrong.
 */
export function classifyHttpStatus(status: number): SendOutcome {
  if (status >= 200 && status < 300) return { ok: true, responseCode: String(status) };
  const retryable = status === 408 || status === 425 || status === 429 || status >= 500;
  return { ok: false, retryable, error: `HTTP ${status}`, responseCode: String(status) };
}

/** A network failure or a timeout: the far end may be back soon. */
export function networkFailure(error: unknown, signal: AbortSignal): SendOutcome {
  if (signal.aborted) return { ok: false, retryable: true, error: 'timed out' };
  const code = (error as { code?: unknown; cause?: { code?: unknown } }).cause?.code ?? (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, retryable: true, error: typeof code === 'string' ? `${code}: ${message}` : message };
}
