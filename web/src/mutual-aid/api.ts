import { query, request } from '../api/client.js';
import type { AidRequest, OfferAction, Page, Pairing, Suggestion } from './types.js';

const BASE = '/api/v1/mutual-aid';

/** A fresh key per submission: a retry of the same click sends the same one. */
function once(): { headers: Record<string, string> } {
  return { headers: { 'idempotency-key': crypto.randomUUID() } };
}

export const fetchPairings = () => request<Page<Pairing>>('GET', `${BASE}/pairings${query({ limit: 1000 })}`);
export const pairingsCsvUrl = () => `${BASE}/pairings?format=csv`;

export const suggest = (body: unknown) => request<Suggestion>('POST', `${BASE}/pairing-suggestions`, body);

export const fetchMyRequests = (within: string) => request<Page<AidRequest>>('GET', `${BASE}/requests${query({ within, limit: 100 })}`);
export const fetchBoard = () => request<Page<AidRequest>>('GET', `${BASE}/board${query({ limit: 100 })}`);

export interface NewRequest {
  requesterCode: string;
  resourceKind: string;
  resourceType: number | null;
  resourceName: string;
  quantity: number;
  unit: string;
  neededBy: string;
  deliverTo: string;
  notes: string | null;
}
export const createRequest = (body: NewRequest) => request<AidRequest>('POST', `${BASE}/requests`, body, once());

export const makeOffer = (requestId: string, body: { offererCode: string; quantity: number; unitCost: number | null; currency: string | null; eta: string | null }) =>
  request<AidRequest>('POST', `${BASE}/requests/${requestId}/offers`, body, once());

export const commitOffers = (requestId: string, lines: { offerId: string; quantity: number }[]) =>
  request<AidRequest>('POST', `${BASE}/requests/${requestId}/commits`, { lines }, once());

export const stepOffer = (offerId: string, action: OfferAction) => request<AidRequest>('POST', `${BASE}/offers/${offerId}/${action}`, {}, once());

export const finishRequest = (requestId: string, outcome: 'close' | 'cancel') => request<AidRequest>('POST', `${BASE}/requests/${requestId}/${outcome}`, {});

export const fetchMessages = (requestId: string) =>
  request<{ items: { seq: number; type: string; messageId: string; xml: string }[] }>('GET', `${BASE}/requests/${requestId}/edxl-rm`);

export interface NewPairing {
  supporterCode: string;
  supportedCode: string;
  validFrom: string;
  validTo: string | null;
  supports: string[];
  status: 'proposed' | 'active';
  source: string | null;
}
export const createPairing = (body: NewPairing) => request<Pairing>('POST', `${BASE}/pairings`, body, once());
export const updatePairing = (id: string, changes: { status?: string; validTo?: string | null }) => request<Pairing>('PATCH', `${BASE}/pairings/${id}`, changes);
export const deletePairing = (id: string) => request<void>('DELETE', `${BASE}/pairings/${id}`);
