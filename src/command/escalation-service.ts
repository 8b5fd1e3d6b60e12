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

/** Candidates per batch; each batch is one transaction, so a long sweep never holds one for long. */
export const ESCALATION_BATCH = 200;

/** Where a sweep has got to, reported after each committed batch. */
export interface EscalationProgress extends EscalationRound {
  readonly batches: number;
  /** Overdue candidates examined so far (some need no step yet). */
  readonly examined: number;
}

export interface EscalationOptions {
  readonly batchSize?: number | undefined;
  /** Called after each batch has committed (the job logs it). A throw stops the sweep; the next run resumes. */
  readonly onBatch?: ((progress: EscalationProgress) => void | Promise<void>) | undefined;
}

const KIND: Readonly<Record<'ack' | 'complete', Readonly<Record<EscalationStep, NoticeKind>>>> = {
  ack: { remind_unit: 'ack_reminder', tell_parent: 'ack_escalation' },
  complete: { remind_unit: 'completion_reminder', tell_parent: 'completion_escalation' },
};

/**
 * One sweep of overdue acknowledgements and completions, in batches until none is left: remind
 * the late unit, and after the order's grace period tell its parent level. Each batch is its own
 * transaction; each step is claimed on the recipient row (so an overlapping sweep skips it) in the
 * same transaction as its notification, whose dedupe key also makes a re-run harmless. A sweep
 * cut off part-way leaves committed batches done and the rest to the next run.
 */
export async function runEscalation(ctx: ServiceContext, options: EscalationOptions = {}): Promise<EscalationRound> {
  const batchSize = options.batchSize ?? ESCALATION_BATCH;
  const now = ctx.clock.now();
  const orders = new Map<string, Order>();
  let reminded = 0;
  let escalated = 0;
  let notified = 0;
  let batches = 0;
  let examined = 0;
  let after: { orderId: string; unitCode: string } | undefined;
  for (;;) {
    const candidates = await listOverdueCandidates(ctx.db, { now: now.toISOString(), after, limit: batchSize });
    if (candidates.length === 0) break;
    const last = candidates[candidates.length - 1]!.row;
    after = { orderId: last.order_id, unitCode: last.unit_code };
    // Counted only once the batch has committed: a rolled-back batch did nothing.
    const batch = { reminded: 0, escalated: 0, notified: 0 };
    await withUnitOfWork(ctx, async (work) => {
      const steps: Array<{ unit: string; duty: string; step: EscalationStep }> = [];
      const orderOf = async (id: string): Promise<Order> => {
        let order = orders.get(id);
        if (order === undefined) {
          order = await loadOrder(work.tx, id);
          orders.set(order.id, order);
        }
        return order;
      };
      for (const { row, revision, graceMinutes } of candidates) {
        if (row.received_at === null) {
          // A manual cascade stuck above this unit: remind the unit that should forward, once per order revision.
          if (row.ack_escalation > 0 || Date.parse(row.ack_due_at) >= now.getTime()) continue;
          if (!(await recordEscalation(work.tx, { orderId: row.order_id, unitCode: row.unit_code, duty: 'ack', stage: 2, at: work.now.toISOString() }))) continue;
          const order = await orderOf(row.order_id);
          const forwarder = row.parent_code ?? order.issuerCode;
          const key = `order:${order.id}:r${order.revision}:forward_reminder:${forwarder}`;
          batch.notified += (await notifyUnit(ctx, work, noticeContent(order, forwarder, 'forward_reminder', undefined, key))).enqueued;
          steps.push({ unit: row.unit_code, duty: 'forward', step: 'tell_parent' });
          batch.escalated += 1;
          continue;
        }
        const completion = nextEscalation({ dueAt: row.complete_due_at, done: row.completed_at !== null, stage: row.complete_escalation, escalatedAt: row.complete_escalated_at, graceMinutes }, now);
        // Once completion is overdue, reminders are about completing; acknowledging alone no longer suffices.
        const acknowledgement = completion !== null || Date.parse(row.complete_due_at) < now.getTime()
          ? null
          : nextEscalation({ dueAt: row.ack_due_at, done: row.ack_revision === revision, stage: row.ack_escalation, escalatedAt: row.ack_escalated_at, graceMinutes }, now);
        for (const [duty, step] of [['complete', completion], ['ack', acknowledgement]] as const) {
          if (step === null) continue;
          const stage = step === 'remind_unit' ? 1 : 2;
          if (!(await recordEscalation(work.tx, { orderId: row.order_id, unitCode: row.unit_code, duty, stage, at: work.now.toISOString() }))) continue;
          const order = await orderOf(row.order_id);
          const to = step === 'remind_unit' ? row.unit_code : (row.parent_code ?? order.issuerCode);
          batch.notified += (await notifyUnit(ctx, work, noticeContent(order, to, KIND[duty][step], step === 'tell_parent' ? row.unit_code : undefined))).enqueued;
          steps.push({ unit: row.unit_code, duty, step });
          if (step === 'remind_unit') batch.reminded += 1;
          else batch.escalated += 1;
        }
      }
      if (steps.length > 0) {
        await work.audit({ action: 'order.escalate', targetType: 'order', targetId: [...new Set(candidates.map((c) => c.row.order_id))].join(','), after: { steps } });
      }
    });
    reminded += batch.reminded;
    escalated += batch.escalated;
    notified += batch.notified;
    batches += 1;
    examined += candidates.length;
    await options.onBatch?.({ reminded, escalated, notified, batches, examined });
    if (candidates.length < batchSize) break;
  }
  return { reminded, escalated, notified };
}
