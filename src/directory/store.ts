import { sql, type ExpressionBuilder } from 'kysely';
import type { Db, Tx } from '../platform/db/database.js';
import type { Database } from '../platform/db/schema.js';
import type { DepartmentType } from '../core/roles.js';
import type { Organisation, OrganisationFields, OrganisationKind, Person, PersonFields, PersonKind } from './model.js';

type Executor = Db | Tx;

/** Which jurisdictions a list covers: every subtree in `paths` (the units themselves included), or all. */
export type ScopePaths = readonly string[] | 'all';

/** Range bounds of a subtree on the path column ("~" sorts after every code character). */
export function subtreeRange(path: string): readonly [string, string] {
  return [path, `${path}~`];
}

/** A LIKE pattern matching `text` literally anywhere, for use with `escape '\'`. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// SQLite's lower() folds ASCII only; folding only ASCII here too keeps both engines' answers identical.
function lowerAscii(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function likeEscaped(pattern: string) {
  return sql<string>`${pattern} escape '\\'`;
}

type WithJurisdiction = ExpressionBuilder<Database & { j: Database['jurisdictions'] }, 'j'>;

function withinScopes(eb: WithJurisdiction, scopes: readonly string[]) {
  return eb.or(
    scopes.map((path) => {
      const [low, high] = subtreeRange(path);
      return eb.and([eb('j.path', '>=', low), eb('j.path', '<', high)]);
    }),
  );
}

// ---------------------------------------------------------------- organisations

function selectOrganisations(db: Executor) {
  return db
    .selectFrom('organisations as o')
    .innerJoin('jurisdictions as j', 'j.code', 'o.jurisdiction_code')
    .select([
      'o.id',
      'o.kind',
      'o.department_type',
      'o.name_zh',
      'o.name_en',
      'o.jurisdiction_code',
      'o.parent_id',
      'o.phone',
      'o.email',
      'o.address',
      'j.name_zh as jurisdiction_name',
      'j.path as jurisdiction_path',
    ]);
}

type OrganisationRow = Awaited<ReturnType<ReturnType<typeof selectOrganisations>['executeTakeFirstOrThrow']>>;

function toOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    kind: row.kind as OrganisationKind,
    departmentType: row.department_type as DepartmentType | null,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    jurisdictionCode: row.jurisdiction_code,
    jurisdictionName: row.jurisdiction_name,
    jurisdictionPath: row.jurisdiction_path,
    parentId: row.parent_id,
    phone: row.phone,
    email: row.email,
    address: row.address,
  };
}

export async function findOrganisation(db: Executor, id: string): Promise<Organisation | undefined> {
  const row = await selectOrganisations(db).where('o.id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toOrganisation(row);
}

export interface OrganisationFilter {
  readonly scopes: ScopePaths;
  readonly kind?: OrganisationKind | undefined;
  readonly departmentType?: DepartmentType | undefined;
  /** Substring of the Chinese or English name. */
  readonly text?: string | undefined;
  readonly afterId?: string | undefined;
  readonly limit: number;
}

/** Organisations in the scopes, in id (creation) order, keyset-paged after `afterId`. */
export async function listOrganisations(db: Executor, filter: OrganisationFilter): Promise<Organisation[]> {
  const scopes = filter.scopes;
  if (scopes !== 'all' && scopes.length === 0) return [];
  let query = selectOrganisations(db);
  if (scopes !== 'all') query = query.where((eb) => withinScopes(eb, scopes));
  if (filter.kind !== undefined) query = query.where('o.kind', '=', filter.kind);
  if (filter.departmentType !== undefined) query = query.where('o.department_type', '=', filter.departmentType);
  if (filter.text !== undefined && filter.text.trim() !== '') {
    const pattern = likeEscaped(lowerAscii(containsPattern(filter.text.trim())));
    query = query.where((eb) =>
      eb.or([eb(sql<string>`lower(o.name_zh)`, 'like', pattern), eb(sql<string>`lower(o.name_en)`, 'like', pattern)]),
    );
  }
  if (filter.afterId !== undefined) query = query.where('o.id', '>', filter.afterId);
  const rows = await query.orderBy('o.id').limit(filter.limit).execute();
  return rows.map(toOrganisation);
}

/** The id of an organisation with this Chinese name in this jurisdiction (demo loading is keyed on it). */
export async function findOrganisationIdByName(db: Executor, jurisdictionCode: string, nameZh: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('jurisdiction_code', '=', jurisdictionCode)
    .where('name_zh', '=', nameZh)
    .orderBy('id')
    .executeTakeFirst();
  return row?.id;
}

/** The parent of an organisation (walking up to detect cycles). */
export async function findParentId(db: Executor, id: string): Promise<string | null | undefined> {
  const row = await db.selectFrom('organisations').select('parent_id').where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : row.parent_id;
}

function organisationColumns(fields: OrganisationFields) {
  return {
    kind: fields.kind,
    department_type: fields.departmentType,
    name_zh: fields.nameZh,
    name_en: fields.nameEn,
    jurisdiction_code: fields.jurisdictionCode,
    parent_id: fields.parentId,
    phone: fields.phone,
    email: fields.email,
    address: fields.address,
  };
}

export async function insertOrganisation(tx: Executor, id: string, fields: OrganisationFields, now: string): Promise<void> {
  await tx
    .insertInto('organisations')
    .values({ id, ...organisationColumns(fields), created_at: now, updated_at: now })
    .execute();
}

export async function updateOrganisation(tx: Executor, id: string, fields: OrganisationFields, now: string): Promise<void> {
  await tx
    .updateTable('organisations')
    .set({ ...organisationColumns(fields), updated_at: now })
    .where('id', '=', id)
    .execute();
}

// ---------------------------------------------------------------- people

function selectPeople(db: Executor) {
  return db
    .selectFrom('people as p')
    .innerJoin('jurisdictions as j', 'j.code', 'p.jurisdiction_code')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select([
      'p.id',
      'p.kind',
      'p.full_name',
      'p.organisation_id',
      'p.jurisdiction_code',
      'p.title',
      'p.skills',
      'p.phone',
      'p.email',
      'p.user_id',
      'o.name_zh as organisation_name',
      'o.department_type as organisation_department_type',
      'j.name_zh as jurisdiction_name',
      'j.path as jurisdiction_path',
    ]);
}

type PersonRow = Awaited<ReturnType<ReturnType<typeof selectPeople>['executeTakeFirstOrThrow']>>;

function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    kind: row.kind as PersonKind,
    fullName: row.full_name,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    organisationDepartmentType: row.organisation_department_type as DepartmentType | null,
    jurisdictionCode: row.jurisdiction_code,
    jurisdictionName: row.jurisdiction_name,
    jurisdictionPath: row.jurisdiction_path,
    title: row.title,
    skills: JSON.parse(row.skills) as string[],
    phone: row.phone,
    email: row.email,
    userId: row.user_id,
  };
}

export async function findPerson(db: Executor, id: string): Promise<Person | undefined> {
  const row = await selectPeople(db).where('p.id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toPerson(row);
}

export interface PersonFilter {
  readonly scopes: ScopePaths;
  readonly kind?: PersonKind | undefined;
  /** Department type of the person's organisation. */
  readonly departmentType?: DepartmentType | undefined;
  readonly organisationId?: string | undefined;
  /** One skill tag, matched whole and ignoring (ASCII) case. */
  readonly skill?: string | undefined;
  /** Substring of the full name. */
  readonly text?: string | undefined;
  readonly afterId?: string | undefined;
  readonly limit: number;
}

export async function listPeople(db: Executor, filter: PersonFilter): Promise<Person[]> {
  const scopes = filter.scopes;
  if (scopes !== 'all' && scopes.length === 0) return [];
  let query = selectPeople(db);
  if (scopes !== 'all') query = query.where((eb) => withinScopes(eb, scopes));
  if (filter.kind !== undefined) query = query.where('p.kind', '=', filter.kind);
  if (filter.departmentType !== undefined) query = query.where('o.department_type', '=', filter.departmentType);
  if (filter.organisationId !== undefined) query = query.where('p.organisation_id', '=', filter.organisationId);
  if (filter.skill !== undefined && filter.skill.trim() !== '') {
    // Skills are stored as a JSON array, so a whole tag appears in it as its JSON string, quotes included.
    const pattern = likeEscaped(lowerAscii(containsPattern(JSON.stringify(filter.skill.trim()))));
    query = query.where(sql<string>`lower(p.skills)`, 'like', pattern);
  }
  if (filter.text !== undefined && filter.text.trim() !== '') {
    query = query.where(sql<string>`lower(p.full_name)`, 'like', likeEscaped(lowerAscii(containsPattern(filter.text.trim()))));
  }
  if (filter.afterId !== undefined) query = query.where('p.id', '>', filter.afterId);
  const rows = await query.orderBy('p.id').limit(filter.limit).execute();
  return rows.map(toPerson);
}

export async function findPersonIdByName(db: Executor, jurisdictionCode: string, fullName: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('people')
    .select('id')
    .where('jurisdiction_code', '=', jurisdictionCode)
    .where('full_name', '=', fullName)
    .orderBy('id')
    .executeTakeFirst();
  return row?.id;
}

function personColumns(fields: PersonFields) {
  return {
    kind: fields.kind,
    full_name: fields.fullName,
    organisation_id: fields.organisationId,
    jurisdiction_code: fields.jurisdictionCode,
    title: fields.title,
    skills: JSON.stringify(fields.skills),
    phone: fields.phone,
    email: fields.email,
    user_id: fields.userId,
  };
}

export async function insertPerson(tx: Executor, id: string, fields: PersonFields, now: string): Promise<void> {
  await tx
    .insertInto('people')
    .values({ id, ...personColumns(fields), created_at: now, updated_at: now })
    .execute();
}

export async function updatePerson(tx: Executor, id: string, fields: PersonFields, now: string): Promise<void> {
  await tx
    .updateTable('people')
    .set({ ...personColumns(fields), updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function deletePerson(tx: Executor, id: string): Promise<void> {
  await tx.deleteFrom('people').where('id', '=', id).execute();
}
