import { withUnitOfWork, type ServiceContext } from '../platform/context.js';
import { notifyUnit } from '../notifications/service.js';
import { nextEscalation, type EscalationStep } from './escalation.js';
import { listOverdueCandidates, recordEscalation } from './escalation-store.js';
import { noticeContent, type NoticeKind } from './notices.js';
import { loadOrder } from './order-access.js';
import type { Order } from './model.js';

export interface EscalationRound {
  readonly reminded: number;
  readonly escalated: number;
  /** Notifications the steps enqueued (officers of the units told). */
  readonly notified: number;
}

const PAGE = 200;
/** Steps per run: a sweep after a national deadline continues on the next run instead of holding one job for long. */
const MAX_STEPS_PER_RUN = 5_000;

const KIND: Readonly<Record<'ack' | 'complete', Readonly<Record<EscalationStep, NoticeKind>>>> = {
  ack: { remind_unit: 'ack_reminder', tell_parent: 'ack_escalation' },
  complete: { remind_unit: 'completion_reminder', tell_parent: 'completion_escalation' },
};

/**
 * One sweep of overdue acknowledgements and completions: remind the late unit, and after the
 * order's grace period tell its parent level. Each step is recorded on the recipient row in the
 * same transaction as its notification, whose dedupe key also makes a re-run harmless.
 */
export async function runEscalation(ctx: ServiceContext): Promise<EscalationRound> {
  const now = ctx.clock.now();
  const orders = new Map<string, Order>();
  let reminded = 0;
  let escalated = 0;
  let notified = 0;
  let after: { orderId: string; unitCode: string } | undefined;
  while (reminded + escalated < MAX_STEPS_PER_RUN) {
    const candidates = await listOverdueCandidates(ctx.db, { now: now.toISOString(), after, limit: PAGE });
    if (candidates.length === 0) break;
    const last = candidates[candidates.length - 1]!.row;
    after = { orderId: last.order_id, unitCode: last.unit_code };
    await withUnitOfWork(ctx, async (work) => {
      const steps: Array<{ unit: string; duty: string; step: EscalationStep }> = [];
      for (const { row, revision, graceMinutes } of candidates) {
        if (row.received_at === null) {
          // A manual cascade stuck above this unit: remind the unit that should forward, once per order revision.
          if (row.ack_escalation > 0 || Date.parse(row.ack_due_at) >= now.getTime()) continue;
          let order = orders.get(row.order_id);
          if (order === undefined) {
            order = await loadOrder(work.tx, row.order_id);
            orders.set(order.id, order);
          }
          const forwarder = row.parent_code ?? order.issuerCode;
          const key = `order:${order.id}:r${order.revision}:forward_reminder:${forwarder}`;
          notified += (await notifyUnit(ctx, work, noticeContent(order, forwarder, 'forward_reminder', undefined, key))).enqueued;
          await recordEscalation(work.tx, { orderId: row.order_id, unitCode: row.unit_code, duty: 'ack', stage: 2, at: work.now.toISOString() });
          steps.push({ unit: row.unit_code, duty: 'forward', step: 'tell_parent' });
          escalated += 1;
          continue;
        }
        const completion = nextEscalation({ dueAt: row.complete_due_at, done: row.completed_at !== null, stage: row.complete_escalation, escalatedAt: row.complete_escalated_at, graceMinutes }, now);
        // Once completion is overdue, reminders are about completing; acknowledging alone no longer suffices.
        const acknowledgement = completion !== null || Date.parse(row.complete_due_at) < now.getTime()
          ? null
          : nextEscalation({ dueAt: row.ack_due_at, done: row.ack_revision === revision, stage: row.ack_escalation, escalatedAt: row.ack_escalated_at, graceMinutes }, now);
        for (const [duty, step] of [['complete', completion], ['ack', acknowledgement]] as const) {
          if (step === null) continue;
          let order = orders.get(row.order_id);
          if (order === undefined) {
            order = await loadOrder(work.tx, row.order_id);
            orders.set(order.id, order);
          }
          const to = step === 'remind_unit' ? row.unit_code : (row.parent_code ?? order.issuerCode);
          notified += (await notifyUnit(ctx, work, noticeContent(order, to, KIND[duty][step], step === 'tell_parent' ? row.unit_code : undefined))).enqueued;
          await recordEscalation(work.tx, { orderId: row.order_id, unitCode: row.unit_code, duty, stage: step === 'remind_unit' ? 1 : 2, at: work.now.toISOString() });
          steps.push({ unit: row.unit_code, duty, step });
          if (step === 'remind_unit') reminded += 1;
          else escalated += 1;
        }
      }
      if (steps.length > 0) {
        await work.audit({ action: 'order.escalate', targetType: 'order', targetId: [...new Set(candidates.map((c) => c.row.order_id))].join(','), after: { steps } });
      }
    });
    if (candidates.length < PAGE) break;
  }
  return { reminded, escalated, notified };
}
