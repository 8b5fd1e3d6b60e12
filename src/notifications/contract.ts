import type { WarningColour } from '../core/warning-levels.js';
import type { Role } from '../core/roles.js';

/**
 * What other rooms hand the shared notification service. Everything is enqueued inside the
 * caller's unit of work (same transaction as the alert, order or task it is about), so an
 * accepted alert or order is never lost; a dispatcher job delivers it afterwards.
 */

export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}

/** What a notification is about, for delivery progress and receipts (`alert`, `order`, `task`…). */
export interface NotificationRef {
  readonly type: string;
  readonly id: string;
}

interface NotificationContent {
  /** A stable kind, e.g. `order.reminder`, `order.escalation`, `task.assigned`. */
  readonly kind: string;
  readonly subject: LocalizedText;
  readonly body: LocalizedText;
  /** A web-app link, e.g. `#/command/ord_…`. */
  readonly link?: string;
  readonly ref?: NotificationRef;
  /** Same key → enqueued once (reminders re-run by a job must not notify twice). */
  readonly dedupeKey?: string;
}

export interface NotifyUsersProps extends NotificationContent {
  readonly userIds: readonly string[];
}

/** The officers of one unit: users holding a grant exactly at `jurisdictionCode` (optionally only these roles). */
export interface NotifyUnitProps extends NotificationContent {
  readonly jurisdictionCode: string;
  readonly roles?: readonly Role[];
}

/** Where an alert applies: any mix of jurisdiction codes, polygons and circles (CAP area semantics). */
export interface AlertAudienceArea {
  readonly jurisdictionCodes: readonly string[];
  /** Closed rings of [lat, lon] pairs, as in CAP. */
  readonly polygons: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  readonly circles: ReadonlyArray<{ readonly lat: number; readonly lon: number; readonly radiusKm: number }>;
}

export interface DisseminateAlertProps {
  readonly ref: NotificationRef;
  readonly area: AlertAudienceArea;
  /** CAP categories of the alert (Geo, Met, Health, …). */
  readonly categories: readonly string[];
  readonly colour: WarningColour;
  /** One message per language the alert carries; subscribers get their language or zh-CN. */
  readonly messages: ReadonlyArray<{ readonly language: 'zh-CN' | 'en'; readonly subject: string; readonly body: string }>;
  /** Public URL of the full CAP XML (`/public/alerts/{identifier}.xml`). */
  readonly capXmlUrl: string;
  readonly capXml: string;
}

export type DeliveryState = 'queued' | 'sending' | 'delivered' | 'failed' | 'dead';

export interface ChannelProgress {
  readonly channel: string;
  readonly counts: Readonly<Record<DeliveryState, number>>;
}
