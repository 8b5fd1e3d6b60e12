import type { ServiceContext, UnitOfWork } from '../platform/context.js';
import type { ChannelProgress, DisseminateAlertProps, NotificationRef, NotifyUnitProps, NotifyUsersProps } from './contract.js';

// CONTRACT ONLY: the notifications helper replaces these bodies with the real service.
// Other rooms import these four functions with exactly these signatures.

/** Enqueues in-app (+ SSE, + e-mail/SMS where the user opted in) notifications to users, inside `unit`. */
export async function notifyUsers(ctx: ServiceContext, unit: UnitOfWork, props: NotifyUsersProps): Promise<{ enqueued: number }> {
  void ctx; void unit; void props;
  throw new Error('notifications: not built yet');
}

/** Enqueues notifications to the officers of one unit (grants exactly at the code), inside `unit`. */
export async function notifyUnit(ctx: ServiceContext, unit: UnitOfWork, props: NotifyUnitProps): Promise<{ enqueued: number }> {
  void ctx; void unit; void props;
  throw new Error('notifications: not built yet');
}

/** Matches subscribers of an alert's area (spatial index + codes) and enqueues their deliveries, inside `unit`. */
export async function disseminateAlert(ctx: ServiceContext, unit: UnitOfWork, props: DisseminateAlertProps): Promise<{ enqueued: number }> {
  void ctx; void unit; void props;
  throw new Error('notifications: not built yet');
}

/** Delivery counts per channel and state for one alert, order or task. */
export async function getDeliveryProgress(ctx: ServiceContext, ref: NotificationRef): Promise<ChannelProgress[]> {
  void ctx; void ref;
  throw new Error('notifications: not built yet');
}
