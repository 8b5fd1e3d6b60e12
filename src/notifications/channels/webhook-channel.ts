import type { Delivery, SendOutcome } from '../model.js';
import type { Webhook } from '../webhook-store.js';
import { classifyHttpStatus, networkFailure, type ChannelLimits, type NotificationChannel } from './channel.js';
import { DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signBody } from './webhook-signature.js';

const WEBHOOK_CACHE_MS = 5000;

export interface WebhookChannelOptions {
  readonly limits: ChannelLimits;
  /** The registered endpoint a delivery's address names (looked up per send: edits apply at once). */
  readonly findWebhook: (id: string) => Promise<Webhook | undefined>;
  readonly nowMs: () => number;
}

/** The JSON a registered system receives; `timestamp` is inside the signed body so it cannot be replaced. */
export function webhookBody(delivery: Delivery, timestamp: number): string {
  return JSON.stringify({
    deliveryId: delivery.id,
    timestamp,
    kind: delivery.kind,
    ref: delivery.refType === null ? null : { type: delivery.refType, id: delivery.refId },
    language: delivery.language,
    subject: delivery.subject,
    body: delivery.body,
    link: delivery.link,
    ...delivery.payload,
  });
}

/** Signed JSON POSTs to registered systems (HMAC-SHA256, see docs/notifications.md for verifying). */
export function createWebhookChannel(options: WebhookChannelOptions): NotificationChannel {
  // Endpoints looked up in the last few seconds: an alert to one endpoint's many subscriptions
  // should not read the same row per delivery; an edit applies within the cache's lifetime.
  const cache = new Map<string, { hook: Webhook | undefined; at: number }>();
  const lookup = async (id: string): Promise<Webhook | undefined> => {
    const now = options.nowMs();
    const hit = cache.get(id);
    if (hit !== undefined && now - hit.at >= 0 && now - hit.at < WEBHOOK_CACHE_MS) return hit.hook;
    const hook = await options.findWebhook(id);
    if (cache.size > 1000) cache.clear();
    cache.set(id, { hook, at: now });
    return hook;
  };
  return {
    name: 'webhook',
    limits: options.limits,
    async send(delivery, signal): Promise<SendOutcome> {
      const hook = await lookup(delivery.address);
      if (hook === undefined) return { ok: false, retryable: false, error: `webhook ${delivery.address} is not registered` };
      if (!hook.isActive) return { ok: false, retryable: false, error: `webhook ${hook.id} is disabled` };
      const timestamp = Math.floor(options.nowMs() / 1000);
      const body = webhookBody(delivery, timestamp);
      try {
        const response = await fetch(hook.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            [SIGNATURE_HEADER]: signBody(hook.secret, body),
            [TIMESTAMP_HEADER]: String(timestamp),
            // Receivers drop repeats by this id: a retry after a lost response is the same delivery.
            [DELIVERY_HEADER]: delivery.id,
          },
          body,
          signal,
          redirect: 'manual',
        });
        await response.body?.cancel().catch(() => undefined);
        const outcome = classifyHttpStatus(response.status);
        return outcome.ok ? { ...outcome, providerId: response.headers.get('x-request-id') ?? undefined } : outcome;
      } catch (error) {
        return networkFailure(error, signal);
      }
    },
  };
}
