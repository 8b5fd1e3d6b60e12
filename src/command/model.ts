import { checkOptionalText, checkText } from '../core/text-input.js';
import { InvalidInputError } from '../core/errors.js';
import { JURISDICTION_LEVELS, type JurisdictionLevel } from '../core/jurisdiction-code.js';
import type { SeverityLevel } from '../core/incident-types.js';
import type { Intensity } from './intensity.js';

/** Text in both interface languages; English may be missing. */
export interface BilingualText {
  readonly zh: string;
  readonly en: string | null;
}

/**
 * Who an order is for. `subtree`: every unit below `rootCode` (the root too unless it is the
 * issuer) down to `downToLevel`; `level`: only the units of one level below `rootCode` (e.g.
 * every township under Hubei); `units`: a list of units.
 */
export type OrderTarget =
  | { readonly kind: 'subtree'; readonly rootCode: string; readonly downToLevel: JurisdictionLevel | null }
  | { readonly kind: 'level'; readonly rootCode: string; readonly level: JurisdictionLevel }
  | { readonly kind: 'units'; readonly codes: readonly string[] };

/**
 * `automatic`: every target unit receives the order at once. `manual`: the top units receive it
 * and each forwards it to its children after acknowledging (subtree targets only: a level or a
 * list is addressed directly).
 */
export type CascadeMode = 'manual' | 'automatic';
export const CASCADE_MODES = ['manual', 'automatic'] as const;

export interface LevelDeadline {
  readonly acknowledgeBy: string;
  readonly completeBy: string;
}

/** Deadlines by recipient level; every level the order reaches has one. */
export type Deadlines = Readonly<Partial<Record<JurisdictionLevel, LevelDeadline>>>;

export type OrderStatus = 'active' | 'withdrawn';

export interface Order {
  readonly id: string;
  readonly number: string;
  readonly issuerCode: string;
  readonly issuerPath: string;
  readonly title: BilingualText;
  readonly body: BilingualText;
  readonly actions: readonly BilingualText[];
  readonly evidenceRequired: readonly BilingualText[];
  readonly target: OrderTarget;
  readonly cascade: CascadeMode;
  readonly deadlines: Deadlines;
  readonly maxIntensity: Intensity;
  readonly incidentId: string | null;
  readonly incidentLevel: SeverityLevel | null;
  readonly escalationGraceMinutes: number;
  readonly status: OrderStatus;
  /** 1 at issue; each amendment or the withdrawal adds one, and every unit re-acknowledges. */
  readonly revision: number;
  readonly recipientCount: number;
  readonly issuedBy: string;
  readonly issuedAt: string;
  readonly updatedAt: string;
}

export interface Evidence {
  readonly kind: 'text' | 'link' | 'photo_ref';
  readonly value: string;
  readonly note: string | null;
}

export interface Recipient {
  readonly orderId: string;
  readonly unitCode: string;
  /** Path at issue time. */
  readonly unitPath: string;
  readonly parentCode: string | null;
  readonly level: JurisdictionLevel;
  readonly receivedAt: string | null;
  readonly ackRevision: number;
  readonly acknowledgedAt: string | null;
  readonly acknowledgedBy: string | null;
  readonly forwardedAt: string | null;
  readonly completedAt: string | null;
  readonly completedBy: string | null;
  readonly evidence: readonly Evidence[] | null;
  readonly ackDueAt: string;
  readonly completeDueAt: string;
}

export const RECIPIENT_STATES = ['pending', 'received', 'acknowledged', 'forwarded', 'completed'] as const;
/** `pending`: a manual cascade has not reached the unit yet. */
export type RecipientState = (typeof RECIPIENT_STATES)[number];

export const LIMITS = {
  titleMax: 200,
  bodyMax: 10_000,
  itemMax: 500,
  itemsMax: 30,
  unitsMax: 5_000,
  instructionMax: 4_000,
  evidenceMax: 20,
  noteMax: 2_000,
  graceMinutesMax: 7 * 24 * 60,
} as const;

export const DEFAULT_ESCALATION_GRACE_MINUTES = 60;

/** Where a unit stands, read from its row: completion wins, then forwarding, acknowledgement (of this revision), receipt. */
export function recipientState(recipient: Recipient, revision: number): RecipientState {
  if (recipient.completedAt !== null) return 'completed';
  if (recipient.receivedAt === null) return 'pending';
  if (recipient.ackRevision !== revision) return 'received';
  return recipient.forwardedAt !== null ? 'forwarded' : 'acknowledged';
}

export function isAcknowledged(recipient: Recipient, revision: number): boolean {
  return recipient.ackRevision === revision;
}

/** Overdue now: past the completion deadline without completing, or past the acknowledgement deadline without acknowledging. */
export function isRecipientOverdue(recipient: Recipient, revision: number, now: Date): { acknowledgement: boolean; completion: boolean } {
  if (recipient.receivedAt === null) return { acknowledgement: false, completion: false };
  const completion = recipient.completedAt === null && Date.parse(recipient.completeDueAt) < now.getTime();
  const acknowledgement = !isAcknowledged(recipient, revision) && Date.parse(recipient.ackDueAt) < now.getTime();
  return { acknowledgement, completion };
}

// ---------------------------------------------------------------- validation

export { checkText, checkOptionalText };

export function checkBilingual(value: { zh: string; en?: string | null | undefined }, field: string, max: number): BilingualText {
  return { zh: checkText(value.zh, `${field}.zh`, max), en: checkOptionalText(value.en, `${field}.en`, max) };
}

function checkInstant(value: string, field: string): number {
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(ms)) throw InvalidInputError.forField(field, 'must be an ISO 8601 date-time');
  return ms;
}

/** Deadline input: one default for every level, and optional per-level overrides. */
export interface DeadlinesInput {
  readonly acknowledgeBy: string;
  readonly completeBy: string;
  readonly byLevel?: Readonly<Partial<Record<string, { acknowledgeBy: string; completeBy: string }>>> | undefined;
}

/**
 * Checks and expands deadlines to every level the order reaches: each acknowledgement deadline
 * in the future, each completion deadline not before its acknowledgement deadline.
 */
export function resolveDeadlines(input: DeadlinesInput, levels: readonly JurisdictionLevel[], now: Date): Deadlines {
  const check = (d: { acknowledgeBy: string; completeBy: string }, field: string): LevelDeadline => {
    const ack = checkInstant(d.acknowledgeBy, `${field}.acknowledgeBy`);
    const done = checkInstant(d.completeBy, `${field}.completeBy`);
    if (ack <= now.getTime()) throw InvalidInputError.forField(`${field}.acknowledgeBy`, 'must be in the future');
    if (done < ack) throw InvalidInputError.forField(`${field}.completeBy`, 'must not be before acknowledgeBy');
    return { acknowledgeBy: new Date(ack).toISOString(), completeBy: new Date(done).toISOString() };
  };
  const fallback = check(input, 'deadlines');
  const result: Partial<Record<JurisdictionLevel, LevelDeadline>> = {};
  for (const [level, value] of Object.entries(input.byLevel ?? {})) {
    if (!(JURISDICTION_LEVELS as readonly string[]).includes(level)) throw InvalidInputError.forField(`deadlines.byLevel.${level}`, 'is not a jurisdiction level');
    if (value !== undefined) result[level as JurisdictionLevel] = check(value, `deadlines.byLevel.${level}`);
  }
  for (const level of levels) result[level] ??= fallback;
  return result;
}

/** The deadline of one level (levels an order does not reach fall back to the latest deadline). */
export function deadlineOf(deadlines: Deadlines, level: JurisdictionLevel): LevelDeadline {
  const own = deadlines[level];
  if (own !== undefined) return own;
  const all = Object.values(deadlines).filter((d): d is LevelDeadline => d !== undefined);
  return all.reduce((a, b) => (a.completeBy >= b.completeBy ? a : b));
}

export function isLevel(value: string): value is JurisdictionLevel {
  return (JURISDICTION_LEVELS as readonly string[]).includes(value);
}

/** Levels strictly below `level` down to `downTo` (inclusive), in order. */
export function levelsBetween(level: JurisdictionLevel, downTo: JurisdictionLevel | null): JurisdictionLevel[] {
  const from = JURISDICTION_LEVELS.indexOf(level);
  const to = downTo === null ? JURISDICTION_LEVELS.length - 1 : JURISDICTION_LEVELS.indexOf(downTo);
  return JURISDICTION_LEVELS.slice(from + 1, to + 1);
}

/** A snapshot of the fields an audit record or a revision keeps. */
export function orderSnapshot(order: Order): Record<string, unknown> {
  return {
    number: order.number,
    title: order.title,
    body: order.body,
    actions: order.actions,
    evidenceRequired: order.evidenceRequired,
    target: order.target,
    cascade: order.cascade,
    deadlines: order.deadlines,
    maxIntensity: order.maxIntensity,
    incidentId: order.incidentId,
    status: order.status,
    revision: order.revision,
    recipientCount: order.recipientCount,
  };
}

export function formatOrderNumber(year: number, sequence: number): string {
  return `ORD-${year}-${String(sequence).padStart(6, '0')}`;
}

export function sequenceOfOrderNumber(number: string, year: number): number | undefined {
  const match = /^ORD-(\d{4})-(\d+)$/.exec(number);
  return match !== null && Number(match[1]) === year ? Number(match[2]) : undefined;
}

/**
 * The roll-up nodes a recipient counts in: every unit on its path at issue time, from the issuing
 * unit down to itself. Stored paths, not current ones: a unit moved during the order still counts
 * where it was when the order reached it.
 */
export function countedNodes(issuerCode: string, unitPath: string): string[] {
  const codes = unitPath.split('/').filter((part) => part.length > 0);
  const start = codes.indexOf(issuerCode);
  return start < 0 ? codes : codes.slice(start);
}
