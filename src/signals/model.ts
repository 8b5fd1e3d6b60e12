import type { Category, EventType, SignalSourceKind, SignalStatus } from '../core/incident-types.js';
import { ConflictError } from '../core/errors.js';

export interface Signal {
  readonly id: string;
  readonly sourceKind: SignalSourceKind;
  readonly sourceId: string | null;
  readonly sourceItemId: string | null;
  readonly reporterKey: string | null;
  readonly language: string;
  readonly title: string | null;
  readonly text: string;
  readonly tokens: readonly string[];
  readonly type: EventType;
  readonly typeConfidence: number;
  readonly category: Category;
  readonly severity: number;
  readonly severityWords: readonly string[];
  readonly jurisdictionCode: string | null;
  readonly jurisdictionPath: string;
  readonly placeMatched: boolean;
  readonly point: readonly [number, number] | null;
  readonly observedAt: string;
  readonly receivedAt: string;
  readonly simhash: string;
  readonly duplicateOf: string | null;
  readonly clusterId: string;
  readonly credibility: number;
  readonly priority: number;
  readonly status: SignalStatus;
  readonly incidentId: string | null;
  readonly verdictBy: string | null;
  readonly verdictAt: string | null;
  readonly verdictNote: string | null;
}

/** A candidate event: signals grouped by type, place, time and text. The triage queue lists these. */
export interface Cluster {
  readonly id: string;
  readonly type: EventType;
  readonly category: Category;
  readonly title: string;
  readonly jurisdictionCode: string | null;
  readonly jurisdictionPath: string;
  readonly point: readonly [number, number] | null;
  readonly firstAt: string;
  readonly lastAt: string;
  readonly size: number;
  readonly priority: number;
  readonly status: ClusterStatus;
  readonly incidentId: string | null;
}

export const CLUSTER_STATUSES = ['new', 'verified', 'rejected', 'merged', 'escalated'] as const;
export type ClusterStatus = (typeof CLUSTER_STATUSES)[number];

export const VERDICTS = ['verify', 'reject', 'merge', 'escalate'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * Which verdicts a cluster in a given state accepts. A new cluster takes any; a verified one can
 * still be merged or escalated (it grew into an incident); rejected, merged and escalated are final
 * — reopening them means a new signal forming a new cluster.
 */
const ALLOWED: Readonly<Record<ClusterStatus, readonly Verdict[]>> = {
  new: ['verify', 'reject', 'merge', 'escalate'],
  verified: ['merge', 'escalate'],
  rejected: [],
  merged: [],
  escalated: [],
};

export function checkVerdictAllowed(status: ClusterStatus, verdict: Verdict): void {
  if (!ALLOWED[status].includes(verdict)) {
    const allowed = ALLOWED[status];
    throw new ConflictError(
      `verdict: a ${status} cluster cannot be given "${verdict}"${allowed.length > 0 ? `; allowed: ${allowed.join(', ')}` : '; it is final'}`,
    );
  }
}

/** The status signals take when their cluster gets a verdict. */
export function signalStatusAfter(verdict: Verdict): SignalStatus {
  switch (verdict) {
    case 'verify':
      return 'verified';
    case 'reject':
      return 'rejected';
    case 'merge':
      return 'merged';
    case 'escalate':
      return 'escalated';
  }
}

/** The deepest path both paths lie under ("/a/b/c/" and "/a/b/d/" → "/a/b/"). */
export function commonPath(a: string, b: string): string {
  const left = a.split('/').filter(Boolean);
  const right = b.split('/').filter(Boolean);
  const shared: string[] = [];
  for (let i = 0; i < Math.min(left.length, right.length) && left[i] === right[i]; i++) shared.push(left[i]!);
  return shared.length === 0 ? '/' : `/${shared.join('/')}/`;
}

/** Growth of a cluster: signals in the last 24 h against the 24 h before (1 = steady). */
export function growthRatio(lastDay: number, dayBefore: number): number {
  return (lastDay + 1) / (dayBefore + 1);
}
