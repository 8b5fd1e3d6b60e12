/** Shapes of the signals API as the browser sees them (see src/signals/schema.ts). */

/** A candidate event: signals grouped by type, place, time and text. */
export interface Cluster {
  id: string;
  type: string;
  category: string;
  title: string;
  jurisdictionCode: string | null;
  /** The unit's name, when the place matched a unit. */
  jurisdictionName?: string | null;
  point: [number, number] | null;
  firstAt: string;
  lastAt: string;
  size: number;
  priority: number;
  status: string;
  incidentId: string | null;
}

export interface Signal {
  id: string;
  sourceKind: string;
  language: string;
  title: string | null;
  text: string;
  type: string;
  typeConfidence: number;
  severity: number;
  severityWords: string[];
  jurisdictionCode: string | null;
  placeMatched: boolean;
  point: [number, number] | null;
  observedAt: string;
  duplicateOf: string | null;
  credibility: number;
  priority: number;
  status: string;
}

export const QUEUE_STATUSES = ['new', 'verified', 'rejected', 'escalated'] as const;
export type Verdict = 'verify' | 'reject' | 'merge' | 'escalate';

export interface VerdictBody {
  verdict: Verdict;
  note?: string;
  type?: string;
  intoClusterId?: string;
  incidentTitle?: string;
  incidentLevel?: string;
}

export interface VerdictResult {
  cluster: Cluster;
  incidentId: string | null;
  mergedInto: Cluster | null;
}
