import { createHmac } from 'node:crypto';
import type { Actor } from '../core/actor.js';
import { ForbiddenError, UnauthenticatedError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { EventType } from '../core/incident-types.js';
import type { ServiceContext, UnitOfWork } from '../platform/context.js';
import { requestHash, withIdempotency, type IdempotentResult } from '../platform/idempotency.js';
import { getUser } from '../accounts/service.js';
import { loadJurisdiction } from '../jurisdictions/service.js';
import type { SubmissionRunner } from '../platform/group-commit.js';
import {
  REPORTER_PERSONAL_FIELDS,
  hashAccessCode,
  hashReporterToken,
  newReceiptNo,
  reportingLimitMinutes,
  reportTiming,
  validateReport,
  type ReportDraft,
  type ReportFields,
  type ReporterKind,
  type ReportStatus,
} from './model.js';
import { decodePhotos, type PhotoData, type PhotoUpload } from './photos.js';
import { ROOT_PATH, resolvePlace, type ResolvedPlace } from './place.js';
import { canSubmitReport } from './policy.js';
import { isSpamSuspected, scoreSpam } from './spam.js';
import * as store from './store.js';

/** What the reporter gets back (201), and what a retry with the same key gets again. */
export interface ReportReceipt {
  readonly id: string;
  readonly receiptNo: string;
  readonly status: ReportStatus;
  readonly type: EventType;
  readonly reportedAt: string;
  readonly deadlineAt: string | null;
  readonly isLate: boolean;
  readonly placeUnmatched: boolean;
  readonly jurisdictionCode: string | null;
  readonly photoIds: string[];
  /** Public reporters only: the secret that opens the receipt page and thread. */
  readonly accessCode?: string;
}

interface SubmissionBase {
  readonly draft: ReportDraft;
  readonly photos?: readonly PhotoUpload[] | undefined;
  /** The Idempotency-Key header: the same key with a retry returns the first receipt. */
  readonly idempotencyKey: string;
  /** Batches concurrent submissions into one commit; default: one transaction each (`withIdempotency`). */
  readonly runner?: SubmissionRunner | undefined;
}

export type SubmitReportProps = SubmissionBase;

export interface SubmitPublicReportProps extends SubmissionBase {
  /** The X-Reporter-Token of a registered folk professional, if sent. */
  readonly reporterToken?: string | undefined;
  /** Optional name and contact of an unregistered reporter (personal data). */
  readonly reporterName?: string | null | undefined;
  readonly reporterPhone?: string | null | undefined;
  /** Texts the same address sent recently, for duplicate detection in the spam score. */
  readonly recentTexts: readonly string[];
}

const MAX_RECEIPT_TRIES = 5;

/** The hash a retry must match: the body with each photo replaced by its digest. */
function submissionHash(draft: ReportDraft, photos: readonly PhotoData[], extra: readonly unknown[] = []): string {
  return requestHash([draft, photos.map((p) => [p.mimeType, p.sha256]), ...extra]);
}

/**
 * The access code of a public report, derived from its id with the server's secret: a retry can
 * be answered with it again although only its hash is stored (never the code, not even in the
 * stored idempotent response).
 */
export function accessCodeFor(secret: string, reportId: string): string {
  const digest = createHmac('sha256', secret).update(`report-access-code:${reportId}`).digest();
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let code = '';
  for (let i = 0; i < 12; i++) code += alphabet[digest[i]! % 32];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

async function unusedReceiptNo(unit: UnitOfWork): Promise<string> {
  // Every unit of work holds the append-order lock (PostgreSQL) or the write lock (SQLite), so
  // checking then inserting cannot race another submission.
  for (let i = 0; i < MAX_RECEIPT_TRIES; i++) {
    const receiptNo = newReceiptNo(unit.now);
    if (!(await store.receiptExists(unit.tx, receiptNo))) return receiptNo;
  }
  throw new Error('could not find an unused receipt number');
}

interface Prepared {
  readonly fields: ReportFields;
  readonly place: ResolvedPlace;
  readonly photos: readonly PhotoData[];
  readonly limitMinutes: number | null;
}

async function prepare(ctx: ServiceContext, draft: ReportDraft, uploads: readonly PhotoUpload[] | undefined): Promise<Prepared> {
  const fields = validateReport(draft, ctx.clock.now());
  const photos = decodePhotos(uploads);
  const place = await resolvePlace(ctx, fields);
  const configured = fields.type === 'disease_case' || fields.type === 'disease_cluster' ? undefined : await store.limitOf(ctx.db, fields.type);
  const limits = new Map(configured === undefined ? [] : [[fields.type, configured]]);
  return { fields, place, photos, limitMinutes: reportingLimitMinutes(fields.type, fields.diseaseClass, limits) };
}

interface Writer {
  readonly reporterId: string;
  readonly reporterKind: ReporterKind;
  readonly reportingUnit: { code: string; path: string } | null;
  readonly status: ReportStatus;
  readonly spamScore: number;
  readonly accessCodeHash: string | null;
}

/** Inserts the report and its photos, writes the audit record and the `report.received` event. */
async function writeReport(unit: UnitOfWork, id: string, prepared: Prepared, writer: Writer): Promise<ReportReceipt> {
  const { fields, place, photos } = prepared;
  const reportedAt = unit.now;
  const timing = reportTiming(fields.observedAt, reportedAt, prepared.limitMinutes);
  const receiptNo = await unusedReceiptNo(unit);
  const jurisdictionPath = place.unit?.path ?? ROOT_PATH;
  await store.insertReport(unit.tx, {
    id,
    receiptNo,
    type: fields.type,
    diseaseClass: fields.diseaseClass,
    jurisdictionCode: place.unit?.code ?? null,
    jurisdictionPath,
    placeText: place.placeText,
    point: fields.point,
    placeUnmatched: place.unit === undefined,
    observedAt: fields.observedAt.toISOString(),
    reportedAt: reportedAt.toISOString(),
    deadlineAt: timing.deadlineAt?.toISOString() ?? null,
    isLate: timing.isLate,
    title: fields.title,
    description: fields.description,
    reporterId: writer.reporterId,
    reporterKind: writer.reporterKind,
    reportingUnitCode: writer.reportingUnit?.code ?? null,
    reportingUnitPath: writer.reportingUnit?.path ?? null,
    accessCodeHash: writer.accessCodeHash,
    status: writer.status,
    spamScore: writer.spamScore,
  });
  const photoRows = photos.map((photo, index) => ({ ...photo, id: newId(reportedAt.getTime() + index) }));
  await store.insertPhotos(unit.tx, id, photoRows, reportedAt.toISOString());
  await unit.audit({
    action: 'report.create',
    targetType: 'report',
    targetId: id,
    jurisdictionCode: place.unit?.code ?? null,
    after: {
      receiptNo,
      type: fields.type,
      diseaseClass: fields.diseaseClass,
      reporterId: writer.reporterId,
      reporterKind: writer.reporterKind,
      status: writer.status,
      placeUnmatched: place.unit === undefined,
      isLate: timing.isLate,
      photos: photoRows.map((p) => p.sha256),
    },
  });
  await unit.emit({
    type: 'report.received',
    jurisdictionPath,
    payload: {
      id,
      receiptNo,
      type: fields.type,
      status: writer.status,
      jurisdictionCode: place.unit?.code ?? null,
      placeUnmatched: place.unit === undefined,
      reporterKind: writer.reporterKind,
      isLate: timing.isLate,
    },
  });
  return {
    id,
    receiptNo,
    status: writer.status,
    type: fields.type,
    reportedAt: reportedAt.toISOString(),
    deadlineAt: timing.deadlineAt?.toISOString() ?? null,
    isLate: timing.isLate,
    placeUnmatched: place.unit === undefined,
    jurisdictionCode: place.unit?.code ?? null,
    photoIds: photoRows.map((p) => p.id),
  };
}

/** The unit reporter of a user: created with their first report. */
async function unitReporterId(unit: UnitOfWork, actor: Actor, homeCode: string): Promise<string> {
  const existing = await store.findUnitReporterId(unit.tx, actor.id);
  if (existing !== undefined) return existing;
  const id = newId(unit.now.getTime());
  await store.insertReporter(unit.tx, { id, kind: 'unit', userId: actor.id, displayName: actor.name, declaredField: null, phone: null, email: null, jurisdictionCode: homeCode, tokenHash: null }, unit.now.toISOString());
  await unit.audit({ action: 'reporter.create', targetType: 'reporter', targetId: id, jurisdictionCode: homeCode, after: { kind: 'unit', userId: actor.id, displayName: actor.name }, personalFields: REPORTER_PERSONAL_FIELDS });
  return id;
}

/**
 * A report from a logged-in user (a reporting unit: grid worker, hospital, department). Any role
 * whose grants cover the report's jurisdiction may file it; the reporting unit is the user's home
 * jurisdiction. Idempotent per user and Idempotency-Key.
 */
export async function submitReport(ctx: ServiceContext, props: SubmitReportProps): Promise<IdempotentResult<ReportReceipt>> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new ForbiddenError('only users file reports');
  const prepared = await prepare(ctx, props.draft, props.photos);
  if (!canSubmitReport(actor, prepared.place.unit?.path)) {
    throw new ForbiddenError(`jurisdictionCode: ${prepared.place.unit?.code} is outside your jurisdiction`);
  }
  const user = await getUser(ctx, actor.id);
  const home = await loadJurisdiction(ctx, user.homeJurisdictionCode);
  const run: SubmissionRunner = props.runner ?? withIdempotency;
  const hash = submissionHash(props.draft, prepared.photos);
  return run(ctx, { scope: `report:${actor.id}`, key: props.idempotencyKey, requestHash: hash, statusCode: 201 }, async (unit) => {
    const reporterId = await unitReporterId(unit, actor, home.code);
    return writeReport(unit, newId(unit.now.getTime()), prepared, {
      reporterId,
      reporterKind: 'unit',
      reportingUnit: { code: home.code, path: home.path },
      status: 'received',
      spamScore: 0,
      accessCodeHash: null,
    });
  });
}

/** The actor public submissions are recorded under in the audit trail. */
export function publicActor(reporterId?: string): Actor {
  return { kind: 'user', id: reporterId === undefined ? 'public' : `reporter:${reporterId}`, name: reporterId === undefined ? 'public form' : 'folk professional', grants: [] };
}

/**
 * A report from the public form (no log-in). Starts `in_review`, or `spam_suspected` when the spam
 * score is high — stored either way. A registered folk professional sends their reporter token.
 * The receipt carries a secret access code for the receipt page; only its hash is stored.
 */
export async function submitPublicReport(ctx: ServiceContext, props: SubmitPublicReportProps): Promise<IdempotentResult<ReportReceipt>> {
  let professional: Awaited<ReturnType<typeof store.findReporterByTokenHash>>;
  if (props.reporterToken !== undefined) {
    professional = await store.findReporterByTokenHash(ctx.db, hashReporterToken(props.reporterToken));
    if (professional === undefined || professional.kind !== 'folk_professional') {
      throw new UnauthenticatedError('x-reporter-token: unknown or revoked reporter token');
    }
  }
  const actorCtx: ServiceContext = { ...ctx, actor: publicActor(professional?.id) };
  const prepared = await prepare(actorCtx, props.draft, props.photos);
  const spam = scoreSpam({ title: prepared.fields.title, description: prepared.fields.description, recentTexts: props.recentTexts });
  const status: ReportStatus = isSpamSuspected(spam.score) ? 'spam_suspected' : 'in_review';
  const name = props.reporterName?.trim() || null;
  const phone = props.reporterPhone?.trim() || null;
  const run: SubmissionRunner = props.runner ?? withIdempotency;
  const hash = submissionHash(props.draft, prepared.photos, [professional?.id ?? null, name, phone]);
  const result = await run(actorCtx, { scope: 'public-report', key: props.idempotencyKey, requestHash: hash, statusCode: 201 }, async (unit) => {
    const id = newId(unit.now.getTime());
    let reporterId = professional?.id;
    if (reporterId === undefined) {
      // An unregistered reporter is one row per report: nothing links two anonymous reports.
      reporterId = newId(unit.now.getTime());
      await store.insertReporter(unit.tx, { id: reporterId, kind: 'public', userId: null, displayName: name ?? '(anonymous)', declaredField: null, phone, email: null, jurisdictionCode: null, tokenHash: null }, unit.now.toISOString());
      await unit.audit({ action: 'reporter.create', targetType: 'reporter', targetId: reporterId, after: { kind: 'public', displayName: name, phone }, personalFields: REPORTER_PERSONAL_FIELDS });
    }
    return writeReport(unit, id, prepared, {
      reporterId,
      reporterKind: professional === undefined ? 'public' : 'folk_professional',
      reportingUnit: null,
      status,
      spamScore: spam.score,
      accessCodeHash: hashAccessCode(accessCodeFor(ctx.auditKey, id)),
    });
  });
  return { ...result, value: { ...result.value, accessCode: accessCodeFor(ctx.auditKey, result.value.id) } };
}
