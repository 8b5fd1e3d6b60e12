import type { ResourceKind, ResourceType } from './resource-types.js';

/**
 * One EDXL-RM 1.0 message as plain data (DOMAIN.md §3). Each step of a request's lifecycle is
 * recorded as the message it corresponds to, so the exchange with another system is the same
 * record the board shows:
 *
 *   request           → RequestResource
 *   offer             → ResponseToRequestResource (ResponseType Accept) — or OfferUnsolicitedResource when imported without a request
 *   commit            → CommitResource
 *   decline, withdraw, cancel, dispatch, arrive, status report → ReportResourceDeploymentStatus
 *   release           → ReleaseResource
 *   return            → RequestReturn (the owner takes the resource back)
 */
export const RM_NAMESPACE = 'urn:oasis:names:tc:emergency:EDXL:RM:1.0:msg';
export const RM_TYPES_NAMESPACE = 'urn:oasis:names:tc:emergency:EDXL:RM:1.0';

export const RM_MESSAGE_TYPES = [
  'RequestResource',
  'ResponseToRequestResource',
  'OfferUnsolicitedResource',
  'CommitResource',
  'ReleaseResource',
  'RequestReturn',
  'ReportResourceDeploymentStatus',
] as const;
export type RmMessageType = (typeof RM_MESSAGE_TYPES)[number];

export function isRmMessageType(value: string): value is RmMessageType {
  return (RM_MESSAGE_TYPES as readonly string[]).includes(value);
}

/** EDXL-RM ScheduleType values used here. */
export const SCHEDULE_TYPES = ['RequestedArrival', 'EstimatedArrival', 'ActualArrival', 'RequestedReturn', 'EstimatedReturn', 'ActualReturn', 'RequestedDeparture', 'ActualDeparture'] as const;
export type ScheduleType = (typeof SCHEDULE_TYPES)[number];

export interface RmSchedule {
  readonly type: ScheduleType;
  /** ISO-8601 with a zone. */
  readonly at: string;
  readonly location: string | null;
}

export const RESPONSE_TYPES = ['Accept', 'Decline', 'Provisional'] as const;
export type ResponseType = (typeof RESPONSE_TYPES)[number];

/** The unit that sends the message: its name and jurisdiction code (written "GB/T 2260:<code>"). */
export interface RmContact {
  readonly role: 'Requester' | 'Sender' | 'Approver';
  readonly code: string;
  readonly name: string;
}

export interface RmResource {
  /** ResourceInfoElementID: the offer id for offer-level messages, else the request id. */
  readonly infoElementId: string;
  readonly name: string;
  readonly kind: ResourceKind;
  readonly type: ResourceType | null;
  readonly quantity: number;
  readonly unit: string;
  readonly description: string | null;
  /** ResponseType (ResponseToRequestResource) */
  readonly responseType: ResponseType | null;
  /** ResourceStatus/DeploymentStatus: Committed, Dispatched, Arrived, Released, Returned, Declined, Withdrawn, Cancelled, or a report's own text. */
  readonly deploymentStatus: string | null;
  /** PriceQuote: cost per unit and currency. */
  readonly unitCost: number | null;
  readonly currency: string | null;
  readonly schedules: readonly RmSchedule[];
}

export interface RmMessage {
  readonly type: RmMessageType;
  readonly messageId: string;
  readonly sentAt: string;
  /** The RequestResource this exchange started with (absent on the request itself and on unsolicited offers). */
  readonly originatingMessageId: string | null;
  /** The message this one answers or follows. */
  readonly precedingMessageId: string | null;
  readonly incidentId: string | null;
  readonly description: string | null;
  readonly contact: RmContact;
  readonly resource: RmResource;
}
