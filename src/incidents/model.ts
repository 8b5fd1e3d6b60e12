import { InvalidInputError } from '../core/errors.js';
import {
  CATEGORIES,
  INCIDENT_STATUSES,
  SEVERITY_LEVELS,
  type Category,
  type EventType,
  type IncidentStatus,
  type SeverityLevel,
} from '../core/incident-types.js';

/** GeoJSON geometry of an incident's area: only polygons describe an area. */
export interface AreaGeometry {
  readonly type: 'Polygon' | 'MultiPolygon';
  readonly coordinates: unknown;
}

/** [longitude, latitude] in WGS 84. */
export type Point = readonly [number, number];

export interface Incident {
  readonly id: string;
  /** Human-friendly and unique: INC-<year opened>-<6+ digit sequence within that year>. */
  readonly number: string;
  readonly title: string;
  readonly category: Category;
  readonly type: EventType;
  /** Severity level I–IV; null until assessed. */
  readonly level: SeverityLevel | null;
  readonly status: IncidentStatus;
  /** Where the incident belongs (padded code); decides who sees and acts on it. */
  readonly jurisdictionCode: string;
  readonly jurisdictionPath: string;
  readonly area: AreaGeometry | null;
  readonly point: Point | null;
  readonly description: string | null;
  readonly openedBy: string;
  readonly openedAt: string;
  readonly closedAt: string | null;
  readonly updatedAt: string;
}

/** The kinds of entry in an incident's timeline. */
export const TIMELINE_KINDS = ['opened', 'status_changed', 'level_changed', 'updated', 'signal_linked', 'sitrep_filed', 'note'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  readonly id: string;
  readonly incidentId: string;
  /** 1, 2, 3 … within the incident. */
  readonly seq: number;
  readonly kind: TimelineKind;
  readonly detail: Readonly<Record<string, unknown>>;
  readonly actorId: string;
  readonly actorName: string;
  readonly at: string;
}

export const LIMITS = {
  titleMax: 200,
  descriptionMax: 10_000,
  noteMax: 4_000,
  idMax: 64,
  /** Positions in an area, all rings together: keeps one incident row small. */
  areaPositionsMax: 20_000,
} as const;

// ---------------------------------------------------------------- the status state machine

/**
 * The incident lifecycle. Forward moves follow the chain one step at a time:
 *
 *   reported → verified → responding → recovering → closed
 *
 * plus two exceptions:
 * - reported → closed: a false alarm, only with a reason (the note);
 * - closed → responding: reopening, only by a commander or an admin (policy.ts), with a reason.
 *
 * Nothing moves backwards otherwise: a wrong verification is corrected by closing as a false
 * alarm from `reported` only, so a verified incident must be worked through to closure.
 */
const MOVES: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  reported: ['verified', 'closed'],
  verified: ['responding'],
  responding: ['recovering'],
  recovering: ['closed'],
  closed: ['responding'],
};

/** The statuses an incident in `from` may move to. */
export function allowedMoves(from: IncidentStatus): readonly IncidentStatus[] {
  return MOVES[from];
}

export function isAllowedMove(from: IncidentStatus, to: IncidentStatus): boolean {
  return MOVES[from].includes(to);
}

/** Reopening a closed incident: restricted to commanders and admins. */
export function isReopening(from: IncidentStatus, to: IncidentStatus): boolean {
  return from === 'closed' && to === 'responding';
}

/** Moves that must say why: a false alarm and a reopening. */
export function needsReason(from: IncidentStatus, to: IncidentStatus): boolean {
  return (from === 'reported' && to === 'closed') || isReopening(from, to);
}

/** Open incidents are every status but `closed`; they appear on the common operating picture. */
export function isOpen(status: IncidentStatus): boolean {
  return status !== 'closed';
}

/** True when changing the level from `from` to `to` concerns level I or II (commanders decide those). */
export function isMajorLevelChange(from: SeverityLevel | null, to: SeverityLevel | null): boolean {
  if (from === to) return false;
  return isMajorLevel(from) || isMajorLevel(to);
}

export function isMajorLevel(level: SeverityLevel | null): boolean {
  return level === 'I' || level === 'II';
}

// ---------------------------------------------------------------- numbers

/** INC-2020-000123: the year the incident was opened and its sequence in that year. */
export function formatIncidentNumber(year: number, sequence: number): string {
  return `INC-${year}-${String(sequence).padStart(6, '0')}`;
}

/** The sequence part of a number of that year, or undefined. */
export function sequenceOfNumber(number: string, year: number): number | undefined {
  const match = /^INC-(\d{4})-(\d{6,})$/.exec(number);
  if (match === null || Number(match[1]) !== year) return undefined;
  return Number(match[2]);
}

// ---------------------------------------------------------------- validation

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

export function isSeverityLevel(value: string): value is SeverityLevel {
  return (SEVERITY_LEVELS as readonly string[]).includes(value);
}

export function isIncidentStatus(value: string): value is IncidentStatus {
  return (INCIDENT_STATUSES as readonly string[]).includes(value);
}

// Shared with the other rooms' free-text fields; re-exported so this room's callers keep one import.
export { checkOptionalText, checkText } from '../core/text-input.js';

function checkPosition(position: unknown, field: string): void {
  if (!Array.isArray(position) || position.length < 2) throw InvalidInputError.forField(field, 'must be a [longitude, latitude] position');
  const [lon, lat] = position as unknown[];
  if (typeof lon !== 'number' || !Number.isFinite(lon) || lon < -180 || lon > 180) {
    throw InvalidInputError.forField(`${field}[0]`, 'longitude must be between -180 and 180');
  }
  if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) {
    throw InvalidInputError.forField(`${field}[1]`, 'latitude must be between -90 and 90');
  }
}

export function checkPoint(point: readonly number[] | null | undefined, field = 'point'): Point | null {
  if (point === null || point === undefined) return null;
  if (point.length !== 2) throw InvalidInputError.forField(field, 'must be [longitude, latitude]');
  checkPosition(point, field);
  return [point[0]!, point[1]!];
}

/** Rings of a polygon: each closed, of at least 4 positions. Returns the number of positions. */
function checkPolygon(rings: unknown, field: string): number {
  if (!Array.isArray(rings) || rings.length === 0) throw InvalidInputError.forField(field, 'must be a non-empty array of linear rings');
  let positions = 0;
  rings.forEach((ring: unknown, r) => {
    const ringField = `${field}[${r}]`;
    if (!Array.isArray(ring) || ring.length < 4) throw InvalidInputError.forField(ringField, 'a linear ring needs at least 4 positions');
    ring.forEach((position: unknown, p) => checkPosition(position, `${ringField}[${p}]`));
    const first = ring[0] as number[];
    const last = ring[ring.length - 1] as number[];
    if (first[0] !== last[0] || first[1] !== last[1]) throw InvalidInputError.forField(ringField, 'a linear ring must end where it starts');
    positions += ring.length;
  });
  return positions;
}

/** A GeoJSON Polygon or MultiPolygon with valid, closed rings; null clears the area. */
export function checkArea(area: AreaGeometry | null | undefined, field = 'area'): AreaGeometry | null {
  if (area === null || area === undefined) return null;
  let positions = 0;
  if (area.type === 'Polygon') {
    positions = checkPolygon(area.coordinates, `${field}.coordinates`);
  } else if (area.type === 'MultiPolygon') {
    if (!Array.isArray(area.coordinates) || area.coordinates.length === 0) {
      throw InvalidInputError.forField(`${field}.coordinates`, 'must be a non-empty array of polygons');
    }
    area.coordinates.forEach((polygon: unknown, i) => {
      positions += checkPolygon(polygon, `${field}.coordinates[${i}]`);
    });
  } else {
    throw InvalidInputError.forField(`${field}.type`, 'must be Polygon or MultiPolygon');
  }
  if (positions > LIMITS.areaPositionsMax) throw InvalidInputError.forField(field, `has more than ${LIMITS.areaPositionsMax} positions`);
  return { type: area.type, coordinates: area.coordinates };
}

/** What the audit trail records of an incident: its own fields, not storage details. */
export function incidentSnapshot(incident: Incident): Record<string, unknown> {
  return {
    number: incident.number,
    title: incident.title,
    category: incident.category,
    type: incident.type,
    level: incident.level,
    status: incident.status,
    jurisdictionCode: incident.jurisdictionCode,
    area: incident.area,
    point: incident.point,
    description: incident.description,
  };
}

export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}
