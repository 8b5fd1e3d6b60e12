import { sql } from 'kysely';
import type { Db, Tx } from '../platform/db/database.js';
import type { JurisdictionsTable } from '../platform/db/tables/foundation.js';
import type { JurisdictionLevel } from '../core/jurisdiction-code.js';
import type { BoundaryGeometry, Jurisdiction, JurisdictionStatus } from './model.js';

type Row = JurisdictionsTable;
type Executor = Db | Tx;

export function rowToJurisdiction(row: Row): Jurisdiction {
  return {
    code: row.code,
    parentCode: row.parent_code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    level: row.level as JurisdictionLevel,
    path: row.path,
    depth: row.depth,
    population: row.population,
    centroid: row.centroid_lon !== null && row.centroid_lat !== null ? [row.centroid_lon, row.centroid_lat] : null,
    boundary: row.boundary === null ? null : (JSON.parse(row.boundary) as BoundaryGeometry),
    status: row.status as JurisdictionStatus,
    mergedInto: row.merged_into,
    source: row.source,
  };
}

/** Columns without the boundary, which can be large: lists never need it. */
const LIGHT_COLUMNS = [
  'code',
  'parent_code',
  'name_zh',
  'name_en',
  'level',
  'path',
  'depth',
  'population',
  'centroid_lon',
  'centroid_lat',
  'status',
  'merged_into',
  'source',
  'created_at',
  'updated_at',
] as const;

export type JurisdictionSummary = Omit<Jurisdiction, 'boundary'> & { readonly hasBoundary: boolean };

function toSummary(row: Omit<Row, 'boundary'> & { has_boundary: number | boolean }): JurisdictionSummary {
  const { boundary: _unused, ...rest } = rowToJurisdiction({ ...row, boundary: null });
  return { ...rest, hasBoundary: Boolean(row.has_boundary) };
}

const hasBoundary = sql<number>`case when boundary is null then 0 else 1 end`.as('has_boundary');

export async function findByCode(db: Executor, code: string): Promise<Jurisdiction | undefined> {
  const row = await db.selectFrom('jurisdictions').selectAll().where('code', '=', code).executeTakeFirst();
  return row === undefined ? undefined : rowToJurisdiction(row);
}

export async function findSummariesByCodes(db: Executor, codes: readonly string[]): Promise<JurisdictionSummary[]> {
  if (codes.length === 0) return [];
  const rows = await db.selectFrom('jurisdictions').select([...LIGHT_COLUMNS, hasBoundary]).where('code', 'in', codes).execute();
  return rows.map(toSummary);
}

/** Direct children in code order, keyset-paged after `afterCode`. */
export async function listChildren(db: Executor, parentCode: string, limit: number, afterCode?: string): Promise<JurisdictionSummary[]> {
  let query = db
    .selectFrom('jurisdictions')
    .select([...LIGHT_COLUMNS, hasBoundary])
    .where('parent_code', '=', parentCode)
    .orderBy('code')
    .limit(limit);
  if (afterCode !== undefined) query = query.where('code', '>', afterCode);
  return (await query.execute()).map(toSummary);
}

export async function countChildren(db: Executor, codes: readonly string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('jurisdictions')
    .select(['parent_code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('parent_code', 'in', codes)
    .groupBy('parent_code')
    .execute();
  return new Map(rows.map((r) => [r.parent_code ?? '', Number(r.n)]));
}

/** Range bounds of a subtree on the binary-collated path column ("~" sorts after every code char). */
export function subtreeRange(path: string): readonly [string, string] {
  return [path, `${path}~`];
}

/** Units whose path lies under `path` (the unit itself included); uses the path index. */
export async function countSubtree(db: Executor, path: string): Promise<number> {
  const [low, high] = subtreeRange(path);
  const row = await db
    .selectFrom('jurisdictions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('path', '>=', low)
    .where('path', '<', high)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Full geometry rows of a unit and its direct children, for maps. */
export async function findWithChildrenGeometry(db: Executor, code: string): Promise<Jurisdiction[]> {
  const rows = await db
    .selectFrom('jurisdictions')
    .selectAll()
    .where((eb) => eb.or([eb('code', '=', code), eb('parent_code', '=', code)]))
    .orderBy('code')
    .execute();
  return rows.map(rowToJurisdiction);
}

/** Gazetteer search: code prefix or name substring, optionally within a subtree. */
export async function search(
  db: Executor,
  props: { text: string; withinPath?: string | undefined; scopePaths: readonly string[] | 'all'; limit: number },
): Promise<JurisdictionSummary[]> {
  let query = db.selectFrom('jurisdictions').select([...LIGHT_COLUMNS, hasBoundary]);
  const text = props.text.trim();
  if (/^\d+$/.test(text)) {
    query = query.where('code', '>=', text).where('code', '<', `${text}~`);
  } else if (text !== '') {
    const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
    query = query.where((eb) =>
      eb.or([
        eb('name_zh', 'like', sql<string>`${`%${escaped}%`} escape '\\'`),
        // lower() on both sides: LIKE ignores ASCII case on SQLite but not on PostgreSQL.
        eb(eb.fn<string>('lower', ['name_en']), 'like', sql<string>`${`%${escaped.toLowerCase()}%`} escape '\\'`),
      ]),
    );
  }
  if (props.withinPath !== undefined) {
    const [low, high] = subtreeRange(props.withinPath);
    query = query.where('path', '>=', low).where('path', '<', high);
  }
  if (props.scopePaths !== 'all') {
    const scopes = props.scopePaths;
    if (scopes.length === 0) return [];
    query = query.where((eb) =>
      eb.or(scopes.map((p) => eb.and([eb('path', '>=', subtreeRange(p)[0]), eb('path', '<', subtreeRange(p)[1])]))),
    );
  }
  const rows = await query.orderBy('depth').orderBy('code').limit(props.limit).execute();
  return rows.map(toSummary);
}

export interface JurisdictionWrite {
  readonly code: string;
  readonly parentCode: string | null;
  readonly nameZh: string;
  readonly nameEn: string | null;
  readonly level: JurisdictionLevel;
  readonly path: string;
  readonly depth: number;
  readonly population: number | null;
  readonly centroid: readonly [number, number] | null;
  readonly boundary: BoundaryGeometry | null;
  readonly source: string | null;
}

function toRow(unit: JurisdictionWrite, now: string): Row {
  return {
    code: unit.code,
    parent_code: unit.parentCode,
    name_zh: unit.nameZh,
    name_en: unit.nameEn,
    level: unit.level,
    path: unit.path,
    depth: unit.depth,
    population: unit.population,
    centroid_lon: unit.centroid?.[0] ?? null,
    centroid_lat: unit.centroid?.[1] ?? null,
    boundary: unit.boundary === null ? null : JSON.stringify(unit.boundary),
    status: 'active',
    merged_into: null,
    source: unit.source,
    created_at: now,
    updated_at: now,
  };
}

/** Columns per jurisdictions row: a multi-row statement binds this many variables per row. */
const COLUMNS_PER_ROW = 16;
/** Bound variables per statement: SQLite's default limit is 32,766, PostgreSQL's 65,535. */
const MAX_VARIABLES = { sqlite: 32_766, postgres: 65_535 } as const;

/** Rows per multi-row statement on an engine. */
export function rowsPerStatement(dialect: 'sqlite' | 'postgres' = 'sqlite'): number {
  return Math.floor(MAX_VARIABLES[dialect] / COLUMNS_PER_ROW);
}

/**
 * Inserts or updates units by code in multi-row statements. On conflict the imported fields
 * replace the stored ones, but a missing centroid/boundary/population/English name never erases
 * one already stored (an import of names must not wipe the demo geometry).
 */
export async function upsertMany(
  tx: Executor,
  units: readonly JurisdictionWrite[],
  now: string,
  dialect: 'sqlite' | 'postgres' = 'sqlite',
  options: { keepParents?: boolean } = {},
): Promise<number> {
  const step = rowsPerStatement(dialect);
  let written = 0;
  for (let start = 0; start < units.length; start += step) {
    const rows = units.slice(start, start + step).map((u) => toRow(u, now));
    const result = await tx
      .insertInto('jurisdictions')
      .values(rows)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          parent_code: eb.ref('excluded.parent_code'),
          name_zh: eb.ref('excluded.name_zh'),
          name_en: sql`coalesce(excluded.name_en, jurisdictions.name_en)`,
          level: eb.ref('excluded.level'),
          path: eb.ref('excluded.path'),
          depth: eb.ref('excluded.depth'),
          population: sql`coalesce(excluded.population, jurisdictions.population)`,
          centroid_lon: sql`coalesce(excluded.centroid_lon, jurisdictions.centroid_lon)`,
          centroid_lat: sql`coalesce(excluded.centroid_lat, jurisdictions.centroid_lat)`,
          boundary: sql`coalesce(excluded.boundary, jurisdictions.boundary)`,
          source: sql`coalesce(excluded.source, jurisdictions.source)`,
          updated_at: eb.ref('excluded.updated_at'),
        }))
        // keepParents: a stored unit whose parent differs is left alone (and not counted), so the
        // caller sees it in the count without a separate query per batch.
        .where(
          options.keepParents === true
            ? sql<boolean>`${sql.ref('jurisdictions.parent_code')} ${sql.raw(dialect === 'postgres' ? 'is not distinct from' : 'is')} ${sql.ref('excluded.parent_code')}`
            : sql<boolean>`1 = 1`,
        ),
      )
      .executeTakeFirst();
    written += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return written;
}

/** Stored parent codes of those of `codes` that exist (null for a root). */
export async function parentsOf(db: Executor, codes: readonly string[]): Promise<Map<string, string | null>> {
  const result = new Map<string, string | null>();
  for (let i = 0; i < codes.length; i += 5000) {
    const rows = await db.selectFrom('jurisdictions').select(['code', 'parent_code']).where('code', 'in', codes.slice(i, i + 5000)).execute();
    for (const r of rows) result.set(r.code, r.parent_code);
  }
  return result;
}

/** Paths of the given codes (for resolving parents during an import). */
export async function pathsOf(db: Executor, codes: readonly string[]): Promise<Map<string, { path: string; depth: number; level: JurisdictionLevel }>> {
  const result = new Map<string, { path: string; depth: number; level: JurisdictionLevel }>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db
      .selectFrom('jurisdictions')
      .select(['code', 'path', 'depth', 'level'])
      .where('code', 'in', codes.slice(i, i + 500))
      .execute();
    for (const r of rows) result.set(r.code, { path: r.path, depth: r.depth, level: r.level as JurisdictionLevel });
  }
  return result;
}

export async function countAll(db: Executor): Promise<number> {
  const row = await db.selectFrom('jurisdictions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface GazetteerRow {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string | null;
  readonly level: JurisdictionLevel;
  readonly path: string;
}

/** Names of every active unit in code order, page by page (for building a gazetteer index). */
export async function listGazetteerPage(db: Executor, afterCode: string | undefined, limit: number): Promise<GazetteerRow[]> {
  let query = db
    .selectFrom('jurisdictions')
    .select(['code', 'name_zh', 'name_en', 'level', 'path'])
    .where('status', '=', 'active')
    .orderBy('code')
    .limit(limit);
  if (afterCode !== undefined) query = query.where('code', '>', afterCode);
  const rows = await query.execute();
  return rows.map((r) => ({ code: r.code, nameZh: r.name_zh, nameEn: r.name_en, level: r.level as JurisdictionLevel, path: r.path }));
}

/** A cheap fingerprint of the tree's state: changes when units are added, renamed or moved. */
export async function treeFingerprint(db: Executor): Promise<string> {
  const row = await db
    .selectFrom('jurisdictions')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('latest')])
    .executeTakeFirstOrThrow();
  return `${Number(row.n)}:${row.latest ?? ''}`;
}
