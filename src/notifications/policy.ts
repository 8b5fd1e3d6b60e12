import { grantsCovering, type Actor } from '../core/actor.js';
import type { Role } from '../core/roles.js';

const ROOT_PATH = '/000000000000/';

/** Roles that watch delivery progress of what they issue (alerts, orders, tasks): counts only. */
export const PROGRESS_READERS: readonly Role[] = ['admin', 'commander', 'duty_officer', 'analyst', 'department_officer'];

/**
 * Webhook endpoints, the delivery log and the dead letters are national operations: they hold
 * the addresses (e-mail, phone) of every subscriber across the country, so only an admin whose
 * grant is at the country root may see or change them.
 */
export function canOperateDelivery(actor: Actor): boolean {
  return actor.kind === 'system' || grantsCovering(actor, ROOT_PATH, ['admin']).some((g) => g.jurisdictionPath === ROOT_PATH);
}

/** Delivery counts per channel carry no personal data: every officer role may read them. */
export function canReadDeliveryProgress(actor: Actor): boolean {
  return actor.kind === 'system' || actor.grants.some((g) => PROGRESS_READERS.includes(g.role));
}

/** Any logged-in user keeps their own subscriptions; a webhook channel needs the delivery operator. */
export function canSubscribeWith(actor: Actor, channel: string): boolean {
  return channel === 'webhook' ? canOperateDelivery(actor) : actor.kind === 'user' || actor.kind === 'system';
}

/** Only the owner changes or removes a subscription. */
export function ownsSubscription(actor: Actor, ownerUserId: string | null): boolean {
  return ownerUserId !== null && actor.id === ownerUserId;
}
