import { createHash, randomBytes } from 'node:crypto';
import { InvalidInputError } from '../core/errors.js';
import { EVENT_TYPES, isEventType, type EventType } from '../core/incident-types.js';

/**
 * A report's life: logged-in units' reports start `received`, public ones `in_review` (Ushahidi's
 * review workflow, DOMAIN.md §5) or `spam_suspected`; the signals room's verdict ends it.
 */
export const REPORT_STATUSES = ['received', 'in_review', 'spam_suspected', 'verified', 'rejected', 'merged', 'escalated'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Verdicts the signals room hands back (a subset of the statuses). */
export const VERDICTS = ['verified', 'rejected', 'merged', 'escalated'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const REPORTER_KINDS = ['unit', 'public', 'folk_professional'] as const;
export type ReporterKind = (typeof REPORTER_KINDS)[number];

/** Fields a folk professional may declare (a trusted citizen reporter). */
export const DECLARED_FIELDS = ['doctor', 'nurse', 'engineer', 'teacher', 'pharmacist', 'veterinarian', 'other'] as const;
export type DeclaredField = (typeof DECLARED_FIELDS)[number];

/** Infectious disease classes (甲/乙/丙类); only disease reports carry one. */
export const DISEASE_CLASSES = ['A', 'B', 'C'] as const;
export type DiseaseClass = (typeof DISEASE_CLASSES)[number];

export const PHOTO_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoMimeType = (typeof PHOTO_MIME_TYPES)[number];

/** Limits shared by validation and the HTTP schemas. */
export const LIMITS = {
  titleMax: 200,
  descriptionMax: 5000,
  placeTextMax: 300,
  messageMax: 4000,
  nameMax: 100,
  photosMax: 3,
  photoBytesMax: 2 * 1024 * 1024,
  /** Body limit of the routes that take photos: 3 × 2 MiB base64-encoded (×4/3) plus text. */
  photoBodyBytes: 9 * 1024 * 1024,
  /** How far an observation may lie in the future (clock skew of field devices). */
  futureSkewMs: 10 * 60_000,
} as const;

export function isReportStatus(value: string): value is ReportStatus {
  return (REPORT_STATUSES as readonly string[]).includes(value);
}

export function isDiseaseType(type: EventType): boolean {
  return type === 'disease_case' || type === 'disease_cluster';
}

/** A report's own fields after validation (the place not yet resolved to a jurisdiction). */
export interface ReportFields {
  readonly type: EventType;
  readonly diseaseClass: DiseaseClass | null;
  readonly jurisdictionCode: string | null;
  readonly placeText: string | null;
  readonly point: readonly [number, number] | null;
  readonly observedAt: Date;
  readonly title: string | null;
  readonly description: string;
}

/** What a caller supplies for a report. */
export interface ReportDraft {
  readonly type: string;
  readonly diseaseClass?: string | null | undefined;
  /** Any accepted code form (42, 4201, 420102000000). */
  readonly jurisdictionCode?: string | null | undefined;
  readonly placeText?: string | null | undefined;
  /** [longitude, latitude] in WGS 84. */
  readonly point?: readonly number[] | null | undefined;
  /** When the reporter saw it (ISO-8601 with zone). */
  readonly observedAt: string;
  readonly title?: string | null | undefined;
  readonly description: string;
}

function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text === '') return null;
  if ([...text].length > max) throw InvalidInputError.forField(field, `must be at most ${max} characters`);
  return text;
}

/** Validates a report's fields; `now` bounds the observation time. */
export function validateReport(draft: ReportDraft, now: Date): ReportFields {
  if (!isEventType(draft.type)) throw InvalidInputError.forField('type', `must be one of ${EVENT_TYPES.join(', ')}`);
  const type = draft.type;
  const diseaseClass = draft.diseaseClass ?? null;
  if (diseaseClass !== null) {
    if (!isDiseaseType(type)) throw InvalidInputError.forField('diseaseClass', 'only disease_case and disease_cluster reports carry a disease class');
    if (!(DISEASE_CLASSES as readonly string[]).includes(diseaseClass)) throw InvalidInputError.forField('diseaseClass', 'must be one of A, B, C');
  }
  const description = optionalText(draft.description, 'description', LIMITS.descriptionMax);
  if (description === null) throw InvalidInputError.forField('description', 'must not be empty');
  const point = checkPoint(draft.point);
  const jurisdictionCode = optionalText(draft.jurisdictionCode, 'jurisdictionCode', 64);
  const placeText = optionalText(draft.placeText, 'placeText', LIMITS.placeTextMax);
  if (point === null && jurisdictionCode === null && placeText === null) {
    throw InvalidInputError.forField('place', 'give a point, a jurisdictionCode or a placeText');
  }
  const observedAt = new Date(draft.observedAt);
  if (Number.isNaN(observedAt.getTime()) || !/(Z|[+-]\d{2}:?\d{2})$/.test(draft.observedAt)) {
    throw InvalidInputError.forField('observedAt', 'must be an ISO-8601 time with a zone, e.g. 2020-01-20T08:30:00+08:00');
  }
  if (observedAt.getTime() > now.getTime() + LIMITS.futureSkewMs) throw InvalidInputError.forField('observedAt', 'lies in the future');
  return {
    type,
    diseaseClass: diseaseClass as DiseaseClass | null,
    jurisdictionCode,
    placeText,
    point,
    observedAt,
    title: optionalText(draft.title, 'title', LIMITS.titleMax),
    description,
  };
}

function checkPoint(point: readonly number[] | null | undefined): readonly [number, number] | null {
  if (point === null || point === undefined) return null;
  const [lon, lat] = point;
  if (point.length !== 2 || lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    throw InvalidInputError.forField('point', 'must be [longitude, latitude]');
  }
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) throw InvalidInputError.forField('point', 'is outside [-180..180, -90..90]');
  return [lon, lat];
}

/** Checks a message body of a thread. */
export function checkMessageBody(body: string): string {
  const text = optionalText(body, 'body', LIMITS.messageMax);
  if (text === null) throw InvalidInputError.forField('body', 'must not be empty');
  return text;
}

// ---------------------------------------------------------------- reporting time limits

/** Minutes within which a report must follow the observation (DOMAIN.md §1). */
export const CLASS_A_LIMIT_MINUTES = 120;
export const OTHER_DISEASE_LIMIT_MINUTES = 24 * 60;

/**
 * The reporting time limit of a report in minutes, or null when none applies. Infectious disease
 * limits are fixed by regulation (传染病信息报告管理规范): Class A cases — and Class B managed as A,
 * which reporters declare as class A — and clusters within 2 h, other cases within 24 h. Other
 * types take the configured limit, and have none until one is configured.
 */
export function reportingLimitMinutes(
  type: EventType,
  diseaseClass: DiseaseClass | null,
  configured: ReadonlyMap<string, number>,
): number | null {
  if (type === 'disease_cluster') return CLASS_A_LIMIT_MINUTES;
  if (type === 'disease_case') return diseaseClass === 'A' ? CLASS_A_LIMIT_MINUTES : OTHER_DISEASE_LIMIT_MINUTES;
  return configured.get(type) ?? null;
}

/** True when a type's limit is set by regulation and cannot be configured. */
export function hasFixedLimit(type: EventType): boolean {
  return isDiseaseType(type);
}

export interface Timing {
  readonly deadlineAt: Date | null;
  readonly isLate: boolean;
}

/** The deadline (observation + limit) and whether the report came after it. */
export function reportTiming(observedAt: Date, reportedAt: Date, limitMinutes: number | null): Timing {
  if (limitMinutes === null) return { deadlineAt: null, isLate: false };
  const deadlineAt = new Date(observedAt.getTime() + limitMinutes * 60_000);
  return { deadlineAt, isLate: reportedAt.getTime() > deadlineAt.getTime() };
}

export interface UnitTimeliness {
  readonly code: string;
  readonly name: string;
  readonly total: number;
  readonly late: number;
  /** Share of reports on time, 0..1; 1 when the unit filed no report with a limit. */
  readonly onTimeRate: number;
}

/** On-time rate per unit from counts; units in `late` order, worst first. */
export function summariseTimeliness(rows: readonly { code: string; name: string; total: number; late: number }[]): {
  units: UnitTimeliness[];
  lateUnits: UnitTimeliness[];
} {
  const units = rows.map((row) => ({ ...row, onTimeRate: row.total === 0 ? 1 : (row.total - row.late) / row.total }));
  const lateUnits = units.filter((u) => u.late > 0).sort((a, b) => a.onTimeRate - b.onTimeRate || b.late - a.late || a.code.localeCompare(b.code));
  return { units, lateUnits };
}

// ---------------------------------------------------------------- receipts and secrets

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function crockford(length: number, bytes: Uint8Array = randomBytes(length)): string {
  let text = '';
  for (let i = 0; i < length; i++) text += CROCKFORD[bytes[i]! % 32];
  return text;
}

/**
 * A receipt number people can read out over the phone: "R" + the UTC day + 6 Crockford base32
 * characters (no I, L, O, U), e.g. R20200120-4F7K2Q. The caller checks it is unused.
 */
export function newReceiptNo(at: Date, bytes?: Uint8Array): string {
  const day = at.toISOString().slice(0, 10).replaceAll('-', '');
  return `R${day}-${crockford(6, bytes)}`;
}

export const RECEIPT_NO_PATTERN = /^R\d{8}-[0-9A-HJKMNP-TV-Z]{6}$/;

/** A secret access code for a public reporter: 12 Crockford characters (60 bits), grouped for reading. */
export function newAccessCode(): string {
  const code = crockford(12);
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** Codes and tokens are stored only as SHA-256; dashes and case in a typed code do not matter. */
export function hashAccessCode(code: string): string {
  return createHash('sha256').update(code.replaceAll('-', '').trim().toUpperCase()).digest('hex');
}

export function hashReporterToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// ---------------------------------------------------------------- read models

export interface Report {
  readonly id: string;
  readonly receiptNo: string;
  readonly type: EventType;
  readonly diseaseClass: DiseaseClass | null;
  readonly jurisdictionCode: string | null;
  /** The matched unit's path; the country root's when the place matched no unit. */
  readonly jurisdictionPath: string;
  readonly placeText: string | null;
  readonly point: readonly [number, number] | null;
  readonly placeUnmatched: boolean;
  readonly observedAt: string;
  readonly reportedAt: string;
  readonly deadlineAt: string | null;
  readonly isLate: boolean;
  readonly title: string | null;
  readonly description: string;
  readonly reporterId: string;
  readonly reporterKind: ReporterKind;
  /** The reporter's account, for reports from logged-in users. */
  readonly reporterUserId: string | null;
  readonly declaredField: string | null;
  readonly reportingUnitCode: string | null;
  readonly reportingUnitPath: string | null;
  readonly status: ReportStatus;
  readonly spamScore: number;
  readonly signalId: string | null;
  readonly photoIds: readonly string[];
}

export interface ReportMessage {
  readonly id: string;
  readonly reportId: string;
  /** reporter | officer | system */
  readonly authorKind: 'reporter' | 'officer' | 'system';
  readonly authorName: string;
  readonly body: string;
  readonly createdAt: string;
}

export interface Reporter {
  readonly id: string;
  readonly kind: ReporterKind;
  readonly userId: string | null;
  readonly displayName: string;
  readonly declaredField: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly jurisdictionCode: string | null;
  readonly hasToken: boolean;
  readonly createdAt: string;
}

/** Personal fields of a reporter: hashed in the audit trail, shown only to officers. */
export const REPORTER_PERSONAL_FIELDS = ['displayName', 'phone', 'email'] as const;
