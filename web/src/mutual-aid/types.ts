/** API shapes of /api/v1/mutual-aid (src/mutual-aid/schema.ts). */
export interface Party {
  code: string;
  name: string | null;
  centroid: [number, number] | null;
}

export interface Pairing {
  id: string;
  supporter: Party;
  supported: Party;
  validFrom: string;
  validTo: string | null;
  supports: string[];
  status: 'proposed' | 'active' | 'ended' | 'cancelled';
  source: string | null;
  notes: string | null;
}

export interface Alternative {
  code: string;
  name: string;
  unitCost: number;
  extraPerUnit: number;
  spareCapacity: number;
  alsoChosen: boolean;
}

export interface SuggestedPair {
  supporterCode: string;
  supporterName: string;
  recipientCode: string;
  recipientName: string;
  quantity: number;
  unitCost: number;
  cost: number;
  distanceKm: number | null;
  costSource: 'distance' | 'default_distance' | 'override';
  shareOfNeed: number;
  shareOfCapacity: number;
  alternatives: Alternative[];
  cheaperButFull: string[];
  why: string;
}

export interface Suggestion {
  objective: number;
  integer: boolean;
  unit: string;
  synthetic: boolean;
  solver: { status: string; solveMs: number; model: 'LP' | 'MIP' };
  withoutCentroid: string[];
  pairs: SuggestedPair[];
}

export type OfferStatus = 'offered' | 'committed' | 'dispatched' | 'arrived' | 'released' | 'returned' | 'declined' | 'withdrawn' | 'cancelled';
export type OfferAction = 'decline' | 'withdraw' | 'cancel' | 'dispatch' | 'arrive' | 'release' | 'return';

export interface Offer {
  id: string;
  offererCode: string;
  offererName: string | null;
  quantity: number;
  committedQuantity: number;
  unitCost: number | null;
  currency: string | null;
  eta: string | null;
  notes: string | null;
  status: OfferStatus;
  allowedActions: string[];
}

export interface AidRequest {
  id: string;
  number: string;
  requesterCode: string;
  requesterName: string | null;
  resourceKind: string;
  resourceType: number | null;
  resourceName: string;
  quantity: number;
  unit: string;
  committedQuantity: number;
  remainingQuantity: number;
  neededBy: string;
  deliverTo: string;
  notes: string | null;
  status: 'open' | 'fulfilled' | 'closed' | 'cancelled';
  offers: Offer[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
