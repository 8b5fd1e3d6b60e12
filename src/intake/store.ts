import { sql } from 'kysely';
import type { Db, Tx } from '../platform/db/database.js';
import type { EventType } from '../core/incident-types.js';
import type { DiseaseClass, Report, ReportMessage, Reporter, ReporterKind, ReportStatus } from './model.js';
import type { PhotoData } from './photos.js';

type Executor = Db | Tx;

/** Which subtrees a list covers: every subtree in `paths`, or all. */
export type ScopePaths = readonly string[] | 'all';

/** Range bounds of a subtree on a path column ("~" sorts after every code character). */
function subtreeRange(path: string): readonly [string, string] {
  return [path, `${path}~`];
}

// ---------------------------------------------------------------- reports

function selectReports(db: Executor) {
  return db
    .selectFrom('reports as r')
    .innerJoin('reporters as p', 'p.id', 'r.reporter_id')
    .select([
      'r.id', 'r.receipt_no', 'r.type', 'r.disease_class', 'r.jurisdiction_code', 'r.jurisdiction_path', 'r.place_text',
      'r.point_lon', 'r.point_lat', 'r.place_unmatched', 'r.observed_at', 'r.reported_at', 'r.deadline_at', 'r.is_late',
      'r.title', 'r.description', 'r.reporter_id', 'r.reporter_kind', 'r.reporting_unit_code', 'r.reporting_unit_path',
      'r.status', 'r.spam_score', 'r.signal_id', 'p.user_id as reporter_user_id', 'p.declared_field',
    ]);
}

type ReportRow = Awaited<ReturnType<ReturnType<typeof selectReports>['executeTakeFirstOrThrow']>>;

function toReport(row: ReportRow, photoIds: readonly string[]): Report {
  return {
    id: row.id,
    receiptNo: row.receipt_no,
    type: row.type as EventType,
    diseaseClass: row.disease_class as DiseaseClass | null,
    jurisdictionCode: row.jurisdiction_code,
    jurisdictionPath: row.jurisdiction_path ?? '/000000000000/',
    placeText: row.place_text,
    point: row.point_lon === null || row.point_lat === null ? null : [row.point_lon, row.point_lat],
    placeUnmatched: row.place_unmatched === 1,
    observedAt: row.observed_at,
    reportedAt: row.reported_at,
    deadlineAt: row.deadline_at,
    isLate: row.is_late === 1,
    title: row.title,
    description: row.description,
    reporterId: row.reporter_id,
    reporterKind: row.reporter_kind as ReporterKind,
    reporterUserId: row.reporter_user_id,
    declaredField: row.declared_field,
    reportingUnitCode: row.reporting_unit_code,
    reportingUnitPath: row.reporting_unit_path,
    status: row.status as ReportStatus,
    spamScore: Number(row.spam_score),
    signalId: row.signal_id,
    photoIds,
  };
}

async function photoIdsOf(db: Executor, reportIds: readonly string[]): Promise<Map<string, string[]>> {
  const byReport = new Map<string, string[]>();
  if (reportIds.length === 0) return byReport;
  const rows = await db.selectFrom('report_photos').select(['id', 'report_id']).where('report_id', 'in', reportIds).orderBy('id').execute();
  for (const row of rows) byReport.set(row.report_id, [...(byReport.get(row.report_id) ?? []), row.id]);
  return byReport;
}

async function withPhotos(db: Executor, rows: readonly ReportRow[]): Promise<Report[]> {
  const photos = await photoIdsOf(db, rows.map((r) => r.id));
  return rows.map((row) => toReport(row, photos.get(row.id) ?? []));
}

export async function findReport(db: Executor, id: string): Promise<Report | undefined> {
  const row = await selectReports(db).where('r.id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : (await withPhotos(db, [row]))[0];
}

/** A report by receipt number, with the hash its access code must match. */
export async function findReportByReceipt(db: Executor, receiptNo: string): Promise<{ report: Report; accessCodeHash: string | null } | undefined> {
  const row = await selectReports(db).select('r.access_code_hash').where('r.receipt_no', '=', receiptNo).executeTakeFirst();
  if (row === undefined) return undefined;
  return { report: (await withPhotos(db, [row]))[0]!, accessCodeHash: row.access_code_hash };
}

export async function receiptExists(db: Executor, receiptNo: string): Promise<boolean> {
  return (await db.selectFrom('reports').select('id').where('receipt_no', '=', receiptNo).executeTakeFirst()) !== undefined;
}

/** What a new report row holds: the read model's own fields plus the secret's hash. */
export type ReportInsert = Omit<Report, 'reporterUserId' | 'declaredField' | 'signalId' | 'photoIds'> & {
  readonly accessCodeHash: string | null;
};

export async function insertReport(tx: Executor, report: ReportInsert): Promise<void> {
  await tx
    .insertInto('reports')
    .values({
      id: report.id,
      receipt_no: report.receiptNo,
      type: report.type,
      disease_class: report.diseaseClass,
      jurisdiction_code: report.jurisdictionCode,
      jurisdiction_path: report.jurisdictionPath,
      place_text: report.placeText,
      point_lon: report.point?.[0] ?? null,
      point_lat: report.point?.[1] ?? null,
      place_unmatched: report.placeUnmatched ? 1 : 0,
      observed_at: report.observedAt,
      reported_at: report.reportedAt,
      deadline_at: report.deadlineAt,
      is_late: report.isLate ? 1 : 0,
      title: report.title,
      description: report.description,
      reporter_id: report.reporterId,
      reporter_kind: report.reporterKind,
      reporting_unit_code: report.reportingUnitCode,
      reporting_unit_path: report.reportingUnitPath,
      access_code_hash: report.accessCodeHash,
      status: report.status,
      spam_score: report.spamScore,
      signal_id: null,
      created_at: report.reportedAt,
      updated_at: report.reportedAt,
    })
    .execute();
}

export async function insertPhotos(tx: Executor, reportId: string, photos: readonly (PhotoData & { id: string })[], now: string): Promise<void> {
  for (const photo of photos) {
    await tx
      .insertInto('report_photos')
      .values({ id: photo.id, report_id: reportId, mime_type: photo.mimeType, size_bytes: photo.sizeBytes, sha256: photo.sha256, data: photo.data, created_at: now })
      .execute();
  }
}

export async function findPhoto(db: Executor, reportId: string, photoId: string): Promise<{ mimeType: string; data: Buffer; sha256: string } | undefined> {
  const row = await db
    .selectFrom('report_photos')
    .select(['mime_type', 'data', 'sha256'])
    .where('report_id', '=', reportId)
    .where('id', '=', photoId)
    .executeTakeFirst();
  return row === undefined ? undefined : { mimeType: row.mime_type, data: Buffer.from(row.data), sha256: row.sha256 };
}

export interface ReportFilter {
  readonly scopes: ScopePaths;
  /** Only reports filed by this user (actors without a reader role). */
  readonly reporterUserId?: string | undefined;
  readonly status?: ReportStatus | undefined;
  readonly type?: EventType | undefined;
  readonly fromIso?: string | undefined;
  readonly toIso?: string | undefined;
  readonly lateOnly?: boolean | undefined;
  /** The last id of the previous page (newest first). */
  readonly beforeId?: string | undefined;
  readonly limit: number;
}

/** Reports newest first; a report is in a scope by its place, or by its reporting unit when the place matched nothing. */
export async function listReports(db: Executor, filter: ReportFilter): Promise<Report[]> {
  const scopes = filter.scopes;
  if (scopes !== 'all' && scopes.length === 0) return [];
  let query = selectReports(db);
  if (scopes !== 'all') {
    query = query.where((eb) =>
      eb.or(
        scopes.flatMap((path) => {
          const [low, high] = subtreeRange(path);
          return [
            eb.and([eb('r.jurisdiction_path', '>=', low), eb('r.jurisdiction_path', '<', high)]),
            eb.and([eb('r.place_unmatched', '=', 1), eb('r.reporting_unit_path', '>=', low), eb('r.reporting_unit_path', '<', high)]),
          ];
        }),
      ),
    );
  }
  if (filter.reporterUserId !== undefined) query = query.where('p.user_id', '=', filter.reporterUserId);
  if (filter.status !== undefined) query = query.where('r.status', '=', filter.status);
  if (filter.type !== undefined) query = query.where('r.type', '=', filter.type);
  if (filter.fromIso !== undefined) query = query.where('r.reported_at', '>=', filter.fromIso);
  if (filter.toIso !== undefined) query = query.where('r.reported_at', '<', filter.toIso);
  if (filter.lateOnly) query = query.where('r.is_late', '=', 1);
  if (filter.beforeId !== undefined) query = query.where('r.id', '<', filter.beforeId);
  return withPhotos(db, await query.orderBy('r.id', 'desc').limit(filter.limit).execute());
}

export async function setReportStatus(tx: Executor, id: string, status: ReportStatus, now: string): Promise<void> {
  await tx.updateTable('reports').set({ status, updated_at: now }).where('id', '=', id).execute();
}

export async function setReportSignal(tx: Executor, id: string, signalId: string, now: string): Promise<number> {
  // Only a report that has no signal yet: two processors racing for one report cannot both win.
  const result = await tx.updateTable('reports').set({ signal_id: signalId, updated_at: now }).where('id', '=', id).where('signal_id', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The signal a report became (null when none yet); undefined when the report does not exist. */
export async function findReportSignalId(db: Executor, id: string): Promise<string | null | undefined> {
  const row = await db.selectFrom('reports').select('signal_id').where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : row.signal_id;
}

/** Reports not yet turned into a signal, oldest first, spam suspects left out. */
export async function listAwaitingSignal(db: Executor, limit: number): Promise<Report[]> {
  const rows = await selectReports(db)
    .where('r.signal_id', 'is', null)
    .where('r.status', '!=', 'spam_suspected')
    .orderBy('r.reported_at')
    .orderBy('r.id')
    .limit(limit)
    .execute();
  return rows.map((row) => toReport(row, []));
}

// ---------------------------------------------------------------- messages

export async function insertMessage(tx: Executor, message: ReportMessage & { authorId: string }): Promise<void> {
  await tx
    .insertInto('report_messages')
    .values({
      id: message.id,
      report_id: message.reportId,
      author_kind: message.authorKind,
      author_id: message.authorId,
      author_name: message.authorName,
      body: message.body,
      created_at: message.createdAt,
    })
    .execute();
}

export async function listMessages(db: Executor, reportId: string): Promise<ReportMessage[]> {
  const rows = await db.selectFrom('report_messages').selectAll().where('report_id', '=', reportId).orderBy('created_at').orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id,
    reportId: row.report_id,
    authorKind: row.author_kind as ReportMessage['authorKind'],
    authorName: row.author_name,
    body: row.body,
    createdAt: row.created_at,
  }));
}

// ---------------------------------------------------------------- reporters

function selectReporters(db: Executor) {
  return db
    .selectFrom('reporters as p')
    .leftJoin('jurisdictions as j', 'j.code', 'p.jurisdiction_code')
    .select(['p.id', 'p.kind', 'p.user_id', 'p.display_name', 'p.declared_field', 'p.phone', 'p.email', 'p.jurisdiction_code', 'p.token_hash', 'p.created_at', 'j.path']);
}

type ReporterRow = Awaited<ReturnType<ReturnType<typeof selectReporters>['executeTakeFirstOrThrow']>>;

function toReporter(row: ReporterRow): Reporter & { path: string } {
  return {
    id: row.id,
    kind: row.kind as ReporterKind,
    userId: row.user_id,
    displayName: row.display_name,
    declaredField: row.declared_field,
    phone: row.phone,
    email: row.email,
    jurisdictionCode: row.jurisdiction_code,
    hasToken: row.token_hash !== null,
    createdAt: row.created_at,
    path: row.path ?? '/000000000000/',
  };
}

export async function findReporter(db: Executor, id: string): Promise<(Reporter & { path: string }) | undefined> {
  const row = await selectReporters(db).where('p.id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toReporter(row);
}

export async function findReporterByTokenHash(db: Executor, tokenHash: string): Promise<(Reporter & { path: string }) | undefined> {
  const row = await selectReporters(db).where('p.token_hash', '=', tokenHash).executeTakeFirst();
  return row === undefined ? undefined : toReporter(row);
}

export async function findUnitReporterId(db: Executor, userId: string): Promise<string | undefined> {
  return (await db.selectFrom('reporters').select('id').where('user_id', '=', userId).where('kind', '=', 'unit').executeTakeFirst())?.id;
}

export interface ReporterInsert {
  readonly id: string;
  readonly kind: ReporterKind;
  readonly userId: string | null;
  readonly displayName: string;
  readonly declaredField: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly jurisdictionCode: string | null;
  readonly tokenHash: string | null;
}

export async function insertReporter(tx: Executor, reporter: ReporterInsert, now: string): Promise<void> {
  await tx
    .insertInto('reporters')
    .values({
      id: reporter.id,
      kind: reporter.kind,
      user_id: reporter.userId,
      display_name: reporter.displayName,
      declared_field: reporter.declaredField,
      phone: reporter.phone,
      email: reporter.email,
      jurisdiction_code: reporter.jurisdictionCode,
      token_hash: reporter.tokenHash,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function updateReporter(
  tx: Executor,
  id: string,
  changes: { declaredField?: string | null; jurisdictionCode?: string | null; revokeToken?: boolean },
  now: string,
): Promise<void> {
  await tx
    .updateTable('reporters')
    .set({
      ...(changes.declaredField !== undefined ? { declared_field: changes.declaredField } : {}),
      ...(changes.jurisdictionCode !== undefined ? { jurisdiction_code: changes.jurisdictionCode } : {}),
      ...(changes.revokeToken ? { token_hash: null } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

/** Registered (folk professional) reporters in the scopes, keyset-paged by id. */
export async function listReporters(db: Executor, filter: { scopes: ScopePaths; afterId?: string | undefined; limit: number }): Promise<(Reporter & { path: string })[]> {
  const scopes = filter.scopes;
  if (scopes !== 'all' && scopes.length === 0) return [];
  let query = selectReporters(db).where('p.kind', '=', 'folk_professional');
  if (scopes !== 'all') {
    query = query.where((eb) =>
      eb.or(
        scopes.map((path) => {
          const [low, high] = subtreeRange(path);
          // Reporters who named no unit belong to the country root.
          return eb.and([eb(eb.fn.coalesce('j.path', sql.lit('/000000000000/')), '>=', low), eb(eb.fn.coalesce('j.path', sql.lit('/000000000000/')), '<', high)]);
        }),
      ),
    );
  }
  if (filter.afterId !== undefined) query = query.where('p.id', '>', filter.afterId);
  return (await query.orderBy('p.id').limit(filter.limit).execute()).map(toReporter);
}

// ---------------------------------------------------------------- reporting limits and timeliness

export async function listLimits(db: Executor): Promise<{ reportType: string; limitMinutes: number; updatedBy: string; updatedAt: string }[]> {
  const rows = await db.selectFrom('reporting_limits').selectAll().orderBy('report_type').execute();
  return rows.map((r) => ({ reportType: r.report_type, limitMinutes: r.limit_minutes, updatedBy: r.updated_by, updatedAt: r.updated_at }));
}

export async function limitOf(db: Executor, type: string): Promise<number | undefined> {
  return (await db.selectFrom('reporting_limits').select('limit_minutes').where('report_type', '=', type).executeTakeFirst())?.limit_minutes;
}

export async function upsertLimit(tx: Executor, type: string, minutes: number | null, by: string, now: string): Promise<void> {
  if (minutes === null) {
    await tx.deleteFrom('reporting_limits').where('report_type', '=', type).execute();
    return;
  }
  await tx
    .insertInto('reporting_limits')
    .values({ report_type: type, limit_minutes: minutes, updated_by: by, updated_at: now })
    .onConflict((oc) => oc.column('report_type').doUpdateSet({ limit_minutes: minutes, updated_by: by, updated_at: now }))
    .execute();
}

/** Reports with a deadline per reporting unit in a subtree and period, and how many were late. */
export async function timelinessCounts(
  db: Executor,
  filter: { scopes: readonly string[]; fromIso?: string | undefined; toIso?: string | undefined },
): Promise<{ code: string; name: string; total: number; late: number }[]> {
  if (filter.scopes.length === 0) return [];
  let query = db
    .selectFrom('reports as r')
    .innerJoin('jurisdictions as j', 'j.code', 'r.reporting_unit_code')
    .select((eb) => ['r.reporting_unit_code as code', 'j.name_zh as name', eb.fn.countAll<number>().as('total'), eb.fn.sum<number>('r.is_late').as('late')])
    .where('r.deadline_at', 'is not', null)
    .where((eb) =>
      eb.or(filter.scopes.map((path) => {
        const [low, high] = subtreeRange(path);
        return eb.and([eb('r.reporting_unit_path', '>=', low), eb('r.reporting_unit_path', '<', high)]);
      })),
    );
  if (filter.fromIso !== undefined) query = query.where('r.reported_at', '>=', filter.fromIso);
  if (filter.toIso !== undefined) query = query.where('r.reported_at', '<', filter.toIso);
  const rows = await query.groupBy(['r.reporting_unit_code', 'j.name_zh']).orderBy('r.reporting_unit_code').execute();
  return rows.map((row) => ({ code: row.code!, name: row.name, total: Number(row.total), late: Number(row.late ?? 0) }));
}
