import { timingSafeEqual } from 'node:crypto';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../core/errors.js';
import { EVENT_TYPES, isEventType, type EventType } from '../core/incident-types.js';
import { newId, newSecretToken } from '../core/ids.js';
import { isWithinPath } from '../core/jurisdiction-code.js';
import { withUnitOfWork, type ServiceContext, type UnitOfWork } from '../platform/context.js';
import { requestHash, withIdempotency, type IdempotentResult } from '../platform/idempotency.js';
import { loadJurisdiction } from '../jurisdictions/service.js';
import {
  DECLARED_FIELDS,
  REPORTER_PERSONAL_FIELDS,
  checkMessageBody,
  hasFixedLimit,
  hashAccessCode,
  hashReporterToken,
  isReportStatus,
  summariseTimeliness,
  type Report,
  type ReportMessage,
  type Reporter,
  type ReporterKind,
  type UnitTimeliness,
  type Verdict,
} from './model.js';
import { ROOT_PATH } from './place.js';
import { canListReports, canManageReporter, canPostReportMessage, canSetReportingLimits, canViewReport, READER_ROLES } from './policy.js';
import * as store from './store.js';

export { accessCodeFor, publicActor, submitPublicReport, submitReport, type ReportReceipt, type SubmitPublicReportProps, type SubmitReportProps } from './submission.js';
export { createGroupCommit, type SubmissionRunner } from '../platform/group-commit.js';

export interface Page<T> {
  readonly items: T[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

const MAX_PAGE = 5000;

// ---------------------------------------------------------------- reading reports

async function findVisibleReport(ctx: ServiceContext, db: ServiceContext['db'] | UnitOfWork['tx'], id: string): Promise<Report> {
  const report = await store.findReport(db, id);
  if (report === undefined) throw new NotFoundError(`id: no report ${id}`);
  if (!canViewReport(ctx.actor, report)) throw new ForbiddenError(`id: report ${id} is outside your jurisdiction`);
  return report;
}

/** One report with its thread, for its reporter or a reader in scope. */
export async function getReport(ctx: ServiceContext, id: string): Promise<{ report: Report; messages: ReportMessage[] }> {
  const report = await findVisibleReport(ctx, ctx.db, id);
  return { report, messages: await store.listMessages(ctx.db, id) };
}

/** One photo of a report, authorised like the report. */
export async function getReportPhoto(ctx: ServiceContext, props: { reportId: string; photoId: string }): Promise<{ mimeType: string; data: Buffer; sha256: string }> {
  await findVisibleReport(ctx, ctx.db, props.reportId);
  const photo = await store.findPhoto(ctx.db, props.reportId, props.photoId);
  if (photo === undefined) throw new NotFoundError(`photoId: no photo ${props.photoId} on report ${props.reportId}`);
  return photo;
}

export interface ReportQuery {
  /** Jurisdiction code; default: the actor's whole scope. */
  readonly within?: string | undefined;
  readonly status?: string | undefined;
  readonly type?: string | undefined;
  /** Reported at or after (ISO-8601). */
  readonly from?: string | undefined;
  /** Reported before (ISO-8601). */
  readonly to?: string | undefined;
  readonly late?: boolean | undefined;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

function checkTime(value: string | undefined, field: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw InvalidInputError.forField(field, 'must be an ISO-8601 time');
  return date.toISOString();
}

/** Outermost subtrees where the actor holds a reader role, or `within` if the actor reads there. */
async function readerScopes(ctx: ServiceContext, within: string | undefined): Promise<store.ScopePaths> {
  if (within !== undefined && within.trim() !== '') {
    const unit = await loadJurisdiction(ctx, within, 'within');
    if (!canListReports(ctx.actor, unit.path)) throw new ForbiddenError(`within: you may not read the reports of ${unit.code}`);
    return [unit.path];
  }
  if (ctx.actor.kind === 'system') return 'all';
  const paths = [...new Set(ctx.actor.grants.filter((g) => READER_ROLES.includes(g.role)).map((g) => g.jurisdictionPath))].sort();
  return paths.filter((path, index) => !paths.slice(0, index).some((outer) => isWithinPath(outer, path)));
}

/**
 * Reports newest first. Readers (officers, analysts) see their subtrees; anyone else sees the
 * reports they filed themselves.
 */
export async function listReports(ctx: ServiceContext, query: ReportQuery): Promise<Page<Report>> {
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_PAGE) throw InvalidInputError.forField('limit', `must be a whole number from 1 to ${MAX_PAGE}`);
  if (query.status !== undefined && !isReportStatus(query.status)) throw InvalidInputError.forField('status', `"${query.status}" is not a known status`);
  if (query.type !== undefined && !isEventType(query.type)) throw InvalidInputError.forField('type', `must be one of ${EVENT_TYPES.join(', ')}`);
  let scopes = await readerScopes(ctx, query.within);
  let reporterUserId: string | undefined;
  if (scopes !== 'all' && scopes.length === 0) {
    scopes = 'all';
    reporterUserId = ctx.actor.id;
  }
  const rows = await store.listReports(ctx.db, {
    scopes,
    reporterUserId,
    status: query.status as Report['status'] | undefined,
    type: query.type as EventType | undefined,
    fromIso: checkTime(query.from, 'from'),
    toIso: checkTime(query.to, 'to'),
    lateOnly: query.late,
    beforeId: query.cursor,
    limit: query.limit + 1,
  });
  const items = rows.slice(0, query.limit);
  return { items, nextCursor: rows.length > query.limit ? items[items.length - 1]!.id : null };
}

// ---------------------------------------------------------------- the public receipt page

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A public report by receipt number and access code; a wrong code reads as "no such receipt". */
async function reportByReceipt(ctx: Pick<ServiceContext, 'db'>, receiptNo: string, accessCode: string): Promise<Report> {
  const found = await store.findReportByReceipt(ctx.db, receiptNo.trim().toUpperCase());
  if (found === undefined || found.accessCodeHash === null || !sameHash(found.accessCodeHash, hashAccessCode(accessCode))) {
    throw new NotFoundError('receiptNo: no report with this receipt number and access code');
  }
  return found.report;
}

/** Status and thread of a public report, for its reporter. */
export async function getPublicReceipt(ctx: Pick<ServiceContext, 'db'>, props: { receiptNo: string; accessCode: string }): Promise<{ report: Report; messages: ReportMessage[] }> {
  const report = await reportByReceipt(ctx, props.receiptNo, props.accessCode);
  return { report, messages: await store.listMessages(ctx.db, report.id) };
}

// ---------------------------------------------------------------- threads

async function addMessage(unit: UnitOfWork, report: Report, author: { kind: ReportMessage['authorKind']; id: string; name: string }, body: string): Promise<ReportMessage> {
  const message: ReportMessage = { id: newId(unit.now.getTime()), reportId: report.id, authorKind: author.kind, authorName: author.name, body, createdAt: unit.now.toISOString() };
  await store.insertMessage(unit.tx, { ...message, authorId: author.id });
  await unit.audit({ action: 'report.message', targetType: 'report', targetId: report.id, jurisdictionCode: report.jurisdictionCode, after: { messageId: message.id, authorKind: author.kind, length: body.length } });
  await unit.emit({ type: 'report.message_added', jurisdictionPath: report.jurisdictionPath, payload: { reportId: report.id, messageId: message.id, authorKind: author.kind } });
  return message;
}

/**
 * A message on a report's one thread, from its reporter or an officer in scope. A follow-up is a
 * message, never a new report. With an idempotency key a retry returns the first message.
 */
export async function postReportMessage(
  ctx: ServiceContext,
  props: { reportId: string; body: string; idempotencyKey?: string | undefined },
): Promise<IdempotentResult<ReportMessage>> {
  const body = checkMessageBody(props.body);
  const work = async (unit: UnitOfWork): Promise<ReportMessage> => {
    const report = await findVisibleReport(ctx, unit.tx, props.reportId);
    if (!canPostReportMessage(ctx.actor, report)) throw new ForbiddenError(`id: you may not write on report ${props.reportId}`);
    const isReporter = report.reporterUserId === ctx.actor.id;
    return addMessage(unit, report, { kind: isReporter ? 'reporter' : 'officer', id: ctx.actor.id, name: ctx.actor.name }, body);
  };
  if (props.idempotencyKey === undefined) return { value: await withUnitOfWork(ctx, work), statusCode: 201, replayed: false };
  return withIdempotency(ctx, { scope: `report-message:${ctx.actor.id}`, key: props.idempotencyKey, requestHash: requestHash([props.reportId, body]), statusCode: 201 }, work);
}

/** A public reporter's message, opened with the access code; idempotent. */
export async function postPublicMessage(
  ctx: ServiceContext,
  props: { receiptNo: string; accessCode: string; body: string; idempotencyKey: string },
): Promise<IdempotentResult<ReportMessage>> {
  const body = checkMessageBody(props.body);
  const report = await reportByReceipt(ctx, props.receiptNo, props.accessCode);
  return withIdempotency(ctx, { scope: `public-message:${report.id}`, key: props.idempotencyKey, requestHash: requestHash([body]), statusCode: 201 }, (unit) =>
    addMessage(unit, report, { kind: 'reporter', id: report.reporterId, name: 'reporter' }, body),
  );
}

// ---------------------------------------------------------------- reporting limits and timeliness

export interface ReportingLimit {
  readonly reportType: EventType;
  /** Null: no limit configured. */
  readonly limitMinutes: number | null;
  /** True for disease types, whose limits regulation fixes. */
  readonly isFixed: boolean;
  readonly updatedAt: string | null;
}

/** The limit of every type: fixed disease limits (Class A / clusters; others), configured ones, or none. */
export async function listReportingLimits(ctx: ServiceContext): Promise<ReportingLimit[]> {
  const configured = new Map((await store.listLimits(ctx.db)).map((l) => [l.reportType, l]));
  return EVENT_TYPES.map((type) => {
    if (type === 'disease_cluster') return { reportType: type, limitMinutes: 120, isFixed: true, updatedAt: null };
    if (type === 'disease_case') return { reportType: type, limitMinutes: 24 * 60, isFixed: true, updatedAt: null };
    const row = configured.get(type);
    return { reportType: type, limitMinutes: row?.limitMinutes ?? null, isFixed: false, updatedAt: row?.updatedAt ?? null };
  });
}

/** Sets (or, with null, removes) the reporting limit of a non-disease type. National admins only. */
export async function setReportingLimit(ctx: ServiceContext, props: { type: string; limitMinutes: number | null }): Promise<ReportingLimit> {
  if (!isEventType(props.type)) throw InvalidInputError.forField('type', `must be one of ${EVENT_TYPES.join(', ')}`);
  const type = props.type;
  if (!canSetReportingLimits(ctx.actor, ROOT_PATH)) throw new ForbiddenError('reporting limits are national settings: an admin of the country root sets them');
  if (hasFixedLimit(type)) throw InvalidInputError.forField('type', 'disease reporting limits are fixed by regulation (2 h Class A and clusters, 24 h others)');
  if (props.limitMinutes !== null && (!Number.isInteger(props.limitMinutes) || props.limitMinutes < 1 || props.limitMinutes > 30 * 24 * 60)) {
    throw InvalidInputError.forField('limitMinutes', 'must be a whole number of minutes from 1 to 43200 (30 days), or null');
  }
  return withUnitOfWork(ctx, async (unit) => {
    const before = await store.limitOf(unit.tx, type);
    await store.upsertLimit(unit.tx, type, props.limitMinutes, ctx.actor.id, unit.now.toISOString());
    await unit.audit({ action: 'reporting_limit.set', targetType: 'reporting_limit', targetId: type, before: { limitMinutes: before ?? null }, after: { limitMinutes: props.limitMinutes } });
    await unit.emit({ type: 'reporting_limit.changed', jurisdictionPath: ROOT_PATH, payload: { reportType: type, limitMinutes: props.limitMinutes } });
    return { reportType: type, limitMinutes: props.limitMinutes, isFixed: false, updatedAt: unit.now.toISOString() };
  });
}

/** On-time rate per reporting unit in a subtree and period, and the units that reported late. */
export async function getTimeliness(ctx: ServiceContext, props: { within?: string | undefined; from?: string | undefined; to?: string | undefined }): Promise<{ units: UnitTimeliness[]; lateUnits: UnitTimeliness[] }> {
  const scopes = await readerScopes(ctx, props.within);
  if (scopes !== 'all' && scopes.length === 0) throw new ForbiddenError('you read no subtree\'s reports');
  const counts = await store.timelinessCounts(ctx.db, { scopes: scopes === 'all' ? [ROOT_PATH] : scopes, fromIso: checkTime(props.from, 'from'), toIso: checkTime(props.to, 'to') });
  return summariseTimeliness(counts);
}

// ---------------------------------------------------------------- folk professionals

export interface RegisterReporterProps {
  readonly displayName: string;
  readonly declaredField: string;
  readonly phone?: string | null | undefined;
  readonly email?: string | null | undefined;
  /** Where they live or work; default: none (the country root's officers see them). */
  readonly jurisdictionCode?: string | null | undefined;
}

/** Registers a citizen as a folk professional; the reporter token is returned once and only its hash kept. */
export async function registerReporter(ctx: ServiceContext, props: RegisterReporterProps): Promise<{ reporter: Reporter; token: string }> {
  if (!(DECLARED_FIELDS as readonly string[]).includes(props.declaredField)) throw InvalidInputError.forField('declaredField', `must be one of ${DECLARED_FIELDS.join(', ')}`);
  const displayName = props.displayName.trim();
  if (displayName === '') throw InvalidInputError.forField('displayName', 'must not be empty');
  const phone = props.phone?.trim() || null;
  const email = props.email?.trim() || null;
  if (phone === null && email === null) throw InvalidInputError.forField('phone', 'give a phone number or an e-mail address so officers can reach you');
  let jurisdictionCode: string | null = null;
  if (props.jurisdictionCode !== undefined && props.jurisdictionCode !== null && props.jurisdictionCode.trim() !== '') {
    try {
      jurisdictionCode = (await loadJurisdiction(ctx, props.jurisdictionCode, 'jurisdictionCode')).code;
    } catch (error) {
      if (error instanceof NotFoundError) throw InvalidInputError.forField('jurisdictionCode', `no jurisdiction with code ${props.jurisdictionCode}`);
      throw error;
    }
  }
  const token = newSecretToken();
  return withUnitOfWork(ctx, async (unit) => {
    const id = newId(unit.now.getTime());
    await store.insertReporter(unit.tx, { id, kind: 'folk_professional', userId: null, displayName, declaredField: props.declaredField, phone, email, jurisdictionCode, tokenHash: hashReporterToken(token) }, unit.now.toISOString());
    await unit.audit({
      action: 'reporter.register',
      targetType: 'reporter',
      targetId: id,
      jurisdictionCode,
      after: { kind: 'folk_professional', displayName, declaredField: props.declaredField, phone, email },
      personalFields: REPORTER_PERSONAL_FIELDS,
    });
    const reporter = await store.findReporter(unit.tx, id);
    await unit.emit({ type: 'reporter.registered', jurisdictionPath: reporter!.path, payload: { id, declaredField: props.declaredField, jurisdictionCode } });
    return { reporter: reporter!, token };
  });
}

async function findManagedReporter(ctx: ServiceContext, db: ServiceContext['db'] | UnitOfWork['tx'], id: string) {
  const reporter = await store.findReporter(db, id);
  if (reporter === undefined) throw new NotFoundError(`id: no reporter ${id}`);
  if (!canManageReporter(ctx.actor, reporter.path)) throw new ForbiddenError(`id: reporter ${id} is outside your jurisdiction`);
  return reporter;
}

async function auditContactRead(ctx: ServiceContext, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await withUnitOfWork(ctx, (unit) =>
    unit.audit({ action: 'reporter.read_personal', targetType: ids.length === 1 ? 'reporter' : 'reporter_batch', targetId: ids.length === 1 ? ids[0]! : `${ids[0]}..${ids[ids.length - 1]}`, after: { reporterIds: [...ids], fields: [...REPORTER_PERSONAL_FIELDS] } }),
  );
}

/** One reporter with contact details, for officers over their unit; the read is audited. */
export async function getReporter(ctx: ServiceContext, id: string): Promise<Reporter> {
  const reporter = await findManagedReporter(ctx, ctx.db, id);
  await auditContactRead(ctx, [id]);
  return reporter;
}

/** Registered folk professionals in the officer's subtrees (or `within`); each page's read is audited. */
export async function listReporters(ctx: ServiceContext, query: { within?: string | undefined; limit: number; cursor?: string | undefined }): Promise<Page<Reporter>> {
  let scopes: store.ScopePaths;
  if (query.within !== undefined && query.within.trim() !== '') {
    const unit = await loadJurisdiction(ctx, query.within, 'within');
    if (!canManageReporter(ctx.actor, unit.path)) throw new ForbiddenError(`within: you may not manage the reporters of ${unit.code}`);
    scopes = [unit.path];
  } else if (ctx.actor.kind === 'system') {
    scopes = 'all';
  } else {
    scopes = ctx.actor.grants.filter((g) => canManageReporter({ ...ctx.actor, grants: [g] }, g.jurisdictionPath)).map((g) => g.jurisdictionPath);
  }
  const rows = await store.listReporters(ctx.db, { scopes, afterId: query.cursor, limit: query.limit + 1 });
  const items = rows.slice(0, query.limit);
  await auditContactRead(ctx, items.map((r) => r.id));
  return { items, nextCursor: rows.length > query.limit ? items[items.length - 1]!.id : null };
}

/** Changes a reporter's declared field or unit, or revokes their token (they can no longer report as a professional). */
export async function updateReporter(
  ctx: ServiceContext,
  props: { id: string; declaredField?: string | undefined; jurisdictionCode?: string | null | undefined; revokeToken?: boolean | undefined },
): Promise<Reporter> {
  if (props.declaredField !== undefined && !(DECLARED_FIELDS as readonly string[]).includes(props.declaredField)) {
    throw InvalidInputError.forField('declaredField', `must be one of ${DECLARED_FIELDS.join(', ')}`);
  }
  const unitCode = props.jurisdictionCode === undefined || props.jurisdictionCode === null ? props.jurisdictionCode : await loadJurisdiction(ctx, props.jurisdictionCode, 'jurisdictionCode');
  return withUnitOfWork(ctx, async (unit) => {
    const before = await findManagedReporter(ctx, unit.tx, props.id);
    if (unitCode !== undefined && unitCode !== null && !canManageReporter(ctx.actor, unitCode.path)) {
      throw new ForbiddenError(`jurisdictionCode: ${unitCode.code} is outside your jurisdiction`);
    }
    const changes = {
      ...(props.declaredField !== undefined ? { declaredField: props.declaredField } : {}),
      ...(unitCode !== undefined ? { jurisdictionCode: unitCode === null ? null : unitCode.code } : {}),
      ...(props.revokeToken ? { revokeToken: true } : {}),
    };
    await store.updateReporter(unit.tx, props.id, changes, unit.now.toISOString());
    await unit.audit({
      action: 'reporter.update',
      targetType: 'reporter',
      targetId: props.id,
      jurisdictionCode: before.jurisdictionCode,
      before: { declaredField: before.declaredField, jurisdictionCode: before.jurisdictionCode, hasToken: before.hasToken },
      after: changes,
    });
    const after = (await store.findReporter(unit.tx, props.id))!;
    await unit.emit({ type: 'reporter.updated', jurisdictionPath: after.path, payload: { id: props.id, changed: Object.keys(changes) } });
    return after;
  });
}

// ---------------------------------------------------------------- what the signals room calls

/** A report as the signals pipeline takes it in. */
export interface ReportForSignal {
  readonly id: string;
  readonly receiptNo: string;
  readonly type: EventType;
  readonly title: string | null;
  readonly description: string;
  readonly observedAt: string;
  readonly reportedAt: string;
  /** The matched unit; null when the place matched none. */
  readonly jurisdictionCode: string | null;
  readonly placeText: string | null;
  /** [longitude, latitude] as the reporter gave it. */
  readonly point: [number, number] | null;
  readonly reporterId: string;
  readonly reporterKind: ReporterKind;
  /** A folk professional's declared field (doctor, nurse, …); null for others. */
  readonly declaredField: string | null;
}

/**
 * Reports not yet turned into a signal (signal_id null), oldest first, spam suspects excluded.
 * Internal: no scope check; the signals pipeline serves the whole deployment.
 */
export async function listReportsAwaitingSignal(ctx: ServiceContext, limit: number): Promise<ReportForSignal[]> {
  if (!Number.isInteger(limit) || limit < 1) throw InvalidInputError.forField('limit', 'must be a positive whole number');
  const reports = await store.listAwaitingSignal(ctx.db, limit);
  return reports.map((r) => ({
    id: r.id,
    receiptNo: r.receiptNo,
    type: r.type,
    title: r.title,
    description: r.description,
    observedAt: r.observedAt,
    reportedAt: r.reportedAt,
    jurisdictionCode: r.jurisdictionCode,
    placeText: r.placeText,
    point: r.point === null ? null : [r.point[0], r.point[1]],
    reporterId: r.reporterId,
    reporterKind: r.reporterKind,
    declaredField: r.reporterKind === 'folk_professional' ? r.declaredField : null,
  }));
}

/** Records which signal a report became, in the caller's transaction (audited). 404 for an unknown report. */
export async function attachSignal(unit: UnitOfWork, reportId: string, signalId: string): Promise<void> {
  const updated = await store.setReportSignal(unit.tx, reportId, signalId, unit.now.toISOString());
  if (updated === 0) {
    const existing = await store.findReportSignalId(unit.tx, reportId);
    if (existing === undefined) throw new NotFoundError(`reportId: no report ${reportId}`);
    throw new ConflictError(`reportId: report ${reportId} already belongs to signal ${existing}`);
  }
  await unit.audit({ action: 'report.attach_signal', targetType: 'report', targetId: reportId, after: { signalId } });
}

const VERDICT_TEXT: Readonly<Record<Verdict, string>> = {
  verified: 'Your report has been verified. Thank you. / 您的报告已核实，谢谢。',
  rejected: 'Your report could not be confirmed. / 您的报告未能核实。',
  merged: 'Your report was merged with other reports of the same event. / 您的报告已与同一事件的其他报告合并。',
  escalated: 'Your report has been escalated for response. / 您的报告已上报处置。',
};

/**
 * Applies the signals room's verdict in the caller's transaction: sets the report's status (the
 * reporter sees it on the receipt page) and adds a system message to its thread.
 */
export async function applyVerdict(unit: UnitOfWork, reportId: string, verdict: Verdict, note?: string): Promise<void> {
  const report = await store.findReport(unit.tx, reportId);
  if (report === undefined) throw new NotFoundError(`reportId: no report ${reportId}`);
  await store.setReportStatus(unit.tx, reportId, verdict, unit.now.toISOString());
  await unit.audit({ action: 'report.verdict', targetType: 'report', targetId: reportId, jurisdictionCode: report.jurisdictionCode, before: { status: report.status }, after: { status: verdict, note: note ?? null } });
  await unit.emit({ type: 'report.status_changed', jurisdictionPath: report.jurisdictionPath, payload: { id: reportId, status: verdict, previous: report.status } });
  const body = note === undefined || note.trim() === '' ? VERDICT_TEXT[verdict] : `${VERDICT_TEXT[verdict]}\n${note.trim()}`;
  await addMessage(unit, report, { kind: 'system', id: 'system', name: 'Seamless' }, body);
}
