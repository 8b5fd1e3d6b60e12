import type { CsvColumn } from '../platform/http/csv.js';
import { isRecipientOverdue, recipientState, type Order, type Recipient } from './model.js';
import type { NodeRollup } from './rollup-service.js';
import type { LocalInstruction, OverCorrectionFlag } from './instruction-store.js';
import type { NodeRollupBody, OrderBody, RecipientBody } from './schema.js';

function presentTarget(order: Order): OrderBody['target'] {
  const target = order.target;
  if (target.kind === 'units') return { kind: target.kind, codes: [...target.codes] };
  if (target.kind === 'level') return { kind: target.kind, rootCode: target.rootCode, level: target.level };
  return { kind: target.kind, rootCode: target.rootCode, downToLevel: target.downToLevel };
}

/** The stable API shape of an order. */
export function presentOrder(order: Order): OrderBody {
  return {
    id: order.id,
    number: order.number,
    issuerCode: order.issuerCode,
    title: { ...order.title },
    body: { ...order.body },
    actions: order.actions.map((a) => ({ ...a })),
    evidenceRequired: order.evidenceRequired.map((e) => ({ ...e })),
    target: presentTarget(order),
    cascade: order.cascade,
    deadlines: Object.fromEntries(Object.entries(order.deadlines).map(([level, d]) => [level, { acknowledgeBy: d!.acknowledgeBy, completeBy: d!.completeBy }])),
    maxIntensity: order.maxIntensity,
    incidentId: order.incidentId,
    incidentLevel: order.incidentLevel,
    escalationGraceMinutes: order.escalationGraceMinutes,
    status: order.status,
    revision: order.revision,
    recipientCount: order.recipientCount,
    issuedBy: order.issuedBy,
    issuedAt: order.issuedAt,
    updatedAt: order.updatedAt,
  };
}

/** One receiving unit's state on an order. */
export function presentRecipient(recipient: Recipient, revision: number, now: Date, name: string | null = null): RecipientBody {
  const overdue = isRecipientOverdue(recipient, revision, now);
  return {
    unitCode: recipient.unitCode,
    name,
    pathAtIssue: recipient.unitPath,
    parentCode: recipient.parentCode,
    level: recipient.level,
    state: recipientState(recipient, revision),
    receivedAt: recipient.receivedAt,
    acknowledgedRevision: recipient.ackRevision,
    acknowledgedAt: recipient.acknowledgedAt,
    acknowledgedBy: recipient.acknowledgedBy,
    forwardedAt: recipient.forwardedAt,
    completedAt: recipient.completedAt,
    completedBy: recipient.completedBy,
    evidence: recipient.evidence === null ? null : recipient.evidence.map((e) => ({ ...e })),
    acknowledgeBy: recipient.ackDueAt,
    completeBy: recipient.completeDueAt,
    overdueAcknowledgement: overdue.acknowledgement,
    overdueCompletion: overdue.completion,
  };
}

export function presentNodeRollup(node: NodeRollup): NodeRollupBody {
  const { byLevel, ...counts } = node.summary;
  return {
    code: node.code,
    name: node.name,
    counts,
    byLevel: byLevel.map((l) => ({ level: l.level, targeted: l.targeted, received: l.received, acknowledged: l.acknowledged, completed: l.completed, overdue: l.overdue })),
    band: node.band,
    ownState: node.ownState,
  };
}

export function presentInstruction(instruction: LocalInstruction) {
  return {
    id: instruction.id,
    unitCode: instruction.unitCode,
    text: { ...instruction.text },
    intensity: instruction.intensity,
    allowedIntensity: instruction.allowedIntensity,
    status: instruction.status,
    createdBy: instruction.createdBy,
    createdAt: instruction.createdAt,
  };
}

export function presentFlag(flag: OverCorrectionFlag) {
  return {
    id: flag.id,
    instructionId: flag.instructionId,
    unitCode: flag.unitCode,
    intensity: flag.intensity,
    allowedIntensity: flag.allowedIntensity,
    status: flag.status,
    resolutionNote: flag.resolutionNote,
    resolvedBy: flag.resolvedBy,
    resolvedAt: flag.resolvedAt,
    raisedAt: flag.raisedAt,
  };
}

/** Columns of the gap list export. */
export const GAP_CSV_COLUMNS: readonly CsvColumn<RecipientBody>[] = [
  { header: 'unit_code', value: (r) => r.unitCode },
  { header: 'name', value: (r) => r.name },
  { header: 'level', value: (r) => r.level },
  { header: 'parent_code', value: (r) => r.parentCode },
  { header: 'path_at_issue', value: (r) => r.pathAtIssue },
  { header: 'state', value: (r) => r.state },
  { header: 'received_at', value: (r) => r.receivedAt },
  { header: 'acknowledged_at', value: (r) => r.acknowledgedAt },
  { header: 'completed_at', value: (r) => r.completedAt },
  { header: 'acknowledge_by', value: (r) => r.acknowledgeBy },
  { header: 'complete_by', value: (r) => r.completeBy },
  { header: 'overdue_acknowledgement', value: (r) => r.overdueAcknowledgement },
  { header: 'overdue_completion', value: (r) => r.overdueCompletion },
];
