import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { isWithinPath } from '../core/jurisdiction-code.js';
import { CATEGORY_OF_TYPE, isEventType, type Category, type EventType, type IncidentStatus, type SeverityLevel } from '../core/incident-types.js';
import { withUnitOfWork, type ServiceContext, type UnitOfWork } from '../platform/context.js';
import type { Tx } from '../platform/db/database.js';
import { loadJurisdiction } from '../jurisdictions/service.js';
import type { Jurisdiction } from '../jurisdictions/model.js';
import {
  LIMITS,
  allowedMoves,
  changedFields,
  checkArea,
  checkOptionalText,
  checkPoint,
  checkText,
  formatIncidentNumber,
  incidentSnapshot,
  isAllowedMove,
  isCategory,
  isOpen,
  needsReason,
  sequenceOfNumber,
  type AreaGeometry,
  type Incident,
  type TimelineEntry,
  type TimelineKind,
} from './model.js';
import { canChangeLevel, canChangeStatus, canEditIncident, canOpenIncident, canViewIncident } from './policy.js';
import * as store from './store.js';

export type { Incident, TimelineEntry } from './model.js';

export interface Page<T> {
  readonly items: T[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

// ---------------------------------------------------------------- shared helpers

/** A jurisdiction named in a request: unknown or retired codes are bad input naming the field. */
export async function resolveUnit(ctx: ServiceContext, code: string, field: string): Promise<Jurisdiction> {
  let unit: Jurisdiction;
  try {
    unit = await loadJurisdiction(ctx, code, field);
  } catch (error) {
    if (error instanceof NotFoundError) throw InvalidInputError.forField(field, `no jurisdiction with code ${code}`);
    throw error;
  }
  if (unit.status !== 'active') throw InvalidInputError.forField(field, `${unit.code} is ${unit.status}`);
  return unit;
}

/** The subtrees a list covers: `within` (which the actor must be able to see) or all the actor's grants. */
export async function resolveScopes(ctx: ServiceContext, within: string | undefined): Promise<store.ScopePaths> {
  if (within !== undefined && within.trim() !== '') {
    const unit = await loadJurisdiction(ctx, within, 'within');
    if (!canViewIncident(ctx.actor, unit.path)) throw new ForbiddenError(`within: ${unit.code} is outside your jurisdiction`);
    return [unit.path];
  }
  if (ctx.actor.kind === 'system') return 'all';
  // Nested grants would only repeat ranges: keep the outermost subtrees.
  const paths = [...new Set(ctx.actor.grants.map((g) => g.jurisdictionPath))].sort();
  return paths.filter((path, index) => !paths.slice(0, index).some((outer) => isWithinPath(outer, path)));
}

/** The incident without a scope check (404 when missing); callers decide what the actor may do. */
export async function loadIncident(db: ServiceContext['db'] | Tx, id: string): Promise<Incident> {
  const incident = await store.findIncident(db, id);
  if (incident === undefined) throw new NotFoundError(`id: no incident ${id}`);
  return incident;
}

async function loadVisibleIncident(ctx: ServiceContext, db: ServiceContext['db'] | Tx, id: string): Promise<Incident> {
  const incident = await loadIncident(db, id);
  if (!canViewIncident(ctx.actor, incident.jurisdictionPath)) throw new ForbiddenError(`id: incident ${id} is outside your jurisdiction`);
  return incident;
}

/** Appends entries to an incident's timeline in order, inside the unit of work. */
export async function appendTimeline(
  ctx: ServiceContext,
  work: UnitOfWork,
  incidentId: string,
  entries: readonly { kind: TimelineKind; detail: Record<string, unknown> }[],
): Promise<void> {
  let seq = await store.lastTimelineSeq(work.tx, incidentId);
  for (const entry of entries) {
    seq += 1;
    await store.insertTimelineEntry(work.tx, {
      id: newId(work.now.getTime()),
      incidentId,
      seq,
      kind: entry.kind,
      detail: entry.detail,
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      at: work.now.toISOString(),
    });
  }
}

/** What every incident event carries, so subscribers can update a map without a read. */
function eventPayload(incident: Incident): Record<string, unknown> {
  return {
    id: incident.id,
    number: incident.number,
    title: incident.title,
    type: incident.type,
    category: incident.category,
    level: incident.level,
    status: incident.status,
    jurisdictionCode: incident.jurisdictionCode,
    point: incident.point,
    updatedAt: incident.updatedAt,
  };
}

async function nextNumber(tx: Tx, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const last = await store.lastNumberOfYear(tx, year);
  const sequence = last === undefined ? 1 : (sequenceOfNumber(last, year) ?? 0) + 1;
  return formatIncidentNumber(year, sequence);
}

// ---------------------------------------------------------------- opening

export interface CreateIncidentProps {
  readonly title: string;
  readonly type: EventType;
  /** Derived from the type when not given. */
  readonly category?: Category | undefined;
  readonly level?: SeverityLevel | null | undefined;
  /** Where the incident belongs, any accepted code form. */
  readonly jurisdictionCode: string;
  readonly area?: AreaGeometry | null | undefined;
  readonly point?: readonly number[] | null | undefined;
  readonly description?: string | null | undefined;
  /** Incidents opened from a verified signal may start `verified`. */
  readonly status?: 'reported' | 'verified' | undefined;
  /** Signals this incident was opened from, recorded in the timeline. */
  readonly linkedSignalIds?: readonly string[] | undefined;
}

/** Opens an incident (HTTP create); `openIncident` is the same for other rooms, without an area. */
export async function createIncident(ctx: ServiceContext, props: CreateIncidentProps): Promise<Incident> {
  if (!isEventType(props.type)) throw InvalidInputError.forField('type', `"${props.type}" is not a known type`);
  if (props.category !== undefined && !isCategory(props.category)) throw InvalidInputError.forField('category', `"${props.category}" is not a known category`);
  const title = checkText(props.title, 'title', LIMITS.titleMax);
  const description = checkOptionalText(props.description, 'description', LIMITS.descriptionMax);
  const area = checkArea(props.area);
  const point = checkPoint(props.point);
  const level = props.level ?? null;
  const status = props.status ?? 'reported';
  if (status !== 'reported' && status !== 'verified') throw InvalidInputError.forField('status', 'an incident opens as reported or verified');
  const signalIds = [...new Set(props.linkedSignalIds ?? [])];
  const unit = await resolveUnit(ctx, props.jurisdictionCode, 'jurisdictionCode');
  if (!canOpenIncident(ctx.actor, unit.path, level)) {
    throw new ForbiddenError(
      level === 'I' || level === 'II'
        ? `level: only a commander or an admin may open a level ${level} incident in ${unit.code}`
        : `jurisdictionCode: you may not open incidents in ${unit.code}`,
    );
  }
  return withUnitOfWork(ctx, async (work) => {
    const at = work.now.toISOString();
    const incident: Incident = {
      id: newId(work.now.getTime()),
      number: await nextNumber(work.tx, work.now),
      title,
      category: props.category ?? CATEGORY_OF_TYPE[props.type],
      type: props.type,
      level,
      status,
      jurisdictionCode: unit.code,
      jurisdictionPath: unit.path,
      area,
      point,
      description,
      openedBy: ctx.actor.id,
      openedAt: at,
      closedAt: null,
      updatedAt: at,
    };
    await store.insertIncident(work.tx, incident);
    await appendTimeline(ctx, work, incident.id, [
      { kind: 'opened', detail: { number: incident.number, status, level, type: incident.type, category: incident.category } },
      ...(signalIds.length > 0 ? [{ kind: 'signal_linked' as const, detail: { signalIds } }] : []),
    ]);
    await work.audit({
      action: 'incident.open',
      targetType: 'incident',
      targetId: incident.id,
      jurisdictionCode: unit.code,
      after: { ...incidentSnapshot(incident), ...(signalIds.length > 0 ? { linkedSignalIds: signalIds } : {}) },
    });
    await work.emit({ type: 'incident.opened', jurisdictionPath: unit.path, payload: eventPayload(incident) });
    return incident;
  });
}

/**
 * Opens an incident from another room (the signals room escalating a signal). Runs its own unit
 * of work: the incident, its `opened` (and `signal_linked`) timeline entries, the audit record
 * and the `incident.opened` event commit together. The actor needs duty_officer, commander or
 * admin over `jurisdictionCode` (commander or admin for level I or II); system actors pass.
 *
 * @param props.category derived from `type` (CATEGORY_OF_TYPE) when not given
 * @param props.level severity I–IV; null or absent until assessed
 * @param props.jurisdictionCode where the incident belongs, any accepted code form (4201 or 420100000000)
 * @param props.point [longitude, latitude]
 * @param props.status `reported` (default) or `verified` when the signal was already verified
 * @param props.linkedSignalIds recorded in one `signal_linked` timeline entry
 * @throws InvalidInputError (400) naming the field, ForbiddenError (403) outside the actor's scope
 */
export async function openIncident(
  ctx: ServiceContext,
  props: {
    title: string;
    type: EventType;
    category?: Category;
    level?: SeverityLevel | null;
    jurisdictionCode: string;
    point?: [number, number] | null;
    description?: string | null;
    status?: 'reported' | 'verified';
    linkedSignalIds?: string[];
  },
): Promise<Incident> {
  return createIncident(ctx, props);
}

// ---------------------------------------------------------------- reading

/**
 * One incident the actor may see: any role over a subtree containing its jurisdiction.
 * @throws NotFoundError (404) when it does not exist, ForbiddenError (403) outside the actor's scope
 */
export async function getIncident(ctx: ServiceContext, id: string): Promise<Incident> {
  return loadVisibleIncident(ctx, ctx.db, id);
}

export interface IncidentQuery {
  /** Jurisdiction code (any accepted form); default: every subtree the actor holds a role over. */
  readonly within?: string | undefined;
  readonly status?: readonly IncidentStatus[] | undefined;
  readonly type?: readonly EventType[] | undefined;
  readonly category?: readonly Category[] | undefined;
  readonly level?: readonly SeverityLevel[] | undefined;
  readonly limit: number;
  /** nextCursor of the previous page (the last id seen). */
  readonly cursor?: string | undefined;
}

const MAX_PAGE = 5000;

/** Incidents in scope, newest first, keyset-paged. */
export async function listIncidents(ctx: ServiceContext, query: IncidentQuery): Promise<Page<Incident>> {
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_PAGE) {
    throw InvalidInputError.forField('limit', `must be a whole number from 1 to ${MAX_PAGE}`);
  }
  const rows = await store.listIncidents(ctx.db, {
    scopes: await resolveScopes(ctx, query.within),
    statuses: query.status,
    types: query.type,
    categories: query.category,
    levels: query.level,
    beforeId: query.cursor,
    limit: query.limit + 1,
  });
  const items = rows.slice(0, query.limit);
  return { items, nextCursor: rows.length > query.limit ? items[items.length - 1]!.id : null };
}

/** Timeline entries in order, keyset-paged by sequence number. */
export async function getTimeline(ctx: ServiceContext, props: { id: string; afterSeq?: number | undefined; limit: number }): Promise<Page<TimelineEntry>> {
  await loadVisibleIncident(ctx, ctx.db, props.id);
  const rows = await store.listTimeline(ctx.db, props.id, props.afterSeq ?? 0, props.limit + 1);
  const items = rows.slice(0, props.limit);
  return { items, nextCursor: rows.length > props.limit ? String(items[items.length - 1]!.seq) : null };
}

// ---------------------------------------------------------------- changing

/** Fields PATCH may change: undefined leaves a field as it is, null clears it. */
export interface IncidentChanges {
  readonly title?: string | undefined;
  readonly description?: string | null | undefined;
  readonly level?: SeverityLevel | null | undefined;
  readonly area?: AreaGeometry | null | undefined;
  readonly point?: readonly number[] | null | undefined;
}

/**
 * Changes title, description, level, area or point. A level change to or from I or II needs a
 * commander or an admin. Closed incidents are read-only until reopened (409).
 */
export async function updateIncident(ctx: ServiceContext, props: { id: string; changes: IncidentChanges }): Promise<Incident> {
  const c = props.changes;
  const title = c.title === undefined ? undefined : checkText(c.title, 'title', LIMITS.titleMax);
  const description = c.description === undefined ? undefined : checkOptionalText(c.description, 'description', LIMITS.descriptionMax);
  const area = c.area === undefined ? undefined : checkArea(c.area);
  const point = c.point === undefined ? undefined : checkPoint(c.point);
  return withUnitOfWork(ctx, async (work) => {
    const before = await loadVisibleIncident(ctx, work.tx, props.id);
    if (!canEditIncident(ctx.actor, before.jurisdictionPath)) throw new ForbiddenError(`id: you may not change incident ${before.number}`);
    const level = c.level === undefined ? before.level : c.level;
    if (!canChangeLevel(ctx.actor, before.jurisdictionPath, before.level, level)) {
      throw new ForbiddenError(`level: only a commander or an admin may change the level from ${before.level ?? 'unassessed'} to ${level ?? 'unassessed'}`);
    }
    const after: Incident = {
      ...before,
      title: title ?? before.title,
      description: description === undefined ? before.description : description,
      level,
      area: area === undefined ? before.area : area,
      point: point === undefined ? before.point : point,
      updatedAt: work.now.toISOString(),
    };
    const changed = changedFields(incidentSnapshot(before), incidentSnapshot(after));
    if (changed.length === 0) return before;
    if (!isOpen(before.status)) throw new ConflictError(`status: incident ${before.number} is closed; reopen it first`);
    await store.updateIncident(work.tx, after);
    const others = changed.filter((field) => field !== 'level');
    await appendTimeline(ctx, work, after.id, [
      ...(changed.includes('level') ? [{ kind: 'level_changed' as const, detail: { from: before.level, to: after.level } }] : []),
      ...(others.length > 0 ? [{ kind: 'updated' as const, detail: { fields: others } }] : []),
    ]);
    await work.audit({
      action: 'incident.update',
      targetType: 'incident',
      targetId: after.id,
      jurisdictionCode: after.jurisdictionCode,
      before: pick(incidentSnapshot(before), changed),
      after: pick(incidentSnapshot(after), changed),
    });
    await work.emit({ type: 'incident.updated', jurisdictionPath: after.jurisdictionPath, payload: { ...eventPayload(after), changed } });
    return after;
  });
}

function pick(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, record[key]]));
}

/**
 * Moves the status along the state machine (model.ts). An illegal move is a 409 naming the
 * allowed ones; a false alarm (reported → closed) and a reopening (closed → responding, commander
 * or admin) need a note saying why.
 */
export async function changeStatus(ctx: ServiceContext, props: { id: string; to: IncidentStatus; note?: string | null | undefined }): Promise<Incident> {
  const note = checkOptionalText(props.note, 'note', LIMITS.noteMax);
  return withUnitOfWork(ctx, async (work) => {
    const before = await loadVisibleIncident(ctx, work.tx, props.id);
    const from = before.status;
    if (!isAllowedMove(from, props.to)) {
      const allowed = allowedMoves(from);
      throw new ConflictError(`to: incident ${before.number} cannot move from ${from} to ${props.to}; allowed from ${from}: ${allowed.join(', ') || 'none'}`);
    }
    if (!canChangeStatus(ctx.actor, before.jurisdictionPath, from, props.to)) {
      throw new ForbiddenError(
        from === 'closed' ? `to: only a commander or an admin may reopen incident ${before.number}` : `id: you may not change the status of incident ${before.number}`,
      );
    }
    if (needsReason(from, props.to) && note === null) {
      throw InvalidInputError.forField('note', from === 'closed' ? 'say why the incident is reopened' : 'say why this is a false alarm');
    }
    const at = work.now.toISOString();
    const after: Incident = { ...before, status: props.to, closedAt: props.to === 'closed' ? at : null, updatedAt: at };
    await store.updateIncident(work.tx, after);
    await appendTimeline(ctx, work, after.id, [{ kind: 'status_changed', detail: { from, to: props.to, note } }]);
    await work.audit({
      action: 'incident.status_change',
      targetType: 'incident',
      targetId: after.id,
      jurisdictionCode: after.jurisdictionCode,
      before: { status: from },
      after: { status: props.to, note },
    });
    await work.emit({ type: 'incident.status_changed', jurisdictionPath: after.jurisdictionPath, payload: { ...eventPayload(after), from, to: props.to } });
    return after;
  });
}

/** Adds a note to the timeline (duty officers, commanders, admins of the incident's subtree). */
export async function addNote(ctx: ServiceContext, props: { id: string; text: string }): Promise<TimelineEntry> {
  const text = checkText(props.text, 'text', LIMITS.noteMax);
  return withUnitOfWork(ctx, async (work) => {
    const incident = await loadVisibleIncident(ctx, work.tx, props.id);
    if (!canEditIncident(ctx.actor, incident.jurisdictionPath)) throw new ForbiddenError(`id: you may not add notes to incident ${incident.number}`);
    await appendTimeline(ctx, work, incident.id, [{ kind: 'note', detail: { text } }]);
    await work.audit({ action: 'incident.note', targetType: 'incident', targetId: incident.id, jurisdictionCode: incident.jurisdictionCode, after: { text } });
    const entries = await store.listTimeline(work.tx, incident.id, (await store.lastTimelineSeq(work.tx, incident.id)) - 1, 1);
    return entries[0]!;
  });
}
