import { api, query } from '../api/client.js';
import type { Page } from '../api/types.js';
import type { Cluster, Signal, VerdictBody, VerdictResult } from './types.js';

const base = '/api/v1/signals';

export const fetchQueue = (status: string, cursor?: string | null, limit = 50) =>
  api.get<Page<Cluster>>(`${base}/queue${query({ status, limit, cursor })}`);

export const fetchCluster = (id: string) =>
  api.get<{ cluster: Cluster; signals: Signal[] }>(`${base}/clusters/${encodeURIComponent(id)}`);

export const giveVerdict = (id: string, body: VerdictBody) =>
  api.post<VerdictResult>(`${base}/clusters/${encodeURIComponent(id)}/verdict`, body);
