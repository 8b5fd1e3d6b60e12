/** Row types of migration 0007-command-orders (orders cascading down the hierarchy with acknowledgement, completion and escalation). */
export interface CommandOrdersTables {
  orders: OrdersTable;
  order_revisions: OrderRevisionsTable;
  order_recipients: OrderRecipientsTable;
  order_rollups: OrderRollupsTable;
  order_instructions: OrderInstructionsTable;
  order_flags: OrderFlagsTable;
}

export interface OrdersTable {
  id: string;
  /** ORD-<year>-<sequence>. */
  number: string;
  issuer_code: string;
  issuer_path: string;
  title_zh: string;
  title_en: string | null;
  body_zh: string;
  body_en: string | null;
  /** JSON [{zh, en}]. */
  actions_json: string;
  /** JSON [{zh, en}]. */
  evidence_json: string;
  /** JSON {kind, rootCode, level?, codes?}. */
  target_json: string;
  /** manual | automatic */
  cascade: string;
  /** JSON {level: {acknowledgeBy, completeBy}}. */
  deadlines_json: string;
  max_intensity: string;
  incident_id: string | null;
  incident_level: string | null;
  escalation_grace_minutes: number;
  /** active | withdrawn */
  status: string;
  revision: number;
  recipient_count: number;
  issued_by: string;
  issued_at: string;
  updated_at: string;
}

export interface OrderRevisionsTable {
  order_id: string;
  revision: number;
  /** issued | amended | withdrawn */
  kind: string;
  note: string | null;
  changes_json: string;
  by_user: string;
  at: string;
}

export interface OrderRecipientsTable {
  order_id: string;
  unit_code: string;
  /** Materialised path at issue time. */
  unit_path: string;
  /** The unit that forwards to this one (its parent at issue time); null at the top. */
  parent_code: string | null;
  level: string;
  /** Depth at issue time. */
  depth: number;
  received_at: string | null;
  /** The order revision last acknowledged; 0 before the first acknowledgement. */
  ack_revision: number;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  forwarded_at: string | null;
  completed_at: string | null;
  completed_by: string | null;
  /** JSON [{kind, value, note}]. */
  evidence_json: string | null;
  ack_due_at: string;
  complete_due_at: string;
  ack_escalation: number;
  ack_escalated_at: string | null;
  complete_escalation: number;
  complete_escalated_at: string | null;
}

export interface OrderRollupsTable {
  order_id: string;
  node_code: string;
  /** Level of the recipients these counters count. */
  level: string;
  node_parent_code: string | null;
  node_path: string;
  node_depth: number;
  targeted: number;
  received: number;
  acknowledged: number;
  completed: number;
}

export interface OrderInstructionsTable {
  id: string;
  order_id: string;
  unit_code: string;
  unit_path: string;
  text_zh: string;
  text_en: string | null;
  intensity: string;
  allowed_intensity: string;
  /** in_force | under_review | revoked */
  status: string;
  created_by: string;
  created_at: string;
}

export interface OrderFlagsTable {
  id: string;
  order_id: string;
  instruction_id: string;
  unit_code: string;
  intensity: string;
  allowed_intensity: string;
  /** open | upheld | revoked */
  status: string;
  resolution_note: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  raised_at: string;
}
