import type { Category, SeverityLevel } from '../core/incident-types.js';
import type { Figures } from '../incidents/rollup.js';

export const BULLETIN_STATUSES = ['draft', 'approved', 'published'] as const;
export type BulletinStatus = (typeof BULLETIN_STATUSES)[number];

/** The time zone bulletin days are counted in (China Standard Time, no daylight saving). */
export const BULLETIN_TIME_ZONE = 'Asia/Shanghai';
const OFFSET_MS = 8 * 3600_000;

/** A level bucket: I–IV or not yet assessed. */
export type LevelBucket = SeverityLevel | 'unassessed';

/** The figures a bulletin is written from (pure data, gathered from the incidents room). */
export interface BulletinFacts {
  readonly unit: { readonly code: string; readonly nameZh: string; readonly nameEn: string | null };
  /** YYYY-MM-DD in Asia/Shanghai. */
  readonly period: string;
  /** Incidents still open at the end of the day. */
  readonly openAtEnd: number;
  readonly openedDuring: number;
  readonly closedDuring: number;
  /** Open at the end of the day, by category and by level. */
  readonly byCategory: Readonly<Partial<Record<Category, number>>>;
  readonly byLevel: Readonly<Partial<Record<LevelBucket, number>>>;
  /** The day's situation-report figures summed over the incidents. */
  readonly figures: Figures;
  /** The most serious incidents open at the end of the day (level I first), at most 10. */
  readonly major: readonly { readonly number: string; readonly title: string; readonly level: SeverityLevel | null }[];
}

export interface Bulletin {
  readonly id: string;
  readonly jurisdictionCode: string;
  readonly jurisdictionPath: string;
  readonly period: string;
  readonly status: BulletinStatus;
  readonly titleZh: string;
  readonly titleEn: string;
  readonly textZh: string;
  readonly textEn: string;
  readonly facts: BulletinFacts;
  /** Whoever wrote the current text: the drafting job (system) or the last officer who edited it. */
  readonly draftedBy: string;
  readonly draftedAt: string;
  readonly approvedBy: string | null;
  readonly approvedAt: string | null;
  readonly publishedBy: string | null;
  readonly publishedAt: string | null;
  readonly updatedAt: string;
}

export const BULLETIN_LIMITS = { titleMax: 200, textMax: 20_000 } as const;

/** The next step a bulletin in `status` may take. */
export function nextStatus(status: BulletinStatus): BulletinStatus | undefined {
  return status === 'draft' ? 'approved' : status === 'approved' ? 'published' : undefined;
}

/** The UTC instants [start, end) of a day in Asia/Shanghai. */
export function dayBounds(period: string): { start: string; end: string } {
  const startMs = Date.parse(`${period}T00:00:00Z`) - OFFSET_MS;
  return { start: new Date(startMs).toISOString(), end: new Date(startMs + 86_400_000).toISOString() };
}

/** The Asia/Shanghai day of an instant. */
export function localDay(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The Asia/Shanghai hour (0–23) of an instant. */
export function localHour(at: Date): number {
  return new Date(at.getTime() + OFFSET_MS).getUTCHours();
}

/** Yesterday in Asia/Shanghai. */
export function yesterday(at: Date): string {
  return localDay(new Date(at.getTime() - 86_400_000));
}

export interface IncidentSpan {
  readonly openedAt: string;
  readonly closedAt: string | null;
}

/** Open at some moment of [start, end). */
export function wasOpenDuring(incident: IncidentSpan, start: string, end: string): boolean {
  return incident.openedAt < end && (incident.closedAt === null || incident.closedAt >= start);
}

export function isOpenAt(incident: IncidentSpan, at: string): boolean {
  return incident.openedAt < at && (incident.closedAt === null || incident.closedAt >= at);
}
