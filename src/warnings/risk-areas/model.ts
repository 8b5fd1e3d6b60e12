import { InvalidInputError } from '../../core/errors.js';
import type { JurisdictionLevel } from '../../core/jurisdiction-code.js';

/** Risk levels of an area (低/中/高风险地区). */
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const RISK_AREA_STATUSES = ['active', 'lifted', 'expired'] as const;
export type RiskAreaStatus = (typeof RISK_AREA_STATUSES)[number];

/** Designations name communities (villages), townships/streets or grid cells, never a county or above. */
export const DESIGNATABLE_LEVELS: readonly JurisdictionLevel[] = ['township', 'village', 'grid'];

export const CHANGE_ACTIONS = ['designated', 'changed', 'lifted', 'expired', 'review_flagged'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

export interface RiskArea {
  readonly id: string;
  /** The designated community, township or grid cell (padded code). */
  readonly jurisdictionCode: string;
  readonly jurisdictionPath: string;
  /** The unit whose officer designated it; reviews are flagged to its officers. */
  readonly issuingCode: string;
  readonly issuingPath: string;
  readonly level: RiskLevel;
  readonly reason: string;
  readonly startsAt: string;
  /** When the issuing unit must look at it again; past it, the designation is flagged. */
  readonly reviewAt: string;
  /** When it lifts by itself (the scheduled job ends it). */
  readonly expiresAt: string;
  readonly status: RiskAreaStatus;
  /** Set once the review date passed and the issuing unit was told; cleared by a new review date. */
  readonly reviewFlaggedAt: string | null;
  readonly endedAt: string | null;
  readonly endReason: string | null;
  readonly designatedBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface RiskAreaChange {
  readonly id: string;
  readonly riskAreaId: string;
  readonly seq: number;
  readonly action: ChangeAction;
  readonly detail: Readonly<Record<string, unknown>>;
  readonly actorId: string;
  readonly actorName: string;
  readonly at: string;
}

export const RISK_AREA_LIMITS = { reasonMax: 2000 } as const;

/** An ISO-8601 timestamp with a zone, normalised to UTC. */
export function checkInstant(value: string, field: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw InvalidInputError.forField(field, 'must be an ISO-8601 time with a zone, e.g. 2020-02-01T00:00:00+08:00');
  }
  const date = new Date(value);
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  // Date() rolls 31 February over into March: check the calendar day exists.
  if (Number.isNaN(date.getTime()) || new Date(Date.UTC(y, m - 1, d)).getUTCDate() !== d) throw InvalidInputError.forField(field, 'is not a real time');
  return date.toISOString();
}

/** start < expiry and start ≤ review ≤ expiry: a review after the designation ended means nothing. */
export function checkSchedule(schedule: { startsAt: string; reviewAt: string; expiresAt: string }): void {
  if (schedule.expiresAt <= schedule.startsAt) throw InvalidInputError.forField('expiresAt', 'must be after startsAt');
  if (schedule.reviewAt < schedule.startsAt) throw InvalidInputError.forField('reviewAt', 'must not be before startsAt');
  if (schedule.reviewAt > schedule.expiresAt) throw InvalidInputError.forField('reviewAt', 'must not be after expiresAt');
}

export function checkDesignatableLevel(level: JurisdictionLevel, code: string): void {
  if (!DESIGNATABLE_LEVELS.includes(level)) {
    throw InvalidInputError.forField('jurisdictionCode', `${code} is a ${level}: designate a township, a community (village) or a grid cell`);
  }
}

/** Whether the designation stands at `now`: active and started. */
export function isInForce(area: Pick<RiskArea, 'status' | 'startsAt' | 'expiresAt'>, now: string): boolean {
  return area.status === 'active' && area.startsAt <= now && now < area.expiresAt;
}

/**
 * What the scheduled review does at `now` (pure): active designations past expiry are lifted;
 * active ones past their review date, not yet flagged and not expiring now, are flagged.
 */
export function dueActions(areas: readonly RiskArea[], now: string): { expire: RiskArea[]; flag: RiskArea[] } {
  const active = areas.filter((a) => a.status === 'active');
  const expire = active.filter((a) => a.expiresAt <= now);
  const flag = active.filter((a) => a.expiresAt > now && a.reviewAt <= now && a.reviewFlaggedAt === null);
  return { expire, flag };
}

/** What the audit trail records of a designation. */
export function riskAreaSnapshot(area: RiskArea): Record<string, unknown> {
  return {
    jurisdictionCode: area.jurisdictionCode,
    issuingCode: area.issuingCode,
    level: area.level,
    reason: area.reason,
    startsAt: area.startsAt,
    reviewAt: area.reviewAt,
    expiresAt: area.expiresAt,
    status: area.status,
    endReason: area.endReason,
  };
}
