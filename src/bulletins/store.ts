import type { Db, Tx } from '../platform/db/database.js';
import type { BulletinsTable } from '../platform/db/tables/public-information.js';
import type { Bulletin, BulletinFacts, BulletinStatus } from './model.js';

type Executor = Db | Tx;

function toBulletin(row: BulletinsTable): Bulletin {
  return {
    id: row.id,
    jurisdictionCode: row.jurisdiction_code,
    jurisdictionPath: row.jurisdiction_path,
    period: row.period,
    status: row.status as BulletinStatus,
    titleZh: row.title_zh,
    titleEn: row.title_en,
    textZh: row.text_zh,
    textEn: row.text_en,
    facts: JSON.parse(row.figures_json) as BulletinFacts,
    draftedBy: row.drafted_by,
    draftedAt: row.drafted_at,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    publishedBy: row.published_by,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
  };
}

function columns(b: Bulletin) {
  return {
    status: b.status,
    title_zh: b.titleZh,
    title_en: b.titleEn,
    text_zh: b.textZh,
    text_en: b.textEn,
    figures_json: JSON.stringify(b.facts),
    drafted_by: b.draftedBy,
    drafted_at: b.draftedAt,
    approved_by: b.approvedBy,
    approved_at: b.approvedAt,
    published_by: b.publishedBy,
    published_at: b.publishedAt,
    updated_at: b.updatedAt,
  };
}

export async function findBulletin(db: Executor, id: string): Promise<Bulletin | undefined> {
  const row = await db.selectFrom('bulletins').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toBulletin(row);
}

export async function findForDay(db: Executor, jurisdictionCode: string, period: string): Promise<Bulletin | undefined> {
  const row = await db.selectFrom('bulletins').selectAll().where('jurisdiction_code', '=', jurisdictionCode).where('period', '=', period).executeTakeFirst();
  return row === undefined ? undefined : toBulletin(row);
}

export async function insertBulletin(tx: Tx, b: Bulletin): Promise<void> {
  await tx.insertInto('bulletins').values({ id: b.id, jurisdiction_code: b.jurisdictionCode, jurisdiction_path: b.jurisdictionPath, period: b.period, ...columns(b) }).execute();
}

export async function updateBulletin(tx: Tx, b: Bulletin): Promise<void> {
  await tx.updateTable('bulletins').set(columns(b)).where('id', '=', b.id).execute();
}

export interface BulletinFilter {
  readonly paths: readonly string[] | 'all';
  readonly statuses?: readonly BulletinStatus[] | undefined;
  readonly period?: string | undefined;
  /** Keyset paging, newest first by (period, id). */
  readonly before?: { readonly period: string; readonly id: string } | undefined;
  readonly limit: number;
}

/** Bulletins in the subtrees, newest day first. */
export async function listBulletins(db: Executor, filter: BulletinFilter): Promise<Bulletin[]> {
  const paths = filter.paths;
  if (paths !== 'all' && paths.length === 0) return [];
  let query = db.selectFrom('bulletins').selectAll();
  if (paths !== 'all') {
    query = query.where((eb) => eb.or(paths.map((path) => eb.and([eb('jurisdiction_path', '>=', path), eb('jurisdiction_path', '<', `${path}~`)]))));
  }
  if (filter.statuses !== undefined && filter.statuses.length > 0) query = query.where('status', 'in', filter.statuses);
  if (filter.period !== undefined) query = query.where('period', '=', filter.period);
  const before = filter.before;
  if (before !== undefined) {
    query = query.where((eb) => eb.or([eb('period', '<', before.period), eb.and([eb('period', '=', before.period), eb('id', '<', before.id)])]));
  }
  const rows = await query.orderBy('period', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map(toBulletin);
}

/** Units that had a bulletin for `period`: the job keeps their daily series going. */
export async function unitsWithBulletinOn(db: Executor, period: string): Promise<string[]> {
  const rows = await db.selectFrom('bulletins').select('jurisdiction_code').where('period', '=', period).execute();
  return rows.map((r) => r.jurisdiction_code);
}
