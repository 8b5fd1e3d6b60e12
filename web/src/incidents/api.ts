import { api, query, request } from '../api/client.js';
import type { Page } from '../api/types.js';
import type { Signal } from '../signals/types.js';
import type { CommonOperatingPicture, Incident, NewSitrep, Rollup, Sitrep, TimelineEntry } from './types.js';

const base = '/api/v1/incidents';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const listIncidents = (within: string, status: string, cursor?: string | null) =>
  api.get<Page<Incident>>(`${base}${query({ within, status, cursor })}`);

export const fetchCop = (within: string) => api.get<CommonOperatingPicture>(`${base}/cop${query({ within })}`);

export const fetchIncident = (id: string) => api.get<Incident>(one(id));

export const changeStatus = (id: string, to: string, note?: string) =>
  api.post<Incident>(`${one(id)}/status`, { to, ...(note ? { note } : {}) });

export const changeLevel = (id: string, level: string | null) => request<Incident>('PATCH', one(id), { level });

export const fetchTimeline = (id: string, cursor?: string | null) =>
  api.get<Page<TimelineEntry>>(`${one(id)}/timeline${query({ cursor })}`);

export const fetchIncidentSignals = (id: string) => api.get<{ items: Signal[] }>(`${one(id)}/signals`);

export const fileSitrep = (id: string, sitrep: NewSitrep) => api.post<Sitrep>(`${one(id)}/sitreps`, sitrep);

export const fetchRollup = (id: string, period: string, code?: string) =>
  api.get<Rollup>(`${one(id)}/sitreps/rollup${query({ code, period })}`);
