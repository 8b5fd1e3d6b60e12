import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { withUnitOfWork, type ServiceContext, type UnitOfWork } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { loadJurisdiction } from '../../jurisdictions/service.js';
import { resolveScopes, resolveUnit, type Page } from '../../incidents/service.js';
import { checkText } from '../../incidents/model.js';
import { notifyUnit } from '../../notifications/service.js';
import {
  RISK_AREA_LIMITS,
  checkDesignatableLevel,
  checkInstant,
  checkSchedule,
  dueActions,
  riskAreaSnapshot,
  type ChangeAction,
  type RiskArea,
  type RiskAreaChange,
  type RiskAreaStatus,
  type RiskLevel,
} from './model.js';
import { canChangeRiskArea, canViewRiskArea, designatingGrant } from './policy.js';
import * as store from './store.js';

export type { RiskArea, RiskAreaChange } from './model.js';

async function loadRiskArea(db: ServiceContext['db'] | Tx, id: string): Promise<RiskArea> {
  const area = await store.findRiskArea(db, id);
  if (area === undefined) throw new NotFoundError(`id: no risk-area designation ${id}`);
  return area;
}

async function record(ctx: ServiceContext, work: UnitOfWork, area: RiskArea, action: ChangeAction, detail: Record<string, unknown>): Promise<void> {
  await store.appendChange(work.tx, { id: newId(work.now.getTime()), riskAreaId: area.id, action, detail, actorId: ctx.actor.id, actorName: ctx.actor.name, at: work.now.toISOString() });
  await work.emit({
    type: `risk_area.${action}`,
    jurisdictionPath: area.jurisdictionPath,
    payload: { id: area.id, jurisdictionCode: area.jurisdictionCode, level: area.level, status: area.status, expiresAt: area.expiresAt },
  });
}

export interface DesignateProps {
  /** The township, community (village) or grid cell. */
  readonly jurisdictionCode: string;
  readonly level: RiskLevel;
  readonly reason: string;
  /** Default: now. */
  readonly startsAt?: string | undefined;
  readonly reviewAt: string;
  readonly expiresAt: string;
}

/**
 * Designates a unit low/medium/high risk. Only officers of an ancestor unit may (policy.ts); the
 * nearest such unit becomes the issuing unit. A unit has at most one active designation: change
 * that one instead of stacking another.
 */
export async function designateRiskArea(ctx: ServiceContext, props: DesignateProps): Promise<RiskArea> {
  const reason = checkText(props.reason, 'reason', RISK_AREA_LIMITS.reasonMax);
  const unit = await resolveUnit(ctx, props.jurisdictionCode, 'jurisdictionCode');
  checkDesignatableLevel(unit.level, unit.code);
  const grant = designatingGrant(ctx.actor, unit.path);
  if (ctx.actor.kind !== 'system' && grant === undefined) {
    throw new ForbiddenError(`jurisdictionCode: only a commander or duty officer of a unit above ${unit.code} may designate it`);
  }
  const issuingCode = grant?.jurisdictionCode ?? unit.parentCode ?? unit.code;
  const issuing = await loadJurisdiction(ctx, issuingCode, 'jurisdictionCode');
  return withUnitOfWork(ctx, async (work) => {
    const now = work.now.toISOString();
    const schedule = {
      startsAt: props.startsAt === undefined ? now : checkInstant(props.startsAt, 'startsAt'),
      reviewAt: checkInstant(props.reviewAt, 'reviewAt'),
      expiresAt: checkInstant(props.expiresAt, 'expiresAt'),
    };
    checkSchedule(schedule);
    if (schedule.expiresAt <= now) throw InvalidInputError.forField('expiresAt', 'must be in the future');
    const existing = await store.findActiveFor(work.tx, unit.code);
    if (existing !== undefined) throw new ConflictError(`jurisdictionCode: ${unit.code} is already designated ${existing.level} risk (${existing.id}); change or lift that designation`);
    const area: RiskArea = {
      id: newId(work.now.getTime()),
      jurisdictionCode: unit.code,
      jurisdictionPath: unit.path,
      issuingCode: issuing.code,
      issuingPath: issuing.path,
      level: props.level,
      reason,
      ...schedule,
      status: 'active',
      reviewFlaggedAt: null,
      endedAt: null,
      endReason: null,
      designatedBy: ctx.actor.id,
      createdAt: now,
      updatedAt: now,
    };
    await store.insertRiskArea(work.tx, area);
    await record(ctx, work, area, 'designated', { level: area.level, reason, ...schedule });
    await work.audit({ action: 'risk_area.designate', targetType: 'risk_area', targetId: area.id, jurisdictionCode: unit.code, after: riskAreaSnapshot(area) });
    return area;
  });
}

export interface RiskAreaChanges {
  readonly level?: RiskLevel | undefined;
  readonly reason?: string | undefined;
  /** A new review date clears the review flag: the designation has been looked at. */
  readonly reviewAt?: string | undefined;
  readonly expiresAt?: string | undefined;
}

/** Changes an active designation's level, reason or dates (same rule as designating). */
export async function changeRiskArea(ctx: ServiceContext, props: { id: string; changes: RiskAreaChanges }): Promise<RiskArea> {
  const c = props.changes;
  if (Object.values(c).every((v) => v === undefined)) throw InvalidInputError.forField('body', 'name at least one of level, reason, reviewAt, expiresAt');
  return withUnitOfWork(ctx, async (work) => {
    const before = await loadRiskArea(work.tx, props.id);
    if (!canChangeRiskArea(ctx.actor, before.jurisdictionPath)) throw new ForbiddenError(`id: only a commander or duty officer above ${before.jurisdictionCode} may change this designation`);
    if (before.status !== 'active') throw new ConflictError(`id: the designation is ${before.status}; designate the unit again instead`);
    const now = work.now.toISOString();
    const reviewAt = c.reviewAt === undefined ? before.reviewAt : checkInstant(c.reviewAt, 'reviewAt');
    const expiresAt = c.expiresAt === undefined ? before.expiresAt : checkInstant(c.expiresAt, 'expiresAt');
    checkSchedule({ startsAt: before.startsAt, reviewAt, expiresAt });
    if (c.expiresAt !== undefined && expiresAt <= now) throw InvalidInputError.forField('expiresAt', 'must be in the future; lift the designation to end it now');
    const after: RiskArea = {
      ...before,
      level: c.level ?? before.level,
      reason: c.reason === undefined ? before.reason : checkText(c.reason, 'reason', RISK_AREA_LIMITS.reasonMax),
      reviewAt,
      expiresAt,
      reviewFlaggedAt: c.reviewAt === undefined ? before.reviewFlaggedAt : null,
      updatedAt: now,
    };
    await store.updateRiskArea(work.tx, after);
    const changed = Object.fromEntries(Object.entries(riskAreaSnapshot(after)).filter(([key, value]) => JSON.stringify(riskAreaSnapshot(before)[key]) !== JSON.stringify(value)));
    await record(ctx, work, after, 'changed', { changed });
    await work.audit({ action: 'risk_area.change', targetType: 'risk_area', targetId: after.id, jurisdictionCode: after.jurisdictionCode, before: riskAreaSnapshot(before), after: riskAreaSnapshot(after) });
    return after;
  });
}

/** Lifts an active designation now, with the reason. */
export async function liftRiskArea(ctx: ServiceContext, props: { id: string; reason: string }): Promise<RiskArea> {
  const reason = checkText(props.reason, 'reason', RISK_AREA_LIMITS.reasonMax);
  return withUnitOfWork(ctx, async (work) => {
    const before = await loadRiskArea(work.tx, props.id);
    if (!canChangeRiskArea(ctx.actor, before.jurisdictionPath)) throw new ForbiddenError(`id: only a commander or duty officer above ${before.jurisdictionCode} may lift this designation`);
    if (before.status !== 'active') throw new ConflictError(`id: the designation is already ${before.status}`);
    const now = work.now.toISOString();
    const after: RiskArea = { ...before, status: 'lifted', endedAt: now, endReason: reason, updatedAt: now };
    await store.updateRiskArea(work.tx, after);
    await record(ctx, work, after, 'lifted', { reason });
    await work.audit({ action: 'risk_area.lift', targetType: 'risk_area', targetId: after.id, jurisdictionCode: after.jurisdictionCode, before: riskAreaSnapshot(before), after: riskAreaSnapshot(after) });
    return after;
  });
}

export async function getRiskArea(ctx: ServiceContext, id: string): Promise<{ area: RiskArea; history: RiskAreaChange[] }> {
  const area = await loadRiskArea(ctx.db, id);
  if (!canViewRiskArea(ctx.actor, area.jurisdictionPath)) throw new ForbiddenError(`id: designation ${id} is outside your jurisdiction`);
  return { area, history: await store.listChanges(ctx.db, id) };
}

export interface RiskAreaQuery {
  readonly within?: string | undefined;
  readonly status?: readonly RiskAreaStatus[] | undefined;
  readonly level?: readonly RiskLevel[] | undefined;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

export async function listRiskAreas(ctx: ServiceContext, query: RiskAreaQuery): Promise<Page<RiskArea>> {
  const rows = await store.listRiskAreas(ctx.db, { paths: await resolveScopes(ctx, query.within), statuses: query.status, levels: query.level, beforeId: query.cursor, limit: query.limit + 1 });
  const items = rows.slice(0, query.limit);
  return { items, nextCursor: rows.length > query.limit ? items[items.length - 1]!.id : null };
}

export interface ReviewRoundResult {
  readonly expired: number;
  readonly flagged: number;
}

/**
 * The scheduled round (system actor): lifts every active designation past its expiry and flags
 * those past their review date to the issuing unit's commanders and duty officers. Idempotent:
 * an expired designation is no longer active, a flagged one carries its flag time.
 */
export async function runRiskAreaReview(ctx: ServiceContext): Promise<ReviewRoundResult> {
  const now = ctx.clock.now().toISOString();
  const { expire, flag } = dueActions(await store.listDue(ctx.db, now), now);
  for (const due of expire) {
    await withUnitOfWork(ctx, async (work) => {
      const before = await loadRiskArea(work.tx, due.id);
      if (before.status !== 'active') return; // lifted meanwhile
      const at = work.now.toISOString();
      const after: RiskArea = { ...before, status: 'expired', endedAt: at, endReason: null, updatedAt: at };
      await store.updateRiskArea(work.tx, after);
      await record(ctx, work, after, 'expired', { expiresAt: before.expiresAt });
      await work.audit({ action: 'risk_area.expire', targetType: 'risk_area', targetId: after.id, jurisdictionCode: after.jurisdictionCode, before: riskAreaSnapshot(before), after: riskAreaSnapshot(after) });
    });
  }
  for (const due of flag) {
    await withUnitOfWork(ctx, async (work) => {
      const before = await loadRiskArea(work.tx, due.id);
      if (before.status !== 'active' || before.reviewFlaggedAt !== null) return;
      const at = work.now.toISOString();
      const after: RiskArea = { ...before, reviewFlaggedAt: at, updatedAt: at };
      await store.updateRiskArea(work.tx, after);
      await record(ctx, work, after, 'review_flagged', { reviewAt: before.reviewAt, issuingCode: before.issuingCode });
      await work.audit({ action: 'risk_area.review_due', targetType: 'risk_area', targetId: after.id, jurisdictionCode: after.issuingCode, after: { reviewAt: after.reviewAt, reviewFlaggedAt: at } });
      await work.emit({ type: 'risk_area.review_due', jurisdictionPath: after.issuingPath, payload: { id: after.id, jurisdictionCode: after.jurisdictionCode, issuingCode: after.issuingCode, reviewAt: after.reviewAt } });
      await notifyUnit(ctx, work, {
        jurisdictionCode: after.issuingCode,
        roles: ['commander', 'duty_officer'],
        kind: 'risk_area.review_due',
        subject: { zh: `风险区域待复核：${after.jurisdictionCode}`, en: `Risk area due for review: ${after.jurisdictionCode}` },
        body: {
          zh: `${after.jurisdictionCode} 的${LEVEL_ZH[after.level]}风险区域认定已过复核日期（${after.reviewAt}），请复核、调整或解除。`,
          en: `The ${after.level}-risk designation of ${after.jurisdictionCode} passed its review date (${after.reviewAt}): review, change or lift it.`,
        },
        link: `#/information/risk-areas/${after.id}`,
        ref: { type: 'risk_area', id: after.id },
        dedupeKey: `risk_area.review_due:${after.id}:${after.reviewAt}`,
      });
    });
  }
  return { expired: expire.length, flagged: flag.length };
}

const LEVEL_ZH: Readonly<Record<RiskLevel, string>> = { low: '低', medium: '中', high: '高' };

/** Designations in force now, for the public portal and the Atom feed. */
export async function listPublicRiskAreas(ctx: Pick<ServiceContext, 'db' | 'clock'>): Promise<RiskArea[]> {
  return store.listInForce(ctx.db, ctx.clock.now().toISOString());
}
