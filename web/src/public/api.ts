import { api, query, request } from '../api/client.js';
import type { JurisdictionSummary } from '../api/types.js';
import type { NewReporter, PublicReportStatus } from '../intake/types.js';
import type { PublicAlert, PublicBulletin, PublicPlace, PublicShelter, RiskAreaFeature } from './portal-types.js';

export const fetchPublicReport = (receiptNo: string, code: string) =>
  api.get<PublicReportStatus>(`/public/reports/${encodeURIComponent(receiptNo)}${query({ code })}`);

/** `POST /public/reporters` → 201 `{ id, token, declaredField }`; the token is shown only once. */
export const registerReporter = (reporter: NewReporter) =>
  request<{ id?: string; reporterId?: string; token: string }>('POST', '/public/reporters', reporter, { noCsrf: true });

/** The public gazetteer (names, codes, levels; no log-in). */
export const searchPlaces = async (q: string): Promise<PublicPlace[]> =>
  q.trim() === '' ? [] : (await api.get<{ items: PublicPlace[] }>(`/public/jurisdictions${query({ q: q.trim() })}`)).items;

/**
 * The report form keeps its code-only place entry (a typed code, a tapped point or a described
 * place, matched by the server); the portal's shelter finder uses `searchPlaces` instead.
 */
export async function searchPublicJurisdictions(_q: string): Promise<JurisdictionSummary[]> {
  return [];
}

export const fetchPublicAlerts = () => api.get<{ updated: string; alerts: PublicAlert[] }>('/public/alerts');

export const fetchPublicRiskAreas = () => api.get<{ type: 'FeatureCollection'; features: RiskAreaFeature[] }>('/public/risk-areas');

export const fetchPublicBulletins = (cursor?: string) =>
  api.get<{ items: PublicBulletin[]; nextCursor: string | null }>(`/public/bulletins${query({ limit: 5, cursor })}`);

export const fetchNearestShelters = (lat: number, lon: number) =>
  api.get<{ items: PublicShelter[] }>(`/public/shelters/nearest${query({ lat, lon, limit: 5 })}`);

export const fetchSheltersByCode = (jurisdiction: string) =>
  api.get<{ matchedCode: string | null; items: PublicShelter[] }>(`/public/shelters${query({ jurisdiction, limit: 5 })}`);

/** What the portal's subscribe form sends (`POST /public/subscriptions`, double opt-in). */
export interface PublicSubscriptionRequest {
  channel: 'email' | 'sms';
  address: string;
  language: 'zh-CN' | 'en';
  minColour: 'blue' | 'yellow' | 'orange' | 'red';
  categories: string[];
  area: { kind: 'jurisdiction'; jurisdictionCode: string } | { kind: 'point'; lat: number; lon: number; radiusKm: number };
}

/** 202 `{ id, status: 'confirmation_sent' }`; the Idempotency-Key makes a double tap one subscription. */
export const subscribePublic = (body: PublicSubscriptionRequest, idempotencyKey: string) =>
  request<{ id: string; status: 'confirmation_sent' }>('POST', '/public/subscriptions', body, { noCsrf: true, headers: { 'idempotency-key': idempotencyKey } });

export const confirmPublicSubscription = (token: string) =>
  api.get<{ id: string; status: 'confirmed' }>(`/public/subscriptions/confirm${query({ token })}`);

/** Takes the confirmation token or the unsubscribe token from an alert message. */
export const unsubscribePublicSubscription = (token: string) =>
  request<{ id: string; status: 'unsubscribed' }>('POST', '/public/subscriptions/unsubscribe', { token }, { noCsrf: true });
