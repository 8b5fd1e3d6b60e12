import { api, query, request } from '../api/client.js';
import type { Page } from '../api/types.js';
import type { Flag, GapKind, Instruction, Order, OrderDetail, Recipient, Rollup } from './types.js';

const base = '/api/v1/orders';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;
const unit = (id: string, code: string) => `${one(id)}/units/${encodeURIComponent(code)}`;

/** A fresh key per submission: a retry of the same click sends the same key. */
const newKey = () => ({ headers: { 'idempotency-key': crypto.randomUUID() } });

export const listOrders = (within: string, cursor?: string | null) => api.get<Page<Order>>(`${base}${query({ within, cursor })}`);
export const fetchOrder = (id: string) => api.get<OrderDetail>(one(id));
export const issueOrder = (body: unknown) => api.post<Order>(base, body);
export const amendOrder = (id: string, body: unknown) => api.post<Order>(`${one(id)}/amend`, body);
export const withdrawOrder = (id: string, note: string) => api.post<Order>(`${one(id)}/withdraw`, { note });

export const fetchRollup = (id: string, node?: string, cursor?: string | null) => api.get<Rollup>(`${one(id)}/rollup${query({ node, cursor })}`);
export const fetchGaps = (id: string, node: string | undefined, kind: GapKind, cursor?: string | null) =>
  api.get<Page<Recipient>>(`${one(id)}/gaps${query({ node, kind, cursor })}`);
export const gapsCsvUrl = (id: string, node: string | undefined, kind: GapKind) => `${one(id)}/gaps${query({ node, kind, format: 'csv' })}`;
export const fetchInstructions = (id: string, node?: string) => api.get<{ items: Instruction[] }>(`${one(id)}/instructions${query({ node })}`);
export const fetchFlags = (id: string) => api.get<{ items: Flag[] }>(`${one(id)}/flags${query({ status: 'open' })}`);
export const reviewFlag = (id: string, flagId: string, decision: 'upheld' | 'revoked') => api.post<Flag>(`${one(id)}/flags/${encodeURIComponent(flagId)}/review`, { decision });

export const acknowledge = (id: string, code: string) => request<{ recipient: Recipient }>('POST', `${unit(id, code)}/acknowledge`, {}, newKey());
export const forward = (id: string, code: string) => request<{ recipient: Recipient }>('POST', `${unit(id, code)}/forward`, {}, newKey());
export const complete = (id: string, code: string, evidence: string) =>
  request<{ recipient: Recipient }>('POST', `${unit(id, code)}/complete`, { evidence: evidence.trim() ? [{ kind: 'text', value: evidence.trim() }] : [] }, newKey());
export const addInstruction = (id: string, code: string, text: string, intensity: string) =>
  request<{ flagId: string | null }>('POST', `${unit(id, code)}/instructions`, { text: { zh: text }, intensity }, newKey());
