import { api, query, request } from '../api/client.js';
import type { Alarm, CountRow, DetectionPoint, MethodConfig, Series } from './types.js';

const base = '/api/v1/surveillance';

export const fetchCatalog = (within: string) => api.get<{ items: Series[]; methods: string[] }>(`${base}/catalog${query({ within })}`);

export const fetchCounts = (series: Series) =>
  api.get<{ counts: CountRow[] }>(`${base}/series${query({ jurisdiction: series.jurisdictionCode, indicator: series.indicator, frequency: series.frequency })}`);

export const detect = (id: string, body: { method: string; params?: MethodConfig['params']; from?: string }) =>
  api.post<DetectionPoint[]>(`${base}/series/${encodeURIComponent(id)}/detect`, body);

export const setMethods = (id: string, methods: MethodConfig[]) => request<Series>('PUT', `${base}/series/${encodeURIComponent(id)}/methods`, { methods });

export const fetchAlarms = (within: string, seriesId?: string) => api.get<{ items: Alarm[] }>(`${base}/alarms${query({ within, seriesId, limit: 100 })}`);
