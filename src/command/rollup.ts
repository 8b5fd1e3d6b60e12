import type { JurisdictionLevel } from '../core/jurisdiction-code.js';
import { deadlineOf, type Deadlines } from './model.js';

/** The counters kept for one node and one recipient level: the units of that level below the node. */
export interface LevelCounters {
  readonly level: JurisdictionLevel;
  readonly targeted: number;
  readonly received: number;
  readonly acknowledged: number;
  readonly completed: number;
}

/** What the units below a node (the node itself included when it is a recipient) have done. */
export interface RollupSummary {
  readonly targeted: number;
  readonly received: number;
  /** Targets a manual cascade has not reached yet. */
  readonly notReceived: number;
  /** Acknowledged the current revision. */
  readonly acknowledged: number;
  readonly completed: number;
  /** Received, past the acknowledgement deadline, not acknowledged (and completion not yet due). */
  readonly overdueAcknowledgement: number;
  /** Received, past the completion deadline, not completed. */
  readonly overdueCompletion: number;
  /** Units overdue on either count (each counted once). */
  readonly overdue: number;
  readonly byLevel: ReadonlyArray<LevelCounters & { readonly overdue: number }>;
}

/**
 * Sums a node's counters. Overdue counts need no recount: every unit of a level shares that
 * level's deadlines, so a level is either wholly past a deadline or not. Once a level's
 * completion deadline has passed a unit is overdue if it has not completed, whatever its
 * acknowledgement; before that, if its acknowledgement deadline has passed and it has not
 * acknowledged the current revision.
 */
export function summariseRollup(rows: readonly LevelCounters[], deadlines: Deadlines, now: Date, active = true): RollupSummary {
  let targeted = 0, received = 0, acknowledged = 0, completed = 0, overdueAck = 0, overdueDone = 0;
  const byLevel = rows.map((row) => {
    const deadline = deadlineOf(deadlines, row.level);
    let overdue = 0;
    if (active && Date.parse(deadline.completeBy) < now.getTime()) {
      overdue = row.received - row.completed;
      overdueDone += overdue;
    } else if (active && Date.parse(deadline.acknowledgeBy) < now.getTime()) {
      overdue = row.received - row.acknowledged;
      overdueAck += overdue;
    }
    targeted += row.targeted;
    received += row.received;
    acknowledged += row.acknowledged;
    completed += row.completed;
    return { ...row, overdue };
  });
  return {
    targeted,
    received,
    notReceived: targeted - received,
    acknowledged,
    completed,
    overdueAcknowledgement: overdueAck,
    overdueCompletion: overdueDone,
    overdue: overdueAck + overdueDone,
    byLevel,
  };
}

/** A colour band for the tree: how far the units below a node have got. */
export type RollupBand = 'done' | 'acknowledged' | 'partial' | 'none' | 'overdue' | 'empty';

export function rollupBand(summary: RollupSummary): RollupBand {
  if (summary.targeted === 0) return 'empty';
  if (summary.overdue > 0) return 'overdue';
  if (summary.completed === summary.targeted) return 'done';
  if (summary.acknowledged === summary.targeted) return 'acknowledged';
  if (summary.acknowledged > 0 || summary.completed > 0) return 'partial';
  return 'none';
}
