import { InvalidInputError } from '../core/errors.js';
import type { OfferStatus, RequestStatus } from './lifecycle.js';
import { isResourceKind, isResourceType, type ResourceKind, type ResourceType } from './resource-types.js';

/** A mutual-aid request from a unit (EDXL-RM RequestResource), NIMS-typed. */
export interface MutualAidRequest {
  readonly id: string;
  /** MA-<year>-<6+ digit sequence>. */
  readonly number: string;
  readonly requesterCode: string;
  readonly requesterPath: string;
  readonly incidentId: string | null;
  readonly resourceKind: ResourceKind;
  readonly resourceType: ResourceType | null;
  /** What is asked for, e.g. "ICU nurses", "N95 respirators". */
  readonly resourceName: string;
  readonly quantity: number;
  /** Unit of measure: persons, teams, boxes, tonnes… */
  readonly unit: string;
  /** The sum of the quantities committed from offers still holding (lifecycle.ts HOLDING_STATUSES). */
  readonly committedQuantity: number;
  readonly neededBy: string;
  readonly deliverTo: string;
  readonly notes: string | null;
  readonly status: RequestStatus;
  /** MessageID of the RequestResource that opened it. */
  readonly messageId: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** An offer from another region against a request (EDXL-RM ResponseToRequestResource). */
export interface Offer {
  readonly id: string;
  readonly requestId: string;
  readonly offererCode: string;
  readonly offererPath: string;
  readonly quantity: number;
  /** Set when committed: at most `quantity`. */
  readonly committedQuantity: number;
  readonly unitCost: number | null;
  readonly currency: string | null;
  /** Estimated arrival, ISO-8601. */
  readonly eta: string | null;
  readonly notes: string | null;
  readonly status: OfferStatus;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const REQUEST_LIMITS = {
  nameMax: 200,
  unitMax: 40,
  deliverToMax: 500,
  notesMax: 4000,
  quantityMax: 1e9,
  currencyPattern: /^[A-Z]{3}$/,
} as const;

export function checkQuantity(value: number, field: string): number {
  if (!Number.isFinite(value) || value <= 0) throw InvalidInputError.forField(field, 'must be greater than 0');
  if (value > REQUEST_LIMITS.quantityMax) throw InvalidInputError.forField(field, `must be at most ${REQUEST_LIMITS.quantityMax}`);
  return value;
}

/** An ISO-8601 timestamp with a zone; returned in UTC form. */
export function checkTimestamp(value: string, field: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw InvalidInputError.forField(field, `"${value}" is not a timestamp with a zone (e.g. 2020-02-12T08:00:00+08:00)`);
  }
  return new Date(value).toISOString();
}

// Shared with the other rooms' free-text fields; re-exported so this room's callers keep one import.
export { checkOptionalText, checkText } from '../core/text-input.js';

export function checkResourceTyping(kind: string, type: number | null | undefined): { kind: ResourceKind; type: ResourceType | null } {
  if (!isResourceKind(kind)) throw InvalidInputError.forField('resourceKind', `"${kind}" is not one of personnel, team, equipment, supply, facility`);
  if (type === null || type === undefined) return { kind, type: null };
  if (!isResourceType(type)) throw InvalidInputError.forField('resourceType', 'must be 1, 2, 3 or 4 (1 = most capable)');
  return { kind, type };
}

export function checkCurrency(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (!REQUEST_LIMITS.currencyPattern.test(value)) throw InvalidInputError.forField('currency', 'must be an ISO 4217 code such as CNY');
  return value;
}

/** MA-2020-000123. */
export function formatRequestNumber(year: number, sequence: number): string {
  return `MA-${year}-${String(sequence).padStart(6, '0')}`;
}

export function sequenceOfRequestNumber(number: string, year: number): number | undefined {
  const match = /^MA-(\d{4})-(\d{6,})$/.exec(number);
  if (match === null || Number(match[1]) !== year) return undefined;
  return Number(match[2]);
}

export function requestSnapshot(request: MutualAidRequest): Record<string, unknown> {
  return {
    number: request.number,
    requesterCode: request.requesterCode,
    resourceKind: request.resourceKind,
    resourceType: request.resourceType,
    resourceName: request.resourceName,
    quantity: request.quantity,
    unit: request.unit,
    committedQuantity: request.committedQuantity,
    neededBy: request.neededBy,
    deliverTo: request.deliverTo,
    status: request.status,
  };
}

export function offerSnapshot(offer: Offer): Record<string, unknown> {
  return {
    requestId: offer.requestId,
    offererCode: offer.offererCode,
    quantity: offer.quantity,
    committedQuantity: offer.committedQuantity,
    unitCost: offer.unitCost,
    currency: offer.currency,
    eta: offer.eta,
    status: offer.status,
  };
}
