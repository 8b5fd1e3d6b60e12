import { newId } from '../core/ids.js';
import type { UnitOfWork } from '../platform/context.js';
import type { NotificationDeliveriesTable } from '../platform/db/tables/notifications.js';
import type { NotificationRef } from './contract.js';
import type { ChannelName } from './model.js';
import { insertDeliveries } from './delivery-store.js';

/** Attempts before a delivery goes to the dead letters (first try + 7 retries ≈ 1 h with 30 s base back-off). */
export const DEFAULT_MAX_ATTEMPTS = 8;

/** One message to one address on one channel, before it is queued. */
export interface DeliveryDraft {
  readonly channel: ChannelName;
  readonly address: string;
  readonly kind: string;
  readonly ref?: NotificationRef | undefined;
  readonly language: 'zh-CN' | 'en';
  readonly subject: string;
  readonly body: string;
  readonly link?: string | undefined;
  readonly payload?: Readonly<Record<string, unknown>>;
  readonly subscriptionId?: string | undefined;
  /** Same key → queued once; combined with channel and address so each recipient is deduplicated. */
  readonly dedupeKey?: string | undefined;
  readonly jurisdictionCode?: string | undefined;
}

/** Queues deliveries in the caller's transaction: they exist exactly when the caller's change does. */
export async function enqueueDeliveries(unit: UnitOfWork, drafts: readonly DeliveryDraft[]): Promise<number> {
  const now = unit.now.toISOString();
  const ms = unit.now.getTime();
  const rows: NotificationDeliveriesTable[] = drafts.map((d) => ({
    id: newId(ms),
    channel: d.channel,
    address: d.address,
    kind: d.kind,
    ref_type: d.ref?.type ?? null,
    ref_id: d.ref?.id ?? null,
    language: d.language,
    subject: d.subject,
    body: d.body,
    link: d.link ?? null,
    payload_json: JSON.stringify(d.payload ?? {}),
    subscription_id: d.subscriptionId ?? null,
    dedupe_key: d.dedupeKey === undefined ? null : `${d.dedupeKey}|${d.channel}|${d.address}`,
    state: 'queued',
    attempts: 0,
    max_attempts: DEFAULT_MAX_ATTEMPTS,
    next_attempt_at: now,
    locked_until: null,
    last_error: null,
    last_response_code: null,
    provider_id: null,
    jurisdiction_code: d.jurisdictionCode ?? null,
    created_at: now,
    first_attempt_at: null,
    last_attempt_at: null,
    delivered_at: null,
    updated_at: now,
  }));
  return insertDeliveries(unit.tx, rows);
}
