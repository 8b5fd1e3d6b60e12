import { api, query, request } from '../api/client.js';

/** Officer-side shapes (server: src/warnings/risk-areas, src/bulletins, src/facilities). */
export interface RiskArea {
  id: string;
  jurisdictionCode: string;
  issuingCode: string;
  level: 'low' | 'medium' | 'high';
  reason: string;
  startsAt: string;
  reviewAt: string;
  expiresAt: string;
  status: 'active' | 'lifted' | 'expired';
  reviewDue: boolean;
  endReason: string | null;
}

export interface Bulletin {
  id: string;
  jurisdictionCode: string;
  jurisdictionNameZh: string;
  period: string;
  status: 'draft' | 'approved' | 'published';
  titleZh: string;
  titleEn: string;
  textZh: string;
  textEn: string;
  draftedBy: string;
}

export interface Facility {
  id: string;
  type: 'shelter';
  jurisdictionCode: string;
  nameZh: string;
  nameEn: string | null;
  address: string | null;
  location: [number, number] | null;
  capacity: number;
  occupancy: number;
  free: number;
  status: 'open' | 'closed' | 'full';
  updatedAt: string;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const listRiskAreas = (within: string) => api.get<Page<RiskArea>>(`/api/v1/risk-areas${query({ within, limit: 200 })}`);
export const designateRiskArea = (body: { jurisdictionCode: string; level: string; reason: string; reviewAt: string; expiresAt: string }) => api.post<RiskArea>('/api/v1/risk-areas', body);
export const changeRiskArea = (id: string, changes: { level?: string; reviewAt?: string; expiresAt?: string }) => request<RiskArea>('PATCH', `/api/v1/risk-areas/${encodeURIComponent(id)}`, changes);
export const liftRiskArea = (id: string, reason: string) => api.post<RiskArea>(`/api/v1/risk-areas/${encodeURIComponent(id)}/lift`, { reason });

export const listBulletins = (within: string) => api.get<Page<Bulletin>>(`/api/v1/bulletins${query({ within, limit: 50 })}`);
export const draftBulletin = (jurisdictionCode: string, period: string) => api.post<Bulletin>('/api/v1/bulletins', { jurisdictionCode, period });
export const editBulletin = (id: string, changes: { textZh?: string; textEn?: string }) => request<Bulletin>('PATCH', `/api/v1/bulletins/${encodeURIComponent(id)}`, changes);
export const approveBulletin = (id: string) => api.post<Bulletin>(`/api/v1/bulletins/${encodeURIComponent(id)}/approve`);
export const publishBulletin = (id: string) => api.post<Bulletin>(`/api/v1/bulletins/${encodeURIComponent(id)}/publish`);

export const listFacilities = (within: string) => api.get<Page<Facility>>(`/api/v1/facilities${query({ within, type: 'shelter', limit: 500 })}`);
export const createFacility = (body: Record<string, unknown>) => api.post<Facility>('/api/v1/facilities', body);
export const setFacilityStatus = (id: string, status: 'open' | 'closed') => request<Facility>('PATCH', `/api/v1/facilities/${encodeURIComponent(id)}`, { status });
/** A field submission: one idempotency key per intended change, reused by retries. */
export const reportOccupancy = (id: string, occupancy: number, key: string) =>
  request<Facility>('POST', `/api/v1/facilities/${encodeURIComponent(id)}/occupancy`, { occupancy }, { headers: { 'idempotency-key': key } });
