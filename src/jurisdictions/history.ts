import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { isWithinPath, normaliseJurisdictionCode } from '../core/jurisdiction-code.js';
import { withUnitOfWork, type ServiceContext, type UnitOfWork } from '../platform/context.js';
import * as historyStore from './history-store.js';
import type { HistoryRow } from './history-store.js';
import { checkBoundary, checkCentroid, resolveLevel, type BoundaryGeometry, type Jurisdiction, type JurisdictionInput } from './model.js';
import { canEditJurisdiction } from './policy.js';
import { getJurisdiction, loadJurisdiction } from './service.js';
import * as store from './store.js';

/**
 * Changes to the tree with effective dates. Each change ends the unit's current version: the
 * version as it was (names, parent, merged_into) goes to jurisdiction_history with valid_from
 * (when it began) and valid_to (the change's effective date); change_kind says which change
 * ended it. The jurisdictions row always holds the current version.
 */
export type ChangeKind = 'rename' | 'edit' | 'move' | 'merge';

/** Start of the record for units that never changed: "as far back as we know". */
export const BEGINNING_OF_RECORD = '0001-01-01';

export interface JurisdictionVersion {
  readonly validFrom: string;
  /** Exclusive; null for the current version. */
  readonly validTo: string | null;
  readonly nameZh: string;
  readonly nameEn: string | null;
  readonly parentCode: string | null;
  readonly mergedInto: string | null;
  /** The change that ended this version; null for the current one. */
  readonly endedBy: ChangeKind | null;
  readonly recordedAt: string | null;
}

function today(ctx: ServiceContext): string {
  return ctx.clock.now().toISOString().slice(0, 10);
}

/** The effective date of a change: given (not in the future, not before the current version began) or today. */
function effectiveDate(ctx: ServiceContext, given: string | undefined, currentStart: string, code: string): string {
  const date = given ?? today(ctx);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw InvalidInputError.forField('effectiveFrom', 'must be a date YYYY-MM-DD');
  if (date > today(ctx)) throw InvalidInputError.forField('effectiveFrom', 'must not be in the future');
  if (date < currentStart) {
    throw new ConflictError(`effectiveFrom: ${code}'s current version began on ${currentStart}; a change cannot take effect before it`, [
      { field: 'effectiveFrom', message: `must be on or after ${currentStart}` },
    ]);
  }
  return date;
}

function historyRow(unit: Pick<Jurisdiction, 'code' | 'nameZh' | 'nameEn' | 'parentCode' | 'mergedInto'>, kind: ChangeKind, from: string, to: string, now: Date): HistoryRow {
  return {
    id: newId(now.getTime()),
    code: unit.code,
    change_kind: kind,
    name_zh: unit.nameZh,
    name_en: unit.nameEn,
    parent_code: unit.parentCode,
    merged_into: unit.mergedInto,
    valid_from: from,
    valid_to: to,
    recorded_at: now.toISOString(),
  };
}

/** The unit, locked, with the date its current version began; 404/403 as for reads and edits. */
async function lockEditable(ctx: ServiceContext, work: UnitOfWork, code: string, field: string): Promise<{ unit: Jurisdiction; start: string }> {
  const normalised = normaliseJurisdictionCode(code, field);
  const unit = await historyStore.findForUpdate(work.tx, ctx.dialect, normalised);
  if (unit === undefined) throw new NotFoundError(`${field}: no jurisdiction with code ${code}`);
  if (!canEditJurisdiction(ctx.actor, unit.path)) throw new ForbiddenError(`${field}: ${unit.code} is outside the jurisdictions you administer`);
  const starts = await historyStore.currentVersionStarts(work.tx, [unit.code]);
  return { unit, start: starts.get(unit.code) ?? BEGINNING_OF_RECORD };
}

function snapshot(unit: Jurisdiction) {
  return {
    nameZh: unit.nameZh,
    nameEn: unit.nameEn,
    parentCode: unit.parentCode,
    population: unit.population,
    centroid: unit.centroid,
    hasBoundary: unit.boundary !== null,
    status: unit.status,
    mergedInto: unit.mergedInto,
    path: unit.path,
  };
}

export interface EditJurisdictionProps {
  readonly code: string;
  readonly nameZh?: string | undefined;
  /** null clears it. */
  readonly nameEn?: string | null | undefined;
  readonly population?: number | null | undefined;
  /** [lon, lat]; null clears it. */
  readonly centroid?: readonly [number, number] | null | undefined;
  readonly boundary?: BoundaryGeometry | null | undefined;
  /** YYYY-MM-DD; today when absent. */
  readonly effectiveFrom?: string | undefined;
}

/** Renames or edits a unit (names, population, centroid, boundary). A rename is a new version. */
export async function editJurisdiction(ctx: ServiceContext, props: EditJurisdictionProps): Promise<Jurisdiction> {
  if (props.nameZh !== undefined && props.nameZh.trim() === '') throw InvalidInputError.forField('nameZh', 'must not be empty');
  checkCentroid(props.centroid, 'centroid');
  checkBoundary(props.boundary, 'boundary');
  return withUnitOfWork(ctx, async (work) => {
    const { unit, start } = await lockEditable(ctx, work, props.code, 'code');
    const changes: historyStore.UnitChanges = {
      ...(props.nameZh !== undefined && props.nameZh.trim() !== unit.nameZh ? { name_zh: props.nameZh.trim() } : {}),
      ...(props.nameEn !== undefined && props.nameEn !== unit.nameEn ? { name_en: props.nameEn } : {}),
      ...(props.population !== undefined && props.population !== unit.population ? { population: props.population } : {}),
      ...(props.centroid !== undefined && JSON.stringify(props.centroid) !== JSON.stringify(unit.centroid)
        ? { centroid_lon: props.centroid?.[0] ?? null, centroid_lat: props.centroid?.[1] ?? null }
        : {}),
      ...(props.boundary !== undefined && JSON.stringify(props.boundary) !== JSON.stringify(unit.boundary)
        ? { boundary: props.boundary === null ? null : JSON.stringify(props.boundary) }
        : {}),
    };
    if (Object.keys(changes).length === 0) return unit;
    const kind: ChangeKind = changes.name_zh !== undefined ? 'rename' : 'edit';
    const from = effectiveDate(ctx, props.effectiveFrom, start, unit.code);
    await historyStore.insertHistory(work.tx, [historyRow(unit, kind, start, from, work.now)]);
    await historyStore.updateUnit(work.tx, unit.code, changes, work.now.toISOString());
    const after = (await store.findByCode(work.tx, unit.code))!;
    await work.audit({
      action: kind === 'rename' ? 'jurisdiction.rename' : 'jurisdiction.update',
      targetType: 'jurisdiction',
      targetId: unit.code,
      jurisdictionCode: unit.code,
      before: snapshot(unit),
      after: { ...snapshot(after), effectiveFrom: from },
    });
    await work.emit({ type: 'jurisdiction.updated', jurisdictionPath: unit.path, payload: { code: unit.code, change: kind, effectiveFrom: from, fields: Object.keys(changes) } });
    return after;
  });
}

/**
 * Moves a unit under a new parent. The materialised path and depth of the whole subtree are
 * rewritten in one UPDATE; descendants keep their parents, so only the unit gets a new version.
 */
export async function moveJurisdiction(ctx: ServiceContext, props: { code: string; newParentCode: string; effectiveFrom?: string | undefined }): Promise<Jurisdiction> {
  return withUnitOfWork(ctx, async (work) => {
    const { unit, start } = await lockEditable(ctx, work, props.code, 'code');
    const { unit: parent } = await lockEditable(ctx, work, props.newParentCode, 'newParentCode');
    if (unit.parentCode === null) throw InvalidInputError.forField('code', 'the root cannot be moved');
    if (parent.code === unit.parentCode) throw InvalidInputError.forField('newParentCode', `${unit.code} is already under ${parent.code}`);
    if (isWithinPath(unit.path, parent.path)) throw InvalidInputError.forField('newParentCode', `${parent.code} lies inside ${unit.code}'s own subtree`);
    if (parent.status !== 'active') throw InvalidInputError.forField('newParentCode', `${parent.code} is ${parent.status}`);
    if (unit.status !== 'active') throw InvalidInputError.forField('code', `${unit.code} is ${unit.status}`);
    const from = effectiveDate(ctx, props.effectiveFrom, start, unit.code);
    const now = work.now.toISOString();
    const newPath = `${parent.path}${unit.code}/`;
    await historyStore.insertHistory(work.tx, [historyRow(unit, 'move', start, from, work.now)]);
    await historyStore.updateUnit(work.tx, unit.code, { parent_code: parent.code }, now);
    const rewritten = await historyStore.rewriteSubtreePaths(work.tx, {
      oldPrefix: unit.path,
      newPrefix: newPath,
      depthDelta: parent.depth + 1 - unit.depth,
      includeRoot: true,
      now,
    });
    const after = (await store.findByCode(work.tx, unit.code))!;
    await work.audit({
      action: 'jurisdiction.move',
      targetType: 'jurisdiction',
      targetId: unit.code,
      jurisdictionCode: parent.code,
      before: snapshot(unit),
      after: { ...snapshot(after), effectiveFrom: from, rewrittenPaths: rewritten },
    });
    await work.emit({
      type: 'jurisdiction.moved',
      jurisdictionPath: newPath,
      payload: { code: unit.code, fromParent: unit.parentCode, toParent: parent.code, oldPath: unit.path, effectiveFrom: from, subtreeSize: rewritten },
    });
    return after;
  });
}

/**
 * Merges unit A into B: A's status becomes "merged" with merged_into B, and A's children move
 * under B (their subtrees' paths rewritten in one UPDATE). A and each moved child get a version.
 */
export async function mergeJurisdiction(ctx: ServiceContext, props: { code: string; intoCode: string; effectiveFrom?: string | undefined }): Promise<Jurisdiction> {
  return withUnitOfWork(ctx, async (work) => {
    const { unit, start } = await lockEditable(ctx, work, props.code, 'code');
    const { unit: into } = await lockEditable(ctx, work, props.intoCode, 'intoCode');
    if (unit.code === into.code) throw InvalidInputError.forField('intoCode', 'a unit cannot be merged into itself');
    if (unit.parentCode === null) throw InvalidInputError.forField('code', 'the root cannot be merged');
    if (isWithinPath(unit.path, into.path)) throw InvalidInputError.forField('intoCode', `${into.code} lies inside ${unit.code}'s own subtree`);
    if (unit.status !== 'active') throw InvalidInputError.forField('code', `${unit.code} is already ${unit.status}`);
    if (into.status !== 'active') throw InvalidInputError.forField('intoCode', `${into.code} is ${into.status}`);
    const from = effectiveDate(ctx, props.effectiveFrom, start, unit.code);
    const now = work.now.toISOString();
    const children = await historyStore.childrenOf(work.tx, unit.code);
    const childStarts = await historyStore.currentVersionStarts(work.tx, children.map((c) => c.code));
    const rows = [historyRow(unit, 'merge', start, from, work.now)];
    for (const child of children) {
      const childStart = childStarts.get(child.code) ?? BEGINNING_OF_RECORD;
      effectiveDate(ctx, from, childStart, child.code);
      rows.push(historyRow(child, 'move', childStart, from, work.now));
    }
    await historyStore.insertHistory(work.tx, rows);
    await historyStore.reparentChildren(work.tx, unit.code, into.code, now);
    const rewritten = await historyStore.rewriteSubtreePaths(work.tx, {
      oldPrefix: unit.path,
      newPrefix: into.path,
      depthDelta: into.depth - unit.depth,
      includeRoot: false,
      now,
    });
    await historyStore.updateUnit(work.tx, unit.code, { status: 'merged', merged_into: into.code }, now);
    const after = (await store.findByCode(work.tx, unit.code))!;
    await work.audit({
      action: 'jurisdiction.merge',
      targetType: 'jurisdiction',
      targetId: unit.code,
      jurisdictionCode: into.code,
      before: snapshot(unit),
      after: { ...snapshot(after), effectiveFrom: from, movedChildren: children.map((c) => c.code), rewrittenPaths: rewritten },
    });
    await work.emit({
      type: 'jurisdiction.merged',
      jurisdictionPath: into.path,
      payload: { code: unit.code, into: into.code, oldPath: unit.path, movedChildren: children.length, effectiveFrom: from },
    });
    return after;
  });
}

export interface CreateJurisdictionProps extends Omit<JurisdictionInput, 'parentCode' | 'source'> {
  readonly parentCode: string;
}

/**
 * Creates one unit under a parent: a unit the import lacked, or a grid cell under a community
 * (level "grid", code like "420102001001-G01"). 409 when the code exists.
 */
export async function createJurisdiction(ctx: ServiceContext, props: CreateJurisdictionProps): Promise<Jurisdiction> {
  const code = normaliseJurisdictionCode(props.code, 'code');
  const parent = await loadJurisdiction(ctx, props.parentCode, 'parentCode');
  if (!canEditJurisdiction(ctx.actor, parent.path)) throw new ForbiddenError(`parentCode: ${parent.code} is outside the jurisdictions you administer`);
  if (parent.status !== 'active') throw InvalidInputError.forField('parentCode', `${parent.code} is ${parent.status}`);
  checkCentroid(props.centroid, 'centroid');
  checkBoundary(props.boundary, 'boundary');
  if (props.nameZh.trim() === '') throw InvalidInputError.forField('nameZh', 'must not be empty');
  return withUnitOfWork(ctx, async (work) => {
    if ((await store.findByCode(work.tx, code)) !== undefined) throw new ConflictError(`code: ${code} already exists`, [{ field: 'code', message: 'already exists' }]);
    const level = resolveLevel({ ...props, code, parentCode: parent.code }, parent.level);
    const path = `${parent.path}${code}/`;
    await store.upsertMany(
      work.tx,
      [
        {
          code,
          parentCode: parent.code,
          nameZh: props.nameZh.trim(),
          nameEn: props.nameEn ?? null,
          level,
          path,
          depth: parent.depth + 1,
          population: props.population ?? null,
          centroid: props.centroid ?? null,
          boundary: props.boundary ?? null,
          source: `created by ${ctx.actor.name}`,
        },
      ],
      work.now.toISOString(),
      ctx.dialect,
    );
    const created = (await store.findByCode(work.tx, code))!;
    await work.audit({ action: 'jurisdiction.create', targetType: 'jurisdiction', targetId: code, jurisdictionCode: parent.code, after: snapshot(created) });
    await work.emit({ type: 'jurisdiction.created', jurisdictionPath: path, payload: { code, parentCode: parent.code, level } });
    return created;
  });
}

/** Every version of a unit, oldest first, the current one last. */
export async function listJurisdictionHistory(ctx: ServiceContext, code: string): Promise<{ unit: Jurisdiction; versions: JurisdictionVersion[] }> {
  const unit = await getJurisdiction(ctx, code);
  const rows = await historyStore.listHistory(ctx.db, unit.code);
  const past: JurisdictionVersion[] = rows.map((r) => ({
    validFrom: r.valid_from,
    validTo: r.valid_to,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    parentCode: r.parent_code,
    mergedInto: r.merged_into,
    endedBy: r.change_kind as ChangeKind,
    recordedAt: r.recorded_at,
  }));
  const start = rows.reduce((latest, r) => (r.valid_to !== null && r.valid_to > latest ? r.valid_to : latest), BEGINNING_OF_RECORD);
  const current: JurisdictionVersion = {
    validFrom: start,
    validTo: null,
    nameZh: unit.nameZh,
    nameEn: unit.nameEn,
    parentCode: unit.parentCode,
    mergedInto: unit.mergedInto,
    endedBy: null,
    recordedAt: null,
  };
  return { unit, versions: [...past, current] };
}

export interface UnitAtDate {
  /** The unit with its names, parent and status as on the date (geometry and population are current). */
  readonly unit: Jurisdiction;
  /** Its ancestors as on the date, root first. */
  readonly ancestors: Jurisdiction[];
  readonly validFrom: string;
  readonly validTo: string | null;
}

/**
 * A unit as it was on `date` (YYYY-MM-DD): its name and parent then, and its ancestors then,
 * found by walking up the parents of that date. Scope is checked on today's position.
 */
export async function getJurisdictionAt(ctx: ServiceContext, code: string, date: string): Promise<UnitAtDate> {
  const current = await getJurisdiction(ctx, code);
  const atDate = async (unit: Jurisdiction) => {
    const version = (await historyStore.versionsAt(ctx.db, [unit.code], date)).get(unit.code);
    if (version === undefined) {
      const starts = await historyStore.currentVersionStarts(ctx.db, [unit.code]);
      return { unit, validFrom: starts.get(unit.code) ?? BEGINNING_OF_RECORD, validTo: null as string | null };
    }
    const then: Jurisdiction = {
      ...unit,
      nameZh: version.name_zh,
      nameEn: version.name_en,
      parentCode: version.parent_code,
      mergedInto: version.merged_into,
      status: version.merged_into === null ? 'active' : 'merged',
    };
    return { unit: then, validFrom: version.valid_from, validTo: version.valid_to };
  };
  const self = await atDate(current);
  const ancestors: Jurisdiction[] = [];
  const seen = new Set([current.code]);
  for (let parentCode = self.unit.parentCode; parentCode !== null; ) {
    if (seen.has(parentCode)) break;
    seen.add(parentCode);
    const parentNow = await store.findByCode(ctx.db, parentCode);
    if (parentNow === undefined) break;
    const parentThen = (await atDate(parentNow)).unit;
    ancestors.unshift(parentThen);
    parentCode = parentThen.parentCode;
  }
  const path = `/${[...ancestors.map((a) => a.code), current.code].join('/')}/`;
  const unit = { ...self.unit, path, depth: ancestors.length };
  return { unit, ancestors, validFrom: self.validFrom, validTo: self.validTo };
}
