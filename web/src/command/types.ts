/** Shapes of the orders API as the browser sees them (see src/command/schema.ts). */

export interface Bilingual {
  zh: string;
  en: string | null;
}

export type RecipientState = 'pending' | 'received' | 'acknowledged' | 'forwarded' | 'completed';
export type Band = 'done' | 'acknowledged' | 'partial' | 'none' | 'overdue' | 'empty';
export type GapKind = 'not_received' | 'not_acknowledged' | 'not_completed';

export interface Order {
  id: string;
  number: string;
  issuerCode: string;
  title: Bilingual;
  body: Bilingual;
  actions: Bilingual[];
  evidenceRequired: Bilingual[];
  target: { kind: string; rootCode?: string; downToLevel?: string | null; level?: string; codes?: string[] };
  cascade: 'manual' | 'automatic';
  deadlines: Record<string, { acknowledgeBy: string; completeBy: string }>;
  maxIntensity: string;
  incidentId: string | null;
  status: 'active' | 'withdrawn';
  revision: number;
  recipientCount: number;
  issuedAt: string;
}

export interface Recipient {
  unitCode: string;
  name: string | null;
  parentCode: string | null;
  level: string;
  state: RecipientState;
  acknowledgedRevision: number;
  acknowledgeBy: string;
  completeBy: string;
  overdueAcknowledgement: boolean;
  overdueCompletion: boolean;
}

export interface OrderDetail {
  order: Order;
  myUnits: Recipient[];
  revisions: Array<{ revision: number; kind: string; note: string | null; at: string }>;
  canManage: boolean;
  trackFrom: string | null;
}

export interface Counts {
  targeted: number;
  received: number;
  notReceived: number;
  acknowledged: number;
  completed: number;
  overdue: number;
}

export interface NodeRollup {
  code: string;
  name: string | null;
  counts: Counts;
  band: Band;
  ownState: RecipientState | null;
}

export interface Rollup {
  node: NodeRollup;
  children: NodeRollup[];
  nextCursor: string | null;
  revision: number;
}

export interface Instruction {
  id: string;
  unitCode: string;
  text: Bilingual;
  intensity: string;
  allowedIntensity: string;
  status: 'in_force' | 'under_review' | 'revoked';
}

export interface Flag {
  id: string;
  unitCode: string;
  intensity: string;
  allowedIntensity: string;
  status: 'open' | 'upheld' | 'revoked';
}

export const LEVELS = ['province', 'city', 'county', 'township', 'village', 'grid'] as const;
export const INTENSITIES = ['advisory', 'inspection', 'business_closure', 'movement_restriction', 'road_closure', 'full_lockdown'] as const;
export const ORDER_EVENTS = ['order.issued', 'order.acknowledged', 'order.forwarded', 'order.completed', 'order.amended', 'order.withdrawn', 'order.instructed', 'order.flag_reviewed'] as const;
