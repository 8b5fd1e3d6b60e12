import { api, query, request } from '../api/client.js';
import type { ChannelProgress, HistoryEntry, Validation, Warning, WarningContent } from './types.js';

const base = '/api/v1/warnings';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const listWarnings = (within: string, state: string, cursor?: string | null) =>
  api.get<{ items: Warning[]; nextCursor: string | null }>(`${base}${query({ within, state, cursor, limit: 50 })}`);

export const getWarning = (id: string) => api.get<Warning>(one(id));

/** A new draft; the key makes a retried click create it once. */
export const createWarning = (jurisdictionCode: string, content: WarningContent, idempotencyKey: string) =>
  request<Warning>('POST', base, { jurisdictionCode, content }, { headers: { 'idempotency-key': idempotencyKey } });

export const editWarning = (id: string, content: WarningContent) => request<Warning>('PUT', one(id), { content });
export const startUpdate = (id: string, content: WarningContent) => api.post<Warning>(`${one(id)}/update`, { content });
export const validateWarning = (jurisdictionCode: string, content: unknown) => api.post<Validation>(`${base}/validate`, { jurisdictionCode, content });

export const act = (id: string, action: 'submit' | 'publish' | 'approve') => api.post<Warning>(`${one(id)}/${action}`);
export const reject = (id: string, reason: string) => api.post<Warning>(`${one(id)}/reject`, { reason });
export const cancel = (id: string, reason: string) => api.post<Warning>(`${one(id)}/cancel`, { reason });

export const fetchHistory = (id: string) => api.get<{ history: HistoryEntry[]; lineage: { id: string; msgType: string; state: string; identifier: string | null }[] }>(`${one(id)}/history`);
export const fetchDeliveries = (id: string) => api.get<{ channels: ChannelProgress[] }>(`${one(id)}/deliveries`);

/** XML comes back as text, not JSON. */
export async function fetchXml(id: string, kind: 'preview' | 'cap'): Promise<string> {
  const response = await fetch(`${one(id)}/${kind}`, { credentials: 'include', headers: { accept: 'application/xml' } });
  const text = await response.text();
  if (!response.ok) throw new Error(text);
  return text;
}
