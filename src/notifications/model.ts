import type { DeliveryState } from './contract.js';

/** The channels the dispatcher knows; each is a plugin in `channels/`. */
export const CHANNEL_NAMES = ['in_app', 'email', 'sms', 'webhook'] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

export const DELIVERY_STATES: readonly DeliveryState[] = ['queued', 'sending', 'delivered', 'failed', 'dead'];

export function isChannelName(value: string): value is ChannelName {
  return (CHANNEL_NAMES as readonly string[]).includes(value);
}

/** One queued message to one address on one channel, as the dispatcher hands it to a channel. */
export interface Delivery {
  readonly id: string;
  readonly channel: ChannelName;
  readonly address: string;
  readonly kind: string;
  readonly refType: string | null;
  readonly refId: string | null;
  readonly language: 'zh-CN' | 'en';
  readonly subject: string;
  readonly body: string;
  readonly link: string | null;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly subscriptionId: string | null;
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly nextAttemptAt: string;
  readonly lastError: string | null;
  readonly lastResponseCode: string | null;
  readonly providerId: string | null;
  readonly jurisdictionCode: string | null;
  readonly createdAt: string;
  readonly firstAttemptAt: string | null;
  readonly lastAttemptAt: string | null;
  readonly deliveredAt: string | null;
}

/** What a channel reports for one send. `retryable` failures are tried again; permanent ones go to the dead letters. */
export type SendOutcome =
  | { readonly ok: true; readonly responseCode?: string; readonly providerId?: string }
  | { readonly ok: false; readonly retryable: boolean; readonly error: string; readonly responseCode?: string };

export interface BackoffPolicy {
  /** Delay before the first retry, seconds. */
  readonly baseSeconds: number;
  /** Longest delay between two attempts, seconds. */
  readonly maxSeconds: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseSeconds: 30, maxSeconds: 3600 };

/**
 * Seconds to wait after failed attempt number `attempt` (1-based): base·2^(attempt−1) capped at
 * the maximum, then "equal jitter" (half fixed, half random) so that many deliveries failing at
 * once (a gateway outage) do not all retry in the same second. `random` is in [0, 1).
 */
export function backoffSeconds(policy: BackoffPolicy, attempt: number, random: number): number {
  const exponential = Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** Math.max(0, attempt - 1));
  return exponential / 2 + (exponential / 2) * random;
}

/** The state after a send: delivered, retried later, or dead (permanent, or out of attempts). */
export function stateAfter(outcome: SendOutcome, attempts: number, maxAttempts: number): 'delivered' | 'failed' | 'dead' {
  if (outcome.ok) return 'delivered';
  if (!outcome.retryable || attempts >= maxAttempts) return 'dead';
  return 'failed';
}

/** Picks the message in the subscriber's language, else zh-CN, else the first one. */
export function pickMessage<M extends { readonly language: string }>(messages: readonly M[], language: string): M | undefined {
  return messages.find((m) => m.language === language) ?? messages.find((m) => m.language === 'zh-CN') ?? messages[0];
}
