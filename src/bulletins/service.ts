import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { withUnitOfWork, type ServiceContext } from '../platform/context.js';
import type { Tx } from '../platform/db/database.js';
import { loadJurisdiction } from '../jurisdictions/service.js';
import { listIncidents, resolveScopes, resolveUnit, type Page } from '../incidents/service.js';
import { checkPeriod } from '../incidents/rollup.js';
import { checkText } from '../incidents/model.js';
import { composeBulletin } from './compose.js';
import { gatherFacts } from './facts.js';
import { BULLETIN_LIMITS, dayBounds, localDay, localHour, wasOpenDuring, yesterday, type Bulletin, type BulletinStatus } from './model.js';
import { canApproveBulletin, canDraftBulletin, canPublishBulletin, canViewBulletin } from './policy.js';
import * as store from './store.js';

export type { Bulletin } from './model.js';

async function loadBulletin(db: ServiceContext['db'] | Tx, id: string): Promise<Bulletin> {
  const bulletin = await store.findBulletin(db, id);
  if (bulletin === undefined) throw new NotFoundError(`id: no bulletin ${id}`);
  return bulletin;
}

function snapshot(b: Bulletin): Record<string, unknown> {
  return { jurisdictionCode: b.jurisdictionCode, period: b.period, status: b.status, titleZh: b.titleZh, titleEn: b.titleEn, textZh: b.textZh, textEn: b.textEn, draftedBy: b.draftedBy };
}

/**
 * Drafts (or re-drafts) a unit's bulletin for a day from the incidents of its subtree. A draft is
 * rewritten from fresh figures; an approved or published bulletin is never rewritten.
 */
export async function draftBulletin(ctx: ServiceContext, props: { jurisdictionCode: string; period: string }): Promise<{ bulletin: Bulletin; created: boolean }> {
  const period = checkPeriod(props.period);
  const now = ctx.clock.now();
  if (period >= localDay(now)) throw InvalidInputError.forField('period', `must be a finished day (before ${localDay(now)}, Asia/Shanghai)`);
  const unit = await resolveUnit(ctx, props.jurisdictionCode, 'jurisdictionCode');
  if (!canDraftBulletin(ctx.actor, unit.path)) throw new ForbiddenError(`jurisdictionCode: you may not draft bulletins for ${unit.code}`);
  const facts = await gatherFacts(ctx, unit, period);
  const text = composeBulletin(facts);
  return withUnitOfWork(ctx, async (work) => {
    const at = work.now.toISOString();
    const existing = await store.findForDay(work.tx, unit.code, period);
    if (existing !== undefined && existing.status !== 'draft') throw new ConflictError(`period: the bulletin of ${unit.code} for ${period} is already ${existing.status}`);
    const bulletin: Bulletin = {
      id: existing?.id ?? newId(work.now.getTime()),
      jurisdictionCode: unit.code,
      jurisdictionPath: unit.path,
      period,
      status: 'draft',
      ...text,
      facts,
      draftedBy: ctx.actor.id,
      draftedAt: at,
      approvedBy: null,
      approvedAt: null,
      publishedBy: null,
      publishedAt: null,
      updatedAt: at,
    };
    if (existing === undefined) await store.insertBulletin(work.tx, bulletin);
    else await store.updateBulletin(work.tx, bulletin);
    await work.audit({ action: existing === undefined ? 'bulletin.draft' : 'bulletin.redraft', targetType: 'bulletin', targetId: bulletin.id, jurisdictionCode: unit.code, before: existing === undefined ? null : snapshot(existing), after: snapshot(bulletin) });
    await work.emit({ type: 'bulletin.drafted', jurisdictionPath: unit.path, payload: { id: bulletin.id, jurisdictionCode: unit.code, period } });
    return { bulletin, created: existing === undefined };
  });
}

export interface BulletinEdit {
  readonly titleZh?: string | undefined;
  readonly titleEn?: string | undefined;
  readonly textZh?: string | undefined;
  readonly textEn?: string | undefined;
}

/** Edits a draft's wording; the editor becomes its author, so someone else must approve it. */
export async function editBulletin(ctx: ServiceContext, props: { id: string; changes: BulletinEdit }): Promise<Bulletin> {
  const c = props.changes;
  if (Object.values(c).every((v) => v === undefined)) throw InvalidInputError.forField('body', 'name at least one of titleZh, titleEn, textZh, textEn');
  return withUnitOfWork(ctx, async (work) => {
    const before = await loadBulletin(work.tx, props.id);
    if (!canDraftBulletin(ctx.actor, before.jurisdictionPath)) throw new ForbiddenError(`id: you may not edit bulletins of ${before.jurisdictionCode}`);
    if (before.status !== 'draft') throw new ConflictError(`id: the bulletin is ${before.status}; only drafts are edited`);
    const at = work.now.toISOString();
    const after: Bulletin = {
      ...before,
      titleZh: c.titleZh === undefined ? before.titleZh : checkText(c.titleZh, 'titleZh', BULLETIN_LIMITS.titleMax),
      titleEn: c.titleEn === undefined ? before.titleEn : checkText(c.titleEn, 'titleEn', BULLETIN_LIMITS.titleMax),
      textZh: c.textZh === undefined ? before.textZh : checkText(c.textZh, 'textZh', BULLETIN_LIMITS.textMax),
      textEn: c.textEn === undefined ? before.textEn : checkText(c.textEn, 'textEn', BULLETIN_LIMITS.textMax),
      draftedBy: ctx.actor.id,
      draftedAt: at,
      updatedAt: at,
    };
    await store.updateBulletin(work.tx, after);
    await work.audit({ action: 'bulletin.edit', targetType: 'bulletin', targetId: after.id, jurisdictionCode: after.jurisdictionCode, before: snapshot(before), after: snapshot(after) });
    return after;
  });
}

/** Approves a draft: an editor of the unit other than its author. */
export async function approveBulletin(ctx: ServiceContext, id: string): Promise<Bulletin> {
  return withUnitOfWork(ctx, async (work) => {
    const before = await loadBulletin(work.tx, id);
    if (!canDraftBulletin(ctx.actor, before.jurisdictionPath)) throw new ForbiddenError(`id: you may not approve bulletins of ${before.jurisdictionCode}`);
    if (!canApproveBulletin(ctx.actor, before.jurisdictionPath, before.draftedBy)) throw new ForbiddenError('id: you wrote this bulletin; another commander or duty officer must approve it');
    if (before.status !== 'draft') throw new ConflictError(`id: the bulletin is already ${before.status}`);
    const at = work.now.toISOString();
    const after: Bulletin = { ...before, status: 'approved', approvedBy: ctx.actor.id, approvedAt: at, updatedAt: at };
    await store.updateBulletin(work.tx, after);
    await work.audit({ action: 'bulletin.approve', targetType: 'bulletin', targetId: id, jurisdictionCode: after.jurisdictionCode, before: { status: before.status }, after: { status: after.status } });
    await work.emit({ type: 'bulletin.approved', jurisdictionPath: after.jurisdictionPath, payload: { id, jurisdictionCode: after.jurisdictionCode, period: after.period } });
    return after;
  });
}

/** Publishes an approved bulletin on the public portal. */
export async function publishBulletin(ctx: ServiceContext, id: string): Promise<Bulletin> {
  return withUnitOfWork(ctx, async (work) => {
    const before = await loadBulletin(work.tx, id);
    if (!canPublishBulletin(ctx.actor, before.jurisdictionPath)) throw new ForbiddenError(`id: you may not publish bulletins of ${before.jurisdictionCode}`);
    if (before.status !== 'approved') throw new ConflictError(`id: the bulletin is ${before.status}; only an approved bulletin is published`);
    const at = work.now.toISOString();
    const after: Bulletin = { ...before, status: 'published', publishedBy: ctx.actor.id, publishedAt: at, updatedAt: at };
    await store.updateBulletin(work.tx, after);
    await work.audit({ action: 'bulletin.publish', targetType: 'bulletin', targetId: id, jurisdictionCode: after.jurisdictionCode, before: { status: before.status }, after: { status: after.status } });
    await work.emit({ type: 'bulletin.published', jurisdictionPath: after.jurisdictionPath, payload: { id, jurisdictionCode: after.jurisdictionCode, period: after.period } });
    return after;
  });
}

export async function getBulletin(ctx: ServiceContext, id: string): Promise<Bulletin> {
  const bulletin = await loadBulletin(ctx.db, id);
  if (!canViewBulletin(ctx.actor, bulletin.jurisdictionPath)) throw new ForbiddenError(`id: bulletin ${id} is outside your jurisdiction`);
  return bulletin;
}

/** A page cursor: "<period>_<id>" of the last item. */
function parseCursor(cursor: string | undefined): { period: string; id: string } | undefined {
  if (cursor === undefined) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})_([0-9A-Z]{1,64})$/.exec(cursor);
  if (match === null) throw InvalidInputError.forField('cursor', 'is not a cursor this list gave out');
  return { period: match[1]!, id: match[2]! };
}

function pageOf(rows: Bulletin[], limit: number): Page<Bulletin> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? `${last.period}_${last.id}` : null };
}

export async function listBulletins(ctx: ServiceContext, query: { within?: string | undefined; status?: readonly BulletinStatus[] | undefined; period?: string | undefined; limit: number; cursor?: string | undefined }): Promise<Page<Bulletin>> {
  const rows = await store.listBulletins(ctx.db, {
    paths: await resolveScopes(ctx, query.within),
    statuses: query.status,
    period: query.period === undefined ? undefined : checkPeriod(query.period),
    before: parseCursor(query.cursor),
    limit: query.limit + 1,
  });
  return pageOf(rows, query.limit);
}

/** Published bulletins for the public portal, newest day first, optionally within a unit. */
export async function listPublishedBulletins(ctx: Pick<ServiceContext, 'db'>, query: { within?: string | undefined; limit: number; cursor?: string | undefined }): Promise<Page<Bulletin>> {
  const paths = query.within === undefined ? 'all' : [(await loadJurisdiction(ctx, query.within, 'within')).path];
  const rows = await store.listBulletins(ctx.db, { paths, statuses: ['published'], before: parseCursor(query.cursor), limit: query.limit + 1 });
  return pageOf(rows, query.limit);
}

/** The hour (Asia/Shanghai) from which the morning job drafts yesterday's bulletins. */
export const DRAFT_FROM_HOUR = 6;

/**
 * The morning round (system actor): from 06:00 Asia/Shanghai, drafts yesterday's bulletin for
 * every unit that owns an incident open during that day and every unit that had a bulletin the
 * day before (so a quiet day still gets its bulletin). Units already drafted are left alone, so
 * running it hourly is safe.
 */
export async function runDailyDrafting(ctx: ServiceContext): Promise<{ period: string; drafted: number }> {
  const now = ctx.clock.now();
  const period = yesterday(now);
  if (localHour(now) < DRAFT_FROM_HOUR) return { period, drafted: 0 };
  const { start, end } = dayBounds(period);
  const units = new Set<string>(await store.unitsWithBulletinOn(ctx.db, yesterday(new Date(Date.parse(start)))));
  for (let cursor: string | undefined; ; ) {
    const page = await listIncidents(ctx, { limit: 1000, cursor });
    for (const incident of page.items) if (wasOpenDuring(incident, start, end)) units.add(incident.jurisdictionCode);
    if (page.nextCursor === null) break;
    cursor = page.nextCursor;
  }
  let drafted = 0;
  for (const code of [...units].sort()) {
    if ((await store.findForDay(ctx.db, code, period)) !== undefined) continue;
    try {
      await draftBulletin(ctx, { jurisdictionCode: code, period });
      drafted += 1;
    } catch (error) {
      // One unit's failure (e.g. retired meanwhile) must not stop the others.
      ctx.log.warn({ err: error, jurisdictionCode: code, period }, 'bulletin draft failed');
    }
  }
  return { period, drafted };
}
