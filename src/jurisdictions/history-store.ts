import { sql } from 'kysely';
import type { Db, DialectName, Tx } from '../platform/db/database.js';
import type { JurisdictionHistoryTable } from '../platform/db/tables/foundation.js';
import { rowToJurisdiction, subtreeRange } from './store.js';
import type { Jurisdiction } from './model.js';

/** SQL for the tree's history and structural edits (moves, merges); the rest is in store.ts. */
type Executor = Db | Tx;
export type HistoryRow = JurisdictionHistoryTable;

/** The unit's row, locked for the rest of the transaction on PostgreSQL (SQLite has one writer). */
export async function findForUpdate(tx: Tx, dialect: DialectName, code: string): Promise<Jurisdiction | undefined> {
  let query = tx.selectFrom('jurisdictions').selectAll().where('code', '=', code);
  if (dialect === 'postgres') query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : rowToJurisdiction(row);
}

export async function insertHistory(tx: Tx, rows: readonly HistoryRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await tx.insertInto('jurisdiction_history').values(rows.slice(i, i + 1000)).execute();
}

/** Stored past versions of a unit, oldest first. */
export async function listHistory(db: Executor, code: string): Promise<HistoryRow[]> {
  return db.selectFrom('jurisdiction_history').selectAll().where('code', '=', code).orderBy('valid_from').orderBy('recorded_at').orderBy('id').execute();
}

/** When each unit's current version began: the latest end of a stored version (absent: never changed). */
export async function currentVersionStarts(db: Executor, codes: readonly string[]): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (let i = 0; i < codes.length; i += 1000) {
    const rows = await db
      .selectFrom('jurisdiction_history')
      .select(['code', (eb) => eb.fn.max('valid_to').as('start')])
      .where('code', 'in', codes.slice(i, i + 1000))
      .groupBy('code')
      .execute();
    for (const r of rows) if (r.start !== null) result.set(r.code, r.start as string);
  }
  return result;
}

/** The stored version of each unit in force on `date` (valid_from ≤ date < valid_to), if any. */
export async function versionsAt(db: Executor, codes: readonly string[], date: string): Promise<Map<string, HistoryRow>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('jurisdiction_history')
    .selectAll()
    .where('code', 'in', codes)
    .where('valid_from', '<=', date)
    .where('valid_to', '>', date)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
  // Later records win when versions of the same day were superseded more than once.
  return new Map(rows.map((r) => [r.code, r]));
}

export interface UnitChanges {
  readonly name_zh?: string;
  readonly name_en?: string | null;
  readonly population?: number | null;
  readonly centroid_lon?: number | null;
  readonly centroid_lat?: number | null;
  readonly boundary?: string | null;
  readonly parent_code?: string | null;
  readonly status?: string;
  readonly merged_into?: string | null;
}

export async function updateUnit(tx: Tx, code: string, changes: UnitChanges, now: string): Promise<void> {
  await tx.updateTable('jurisdictions').set({ ...changes, updated_at: now }).where('code', '=', code).execute();
}

/**
 * Re-roots a subtree in one UPDATE: every path starting with `oldPrefix` gets `newPrefix`
 * instead (prefix replaced with `||` and `substr`, portable to SQLite and PostgreSQL, and
 * unlike replace() never touching a later occurrence), depth shifted by `depthDelta`.
 * `includeRoot` false leaves the unit at `oldPrefix` itself alone (a merge keeps it where it is).
 * Returns the number of rows rewritten.
 */
export async function rewriteSubtreePaths(
  tx: Tx,
  props: { oldPrefix: string; newPrefix: string; depthDelta: number; includeRoot: boolean; now: string },
): Promise<number> {
  const [low, high] = subtreeRange(props.oldPrefix);
  const result = await tx
    .updateTable('jurisdictions')
    .set({
      path: sql<string>`cast(${props.newPrefix} as text) || substr(path, ${props.oldPrefix.length + 1})`,
      depth: sql<number>`depth + ${props.depthDelta}`,
      updated_at: props.now,
    })
    .where('path', props.includeRoot ? '>=' : '>', low)
    .where('path', '<', high)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Direct children's codes, with their names and parents as they are now. */
export async function childrenOf(db: Executor, code: string): Promise<Array<Pick<Jurisdiction, 'code' | 'nameZh' | 'nameEn' | 'parentCode' | 'mergedInto'>>> {
  const rows = await db
    .selectFrom('jurisdictions')
    .select(['code', 'name_zh', 'name_en', 'parent_code', 'merged_into'])
    .where('parent_code', '=', code)
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ code: r.code, nameZh: r.name_zh, nameEn: r.name_en, parentCode: r.parent_code, mergedInto: r.merged_into }));
}

export async function reparentChildren(tx: Tx, fromCode: string, toCode: string, now: string): Promise<void> {
  await tx.updateTable('jurisdictions').set({ parent_code: toCode, updated_at: now }).where('parent_code', '=', fromCode).execute();
}
