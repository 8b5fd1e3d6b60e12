import type { CsvColumn } from '../platform/http/csv.js';
import type { Delivery } from './model.js';
import type { Subscription } from './subscription-model.js';
import type { Webhook } from './webhook-store.js';

export function presentSubscription(s: Subscription) {
  return {
    id: s.id,
    channel: s.channel,
    address: s.address,
    language: s.language,
    minColour: s.minColour,
    categories: [...s.categories],
    area: s.area.kind === 'polygon' ? { kind: 'polygon' as const, polygon: s.area.polygon.map(([lat, lon]) => [lat, lon] as [number, number]) } : s.area,
    isConfirmed: s.isConfirmed,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

/** The secret is shown only when `withSecret` (creation, rotation). */
export function presentWebhook(w: Webhook, withSecret = false) {
  return {
    id: w.id,
    name: w.name,
    url: w.url,
    categories: [...w.categories],
    isActive: w.isActive,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
    ...(withSecret ? { secret: w.secret } : {}),
  };
}

/** A receipt: what was sent where, how often, and what the far end answered. The body stays in the database. */
export function presentDelivery(d: Delivery) {
  return {
    id: d.id,
    channel: d.channel,
    address: d.address,
    kind: d.kind,
    ref: d.refType === null ? null : { type: d.refType, id: d.refId },
    language: d.language,
    subject: d.subject,
    state: d.state,
    attempts: d.attempts,
    maxAttempts: d.maxAttempts,
    nextAttemptAt: d.nextAttemptAt,
    lastError: d.lastError,
    lastResponseCode: d.lastResponseCode,
    providerId: d.providerId,
    createdAt: d.createdAt,
    firstAttemptAt: d.firstAttemptAt,
    lastAttemptAt: d.lastAttemptAt,
    deliveredAt: d.deliveredAt,
  };
}

export const DELIVERY_CSV_COLUMNS: readonly CsvColumn<Delivery>[] = [
  { header: 'id', value: (d) => d.id },
  { header: 'channel', value: (d) => d.channel },
  { header: 'address', value: (d) => d.address },
  { header: 'kind', value: (d) => d.kind },
  { header: 'ref_type', value: (d) => d.refType },
  { header: 'ref_id', value: (d) => d.refId },
  { header: 'state', value: (d) => d.state },
  { header: 'attempts', value: (d) => d.attempts },
  { header: 'last_error', value: (d) => d.lastError },
  { header: 'last_response_code', value: (d) => d.lastResponseCode },
  { header: 'provider_id', value: (d) => d.providerId },
  { header: 'created_at', value: (d) => d.createdAt },
  { header: 'first_attempt_at', value: (d) => d.firstAttemptAt },
  { header: 'last_attempt_at', value: (d) => d.lastAttemptAt },
  { header: 'delivered_at', value: (d) => d.deliveredAt },
];
