import { ForbiddenError, InvalidInputError, NotFoundError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { isWithinPath } from '../core/jurisdiction-code.js';
import type { DepartmentType } from '../core/roles.js';
import { withUnitOfWork, type ServiceContext, type UnitOfWork } from '../platform/context.js';
import type { Tx } from '../platform/db/database.js';
import { loadJurisdiction } from '../jurisdictions/service.js';
import type { Jurisdiction } from '../jurisdictions/model.js';
import {
  PERSONAL_FIELDS,
  changedFields,
  isDepartmentType,
  isOrganisationKind,
  isPersonKind,
  organisationSnapshot,
  personSnapshot,
  validateOrganisation,
  validatePerson,
  type Organisation,
  type OrganisationDraft,
  type Person,
  type PersonDraft,
  type PersonView,
} from './model.js';
import { canEditOrganisation, canEditPerson, canSeePersonalContact, canViewDirectoryEntry } from './policy.js';
import * as store from './store.js';

export interface Page<T> {
  readonly items: T[];
  /** The id to pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

interface ListQuery {
  /** Jurisdiction code (any accepted form); default: every subtree the actor holds a role over. */
  readonly within?: string | undefined;
  readonly limit: number;
  /** The last id of the previous page. */
  readonly cursor?: string | undefined;
}

export interface OrganisationQuery extends ListQuery {
  readonly kind?: string | undefined;
  readonly departmentType?: string | undefined;
  /** Substring of the Chinese or English name. */
  readonly q?: string | undefined;
}

export interface PersonQuery extends ListQuery {
  readonly kind?: string | undefined;
  /** Department type of the person's organisation. */
  readonly departmentType?: string | undefined;
  readonly organisationId?: string | undefined;
  readonly skill?: string | undefined;
  /** Substring of the full name. */
  readonly q?: string | undefined;
}

/** Fields to change: undefined leaves a field as it is, null clears it. */
export type OrganisationChanges = Partial<OrganisationDraft>;
export type PersonChanges = Partial<PersonDraft>;

const MAX_PAGE = 5000;

// ---------------------------------------------------------------- shared helpers

/** A jurisdiction named in a request body: unknown or retired codes are bad input naming the field. */
async function resolveUnit(ctx: ServiceContext, code: string, field: string): Promise<Jurisdiction> {
  let unit: Jurisdiction;
  try {
    unit = await loadJurisdiction(ctx, code, field);
  } catch (error) {
    if (error instanceof NotFoundError) throw InvalidInputError.forField(field, `no jurisdiction with code ${code}`);
    throw error;
  }
  if (unit.status !== 'active') {
    throw InvalidInputError.forField(field, `${unit.code} is ${unit.status}${unit.mergedInto ? ` into ${unit.mergedInto}` : ''}`);
  }
  return unit;
}

/** The subtrees a list covers: `within` (which the actor must be able to see) or all the actor's grants. */
async function resolveScopes(ctx: ServiceContext, within: string | undefined): Promise<store.ScopePaths> {
  if (within !== undefined && within.trim() !== '') {
    const unit = await loadJurisdiction(ctx, within, 'within');
    if (!canViewDirectoryEntry(ctx.actor, unit.path)) throw new ForbiddenError(`within: ${unit.code} is outside your jurisdiction`);
    return [unit.path];
  }
  if (ctx.actor.kind === 'system') return 'all';
  // Nested grants would only repeat ranges: keep the outermost subtrees.
  const paths = [...new Set(ctx.actor.grants.map((g) => g.jurisdictionPath))].sort();
  return paths.filter((path, index) => !paths.slice(0, index).some((outer) => isWithinPath(outer, path)));
}

function checkPageSize(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw InvalidInputError.forField('limit', `must be a whole number from 1 to ${MAX_PAGE}`);
}

function checkFilter<T extends string>(value: string | undefined, field: string, isValid: (v: string) => v is T): T | undefined {
  if (value === undefined) return undefined;
  if (!isValid(value)) throw InvalidInputError.forField(field, `"${value}" is not a known value`);
  return value;
}

function pageOf<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}

function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

// ---------------------------------------------------------------- organisations

async function findVisibleOrganisation(ctx: ServiceContext, db: ServiceContext['db'] | Tx, id: string): Promise<Organisation> {
  const organisation = await store.findOrganisation(db, id);
  if (organisation === undefined) throw new NotFoundError(`id: no organisation ${id}`);
  if (!canViewDirectoryEntry(ctx.actor, organisation.jurisdictionPath)) throw new ForbiddenError(`id: organisation ${id} is outside your jurisdiction`);
  return organisation;
}

/** An organisation referenced from a body field: must exist (else 400) and be visible (else 403). */
async function referencedOrganisation(ctx: ServiceContext, tx: Tx, id: string, field: string): Promise<Organisation> {
  const organisation = await store.findOrganisation(tx, id);
  if (organisation === undefined) throw InvalidInputError.forField(field, `no organisation ${id}`);
  if (!canViewDirectoryEntry(ctx.actor, organisation.jurisdictionPath)) throw new ForbiddenError(`${field}: organisation ${id} is outside your jurisdiction`);
  return organisation;
}

/** A parent must exist, be visible, and not make the organisation its own ancestor. */
async function checkParent(ctx: ServiceContext, tx: Tx, selfId: string, parentId: string): Promise<void> {
  if (parentId === selfId) throw InvalidInputError.forField('parentId', 'an organisation cannot be its own parent');
  await referencedOrganisation(ctx, tx, parentId, 'parentId');
  let current: string | null | undefined = parentId;
  for (let steps = 0; current !== null && current !== undefined; steps++) {
    if (current === selfId || steps > 100) throw InvalidInputError.forField('parentId', 'would make the organisation its own ancestor');
    current = await store.findParentId(tx, current);
  }
}

export async function getOrganisation(ctx: ServiceContext, id: string): Promise<Organisation> {
  return findVisibleOrganisation(ctx, ctx.db, id);
}

export async function listOrganisations(ctx: ServiceContext, query: OrganisationQuery): Promise<Page<Organisation>> {
  checkPageSize(query.limit);
  const rows = await store.listOrganisations(ctx.db, {
    scopes: await resolveScopes(ctx, query.within),
    kind: checkFilter(query.kind, 'kind', isOrganisationKind),
    departmentType: checkFilter(query.departmentType, 'departmentType', isDepartmentType),
    text: query.q,
    afterId: query.cursor,
    limit: query.limit + 1,
  });
  return pageOf(rows, query.limit);
}

export async function createOrganisation(ctx: ServiceContext, draft: OrganisationDraft): Promise<Organisation> {
  const unit = await resolveUnit(ctx, draft.jurisdictionCode, 'jurisdictionCode');
  const fields = validateOrganisation({ ...draft, jurisdictionCode: unit.code });
  if (!canEditOrganisation(ctx.actor, unit.path, fields.departmentType)) {
    throw new ForbiddenError(`jurisdictionCode: you may not add this organisation in ${unit.code}`);
  }
  return withUnitOfWork(ctx, async (work) => {
    const id = newId(work.now.getTime());
    if (fields.parentId !== null) await checkParent(ctx, work.tx, id, fields.parentId);
    await store.insertOrganisation(work.tx, id, fields, work.now.toISOString());
    const after = organisationSnapshot(fields);
    await work.audit({ action: 'organisation.create', targetType: 'organisation', targetId: id, jurisdictionCode: unit.code, after, personalFields: PERSONAL_FIELDS });
    await work.emit({
      type: 'organisation.created',
      jurisdictionPath: unit.path,
      payload: { id, kind: fields.kind, departmentType: fields.departmentType, jurisdictionCode: unit.code },
    });
    return (await store.findOrganisation(work.tx, id))!;
  });
}

export async function updateOrganisation(ctx: ServiceContext, props: { id: string; changes: OrganisationChanges }): Promise<Organisation> {
  return withUnitOfWork(ctx, async (work) => {
    const before = await findVisibleOrganisation(ctx, work.tx, props.id);
    if (!canEditOrganisation(ctx.actor, before.jurisdictionPath, before.departmentType)) {
      throw new ForbiddenError(`id: you may not change organisation ${props.id}`);
    }
    const changes = definedOnly(props.changes);
    const unit = changes.jurisdictionCode === undefined ? undefined : await resolveUnit(ctx, changes.jurisdictionCode, 'jurisdictionCode');
    const fields = validateOrganisation({ ...before, ...changes, jurisdictionCode: unit?.code ?? before.jurisdictionCode });
    const path = unit?.path ?? before.jurisdictionPath;
    if (!canEditOrganisation(ctx.actor, path, fields.departmentType)) {
      throw new ForbiddenError(`jurisdictionCode: you may not make organisation ${props.id} this kind of organisation in ${fields.jurisdictionCode}`);
    }
    const beforeSnapshot = organisationSnapshot(before);
    const afterSnapshot = organisationSnapshot(fields);
    const changed = changedFields(beforeSnapshot, afterSnapshot);
    if (changed.length === 0) return before;
    if (changed.includes('parentId') && fields.parentId !== null) await checkParent(ctx, work.tx, props.id, fields.parentId);
    await store.updateOrganisation(work.tx, props.id, fields, work.now.toISOString());
    await work.audit({
      action: 'organisation.update',
      targetType: 'organisation',
      targetId: props.id,
      jurisdictionCode: fields.jurisdictionCode,
      before: beforeSnapshot,
      after: afterSnapshot,
      personalFields: PERSONAL_FIELDS,
    });
    await emitToBoth(work, 'organisation.updated', before.jurisdictionPath, path, { id: props.id, changed, jurisdictionCode: fields.jurisdictionCode });
    return (await store.findOrganisation(work.tx, props.id))!;
  });
}

/** A change that moves an entry is announced in the old subtree as well as the new one. */
async function emitToBoth(work: UnitOfWork, type: string, oldPath: string, newPath: string, payload: Record<string, unknown>): Promise<void> {
  await work.emit({ type, jurisdictionPath: newPath, payload });
  if (oldPath !== newPath) await work.emit({ type, jurisdictionPath: oldPath, payload });
}

// ---------------------------------------------------------------- people

/** The department type that decides whether a department officer may edit a person. */
function departmentOf(organisation: Pick<Organisation, 'departmentType'> | undefined): DepartmentType | null {
  return organisation?.departmentType ?? null;
}

/** Strips phone and e-mail unless the actor may see them; `revealed` when something personal is left in. */
function viewOf(ctx: ServiceContext, person: Person): { view: PersonView; revealed: boolean } {
  const { phone, email, ...rest } = person;
  if (!canSeePersonalContact(ctx.actor, person.jurisdictionPath)) return { view: rest, revealed: false };
  return { view: { ...rest, contact: { phone, email } }, revealed: phone !== null || email !== null };
}

/** One audit record per response that carries personal data, listing whose. */
async function auditPersonalRead(work: UnitOfWork, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await work.audit({
    action: 'person.read_personal',
    targetType: ids.length === 1 ? 'person' : 'person_batch',
    targetId: ids.length === 1 ? ids[0]! : `${ids[0]}..${ids[ids.length - 1]}`,
    after: { personIds: [...ids], fields: [...PERSONAL_FIELDS] },
  });
}

/** Views of people for one response, writing the personal-read record when any contact is shown. */
async function viewsFor(ctx: ServiceContext, people: readonly Person[], work?: UnitOfWork): Promise<PersonView[]> {
  const views = people.map((person) => ({ id: person.id, ...viewOf(ctx, person) }));
  const revealed = views.filter((v) => v.revealed).map((v) => v.id);
  if (revealed.length > 0) {
    if (work !== undefined) await auditPersonalRead(work, revealed);
    else await withUnitOfWork(ctx, (unit) => auditPersonalRead(unit, revealed));
  }
  return views.map((v) => v.view);
}

async function findVisiblePerson(ctx: ServiceContext, db: ServiceContext['db'] | Tx, id: string): Promise<Person> {
  const person = await store.findPerson(db, id);
  if (person === undefined) throw new NotFoundError(`id: no person ${id}`);
  if (!canViewDirectoryEntry(ctx.actor, person.jurisdictionPath)) throw new ForbiddenError(`id: person ${id} is outside your jurisdiction`);
  return person;
}

export async function getPerson(ctx: ServiceContext, id: string): Promise<PersonView> {
  const person = await findVisiblePerson(ctx, ctx.db, id);
  return (await viewsFor(ctx, [person]))[0]!;
}

export async function listPeople(ctx: ServiceContext, query: PersonQuery): Promise<Page<PersonView>> {
  checkPageSize(query.limit);
  const rows = await store.listPeople(ctx.db, {
    scopes: await resolveScopes(ctx, query.within),
    kind: checkFilter(query.kind, 'kind', isPersonKind),
    departmentType: checkFilter(query.departmentType, 'departmentType', isDepartmentType),
    organisationId: query.organisationId,
    skill: query.skill,
    text: query.q,
    afterId: query.cursor,
    limit: query.limit + 1,
  });
  const page = pageOf(rows, query.limit);
  return { items: await viewsFor(ctx, page.items), nextCursor: page.nextCursor };
}

export async function createPerson(ctx: ServiceContext, draft: PersonDraft): Promise<PersonView> {
  const unit = await resolveUnit(ctx, draft.jurisdictionCode, 'jurisdictionCode');
  const fields = validatePerson({ ...draft, jurisdictionCode: unit.code });
  return withUnitOfWork(ctx, async (work) => {
    const organisation = fields.organisationId === null ? undefined : await referencedOrganisation(ctx, work.tx, fields.organisationId, 'organisationId');
    if (!canEditPerson(ctx.actor, unit.path, departmentOf(organisation))) {
      throw new ForbiddenError(`jurisdictionCode: you may not add this person in ${unit.code}`);
    }
    const id = newId(work.now.getTime());
    await store.insertPerson(work.tx, id, fields, work.now.toISOString());
    await work.audit({
      action: 'person.create',
      targetType: 'person',
      targetId: id,
      jurisdictionCode: unit.code,
      after: personSnapshot(fields),
      personalFields: PERSONAL_FIELDS,
    });
    await work.emit({
      type: 'person.created',
      jurisdictionPath: unit.path,
      payload: { id, kind: fields.kind, organisationId: fields.organisationId, jurisdictionCode: unit.code },
    });
    return (await viewsFor(ctx, [(await store.findPerson(work.tx, id))!], work))[0]!;
  });
}

export async function updatePerson(ctx: ServiceContext, props: { id: string; changes: PersonChanges }): Promise<PersonView> {
  return withUnitOfWork(ctx, async (work) => {
    const before = await findVisiblePerson(ctx, work.tx, props.id);
    if (!canEditPerson(ctx.actor, before.jurisdictionPath, before.organisationDepartmentType)) {
      throw new ForbiddenError(`id: you may not change person ${props.id}`);
    }
    const changes = definedOnly(props.changes);
    const unit = changes.jurisdictionCode === undefined ? undefined : await resolveUnit(ctx, changes.jurisdictionCode, 'jurisdictionCode');
    const fields = validatePerson({ ...before, ...changes, jurisdictionCode: unit?.code ?? before.jurisdictionCode });
    const path = unit?.path ?? before.jurisdictionPath;
    const organisation =
      fields.organisationId === null
        ? undefined
        : fields.organisationId === before.organisationId
          ? { departmentType: before.organisationDepartmentType }
          : await referencedOrganisation(ctx, work.tx, fields.organisationId, 'organisationId');
    if (!canEditPerson(ctx.actor, path, departmentOf(organisation))) {
      throw new ForbiddenError(`jurisdictionCode: you may not place person ${props.id} in ${fields.jurisdictionCode} with this organisation`);
    }
    const beforeSnapshot = personSnapshot(before);
    const afterSnapshot = personSnapshot(fields);
    const changed = changedFields(beforeSnapshot, afterSnapshot);
    if (changed.length > 0) {
      await store.updatePerson(work.tx, props.id, fields, work.now.toISOString());
      await work.audit({
        action: 'person.update',
        targetType: 'person',
        targetId: props.id,
        jurisdictionCode: fields.jurisdictionCode,
        before: beforeSnapshot,
        after: afterSnapshot,
        personalFields: PERSONAL_FIELDS,
      });
      await emitToBoth(work, 'person.updated', before.jurisdictionPath, path, { id: props.id, changed, jurisdictionCode: fields.jurisdictionCode });
    }
    return (await viewsFor(ctx, [(await store.findPerson(work.tx, props.id))!], work))[0]!;
  });
}

export async function deletePerson(ctx: ServiceContext, id: string): Promise<void> {
  await withUnitOfWork(ctx, async (work) => {
    const before = await findVisiblePerson(ctx, work.tx, id);
    if (!canEditPerson(ctx.actor, before.jurisdictionPath, before.organisationDepartmentType)) {
      throw new ForbiddenError(`id: you may not delete person ${id}`);
    }
    await store.deletePerson(work.tx, id);
    await work.audit({
      action: 'person.delete',
      targetType: 'person',
      targetId: id,
      jurisdictionCode: before.jurisdictionCode,
      before: personSnapshot(before),
      personalFields: PERSONAL_FIELDS,
    });
    await work.emit({ type: 'person.deleted', jurisdictionPath: before.jurisdictionPath, payload: { id, kind: before.kind, jurisdictionCode: before.jurisdictionCode } });
  });
}
