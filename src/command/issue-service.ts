import { ForbiddenError, InvalidInputError, NotFoundError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { isWithinPath, normaliseJurisdictionCode, type JurisdictionLevel } from '../core/jurisdiction-code.js';
import { withUnitOfWork, type ServiceContext } from '../platform/context.js';
import type { Tx } from '../platform/db/database.js';
import { getIncident } from '../incidents/service.js';
import { notifyUnit } from '../notifications/service.js';
import type { Jurisdiction } from '../jurisdictions/model.js';
import { allowedIntensity, type Intensity } from './intensity.js';
import {
  DEFAULT_ESCALATION_GRACE_MINUTES,
  LIMITS,
  checkBilingual,
  formatOrderNumber,
  isLevel,
  levelsBetween,
  orderSnapshot,
  resolveDeadlines,
  sequenceOfOrderNumber,
  type BilingualText,
  type CascadeMode,
  type DeadlinesInput,
  type Order,
  type OrderTarget,
} from './model.js';
import { resolveActiveUnit } from './order-access.js';
import { canIssueOrder } from './policy.js';
import { buildRollups, countSelection, insertRecipients, type CascadeSelection, type InsertRecipientsProps } from './cascade-store.js';
import * as store from './store.js';
import { noticeContent } from './notices.js';

export type TargetInput =
  | { readonly kind: 'subtree'; readonly rootCode: string; readonly downToLevel?: string | null | undefined }
  | { readonly kind: 'level'; readonly rootCode: string; readonly level: string }
  | { readonly kind: 'units'; readonly codes: readonly string[] };

export interface IssueOrderProps {
  /** The unit issuing the order (any accepted code form); the actor must be its officer. */
  readonly issuerCode: string;
  readonly title: { zh: string; en?: string | null | undefined };
  readonly body: { zh: string; en?: string | null | undefined };
  readonly actions?: ReadonlyArray<{ zh: string; en?: string | null | undefined }> | undefined;
  readonly evidenceRequired?: ReadonlyArray<{ zh: string; en?: string | null | undefined }> | undefined;
  readonly target: TargetInput;
  readonly cascade: CascadeMode;
  readonly deadlines: DeadlinesInput;
  /** Strongest local measure allowed without review; capped by the incident's level. */
  readonly maxIntensity?: Intensity | undefined;
  readonly incidentId?: string | null | undefined;
  /** Minutes between reminding a late unit and telling its parent level. */
  readonly escalationGraceMinutes?: number | undefined;
}

/** At most this many first receivers are notified one by one at issue; larger cascades rely on lists and reminders. */
const NOTIFY_ON_ISSUE_MAX = 200;

interface ResolvedTarget {
  readonly target: OrderTarget;
  readonly selection: CascadeSelection;
  /** Levels the order reaches (for deadlines). */
  readonly levels: readonly JurisdictionLevel[];
  readonly root: Jurisdiction | null;
}

function outside(field: string, code: string, issuer: Jurisdiction): ForbiddenError {
  return new ForbiddenError(`${field}: ${code} lies outside the issuing unit ${issuer.code}'s jurisdiction`);
}

/** Checks the target against the issuing unit and turns it into the SQL selection of units. */
async function resolveTarget(ctx: ServiceContext, issuer: Jurisdiction, input: TargetInput): Promise<ResolvedTarget> {
  if (input.kind === 'units') {
    const codes = [...new Set(input.codes.map((c, i) => normaliseJurisdictionCode(c, `target.codes[${i}]`)))];
    if (codes.length === 0) throw InvalidInputError.forField('target.codes', 'must name at least one unit');
    if (codes.length > LIMITS.unitsMax) throw InvalidInputError.forField('target.codes', `at most ${LIMITS.unitsMax} units; use a subtree or a level target for more`);
    const levels = new Set<JurisdictionLevel>();
    for (const [i, code] of codes.entries()) {
      const unit = await resolveActiveUnit(ctx, code, `target.codes[${i}]`);
      if (unit.code === issuer.code) throw InvalidInputError.forField(`target.codes[${i}]`, 'the issuing unit does not send an order to itself');
      if (!isWithinPath(issuer.path, unit.path)) throw outside(`target.codes[${i}]`, unit.code, issuer);
      levels.add(unit.level);
    }
    return { target: { kind: 'units', codes }, selection: { kind: 'codes', codes }, levels: [...levels], root: null };
  }
  const root = await resolveActiveUnit(ctx, input.rootCode, 'target.rootCode');
  if (!isWithinPath(issuer.path, root.path)) throw outside('target.rootCode', root.code, issuer);
  if (input.kind === 'level') {
    if (!isLevel(input.level)) throw InvalidInputError.forField('target.level', `"${input.level}" is not a jurisdiction level`);
    if (!levelsBetween(root.level, null).includes(input.level)) throw InvalidInputError.forField('target.level', `${input.level} is not below ${root.code} (${root.level})`);
    return { target: { kind: 'level', rootCode: root.code, level: input.level }, selection: { kind: 'range', rootPath: root.path, levels: [input.level] }, levels: [input.level], root };
  }
  const downTo = input.downToLevel ?? null;
  if (downTo !== null && !isLevel(downTo)) throw InvalidInputError.forField('target.downToLevel', `"${downTo}" is not a jurisdiction level`);
  const below = levelsBetween(root.level, downTo);
  if (downTo !== null && below.length === 0 && (root.code === issuer.code || downTo !== root.level)) {
    throw InvalidInputError.forField('target.downToLevel', `${downTo} is not below ${root.code} (${root.level})`);
  }
  const levels = root.code === issuer.code ? below : [root.level, ...below];
  return { target: { kind: 'subtree', rootCode: root.code, downToLevel: downTo }, selection: { kind: 'range', rootPath: root.path, levels }, levels, root };
}

function describeEmpty(target: OrderTarget): string {
  switch (target.kind) {
    case 'units':
      return 'target: none of the listed units is active';
    case 'level':
      return `target: ${target.rootCode} has no active units at level ${target.level}`;
    default:
      return `target: ${target.rootCode} has no active units below it${target.downToLevel === null ? '' : ` down to ${target.downToLevel}`}`;
  }
}

/** The incident an order is linked to; one that does not exist is bad input naming the field. */
async function linkedIncident(ctx: ServiceContext, id: string) {
  try {
    return await getIncident(ctx, id);
  } catch (error) {
    if (error instanceof NotFoundError) throw InvalidInputError.forField('incidentId', `no incident ${id}`);
    throw error;
  }
}

async function nextNumber(tx: Tx, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const last = await store.lastNumberOfYear(tx, year);
  return formatOrderNumber(year, last === undefined ? 1 : (sequenceOfOrderNumber(last, year) ?? 0) + 1);
}

function bilingualList(items: IssueOrderProps['actions'], field: string): BilingualText[] {
  const list = items ?? [];
  if (list.length > LIMITS.itemsMax) throw InvalidInputError.forField(field, `at most ${LIMITS.itemsMax} items`);
  return list.map((item, i) => checkBilingual(item, `${field}[${i}]`, LIMITS.itemMax));
}

/**
 * Issues an order: every target unit becomes a recipient in one INSERT … SELECT over the
 * jurisdictions table (automatic cascade: all receive now; manual: the top units receive and
 * forward), the roll-up counters are built per node, and the revision, audit record and event
 * commit in the same transaction. An empty target is refused with the reason (400), a target
 * outside the issuing unit with a 403.
 */
export async function issueOrder(ctx: ServiceContext, props: IssueOrderProps): Promise<Order> {
  const issuer = await resolveActiveUnit(ctx, props.issuerCode, 'issuerCode');
  if (!canIssueOrder(ctx.actor, issuer.path)) throw new ForbiddenError(`issuerCode: you may not issue orders for ${issuer.code}`);
  const title = checkBilingual(props.title, 'title', LIMITS.titleMax);
  const body = checkBilingual(props.body, 'body', LIMITS.bodyMax);
  const actions = bilingualList(props.actions, 'actions');
  const evidenceRequired = bilingualList(props.evidenceRequired, 'evidenceRequired');
  const grace = props.escalationGraceMinutes ?? DEFAULT_ESCALATION_GRACE_MINUTES;
  if (!Number.isInteger(grace) || grace < 1 || grace > LIMITS.graceMinutesMax) {
    throw InvalidInputError.forField('escalationGraceMinutes', `must be a whole number of minutes from 1 to ${LIMITS.graceMinutesMax}`);
  }
  const resolved = await resolveTarget(ctx, issuer, props.target);
  if (props.cascade === 'manual' && resolved.target.kind !== 'subtree') {
    throw InvalidInputError.forField('cascade', 'a manual cascade needs a subtree target: a level or a list of units is addressed directly (automatic)');
  }
  const incident = props.incidentId === undefined || props.incidentId === null ? null : await linkedIncident(ctx, props.incidentId);
  const deadlines = resolveDeadlines(props.deadlines, resolved.levels, ctx.clock.now());
  const maxIntensity = allowedIntensity(props.maxIntensity, incident?.level ?? null);

  return withUnitOfWork(ctx, async (work) => {
    const count = await countSelection(work.tx, resolved.selection, issuer.code);
    if (count === 0) throw new InvalidInputError(describeEmpty(resolved.target), [{ field: 'target', message: describeEmpty(resolved.target).slice('target: '.length) }]);
    const at = work.now.toISOString();
    const order: Order = {
      id: newId(work.now.getTime()),
      number: await nextNumber(work.tx, work.now),
      issuerCode: issuer.code,
      issuerPath: issuer.path,
      title,
      body,
      actions,
      evidenceRequired,
      target: resolved.target,
      cascade: props.cascade,
      deadlines,
      maxIntensity,
      incidentId: incident?.id ?? null,
      incidentLevel: incident?.level ?? null,
      escalationGraceMinutes: grace,
      status: 'active',
      revision: 1,
      recipientCount: count,
      issuedBy: ctx.actor.id,
      issuedAt: at,
      updatedAt: at,
    };
    await store.insertOrder(work.tx, order);
    const receivesFirst: InsertRecipientsProps['receivesFirst'] =
      props.cascade === 'automatic' ? { all: true } : resolved.root!.code === issuer.code ? { childrenOf: issuer.code } : { unitCode: resolved.root!.code };
    const inserted = await insertRecipients(work.tx, { orderId: order.id, issuerCode: issuer.code, selection: resolved.selection, deadlines, now: at, receivesFirst });
    const final = inserted === count ? order : { ...order, recipientCount: inserted };
    if (inserted !== count) await store.updateOrder(work.tx, final);
    await buildRollups(work.tx, order.id, issuer.depth);
    await store.insertRevision(work.tx, { orderId: order.id, revision: 1, kind: 'issued', note: null, changes: orderSnapshot(final), by: ctx.actor.id, at });
    await work.audit({ action: 'order.issue', targetType: 'order', targetId: order.id, jurisdictionCode: issuer.code, after: orderSnapshot(final) });
    await work.emit({ type: 'order.issued', jurisdictionPath: issuer.path, payload: { id: order.id, number: order.number, issuerCode: issuer.code, recipientCount: inserted } });
    const firstReceivers = await store.receivedUnitCodes(work.tx, order.id, NOTIFY_ON_ISSUE_MAX + 1);
    if (firstReceivers.length <= NOTIFY_ON_ISSUE_MAX) {
      for (const code of firstReceivers) await notifyUnit(ctx, work, noticeContent(final, code, 'received'));
    }
    return final;
  });
}
