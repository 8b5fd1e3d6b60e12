import { api, query, request } from '../api/client.js';
import type { JurisdictionSummary } from '../api/types.js';
import type { NewReporter, PublicReportStatus } from '../intake/types.js';

export const fetchPublicReport = (receiptNo: string, code: string) =>
  api.get<PublicReportStatus>(`/public/reports/${encodeURIComponent(receiptNo)}${query({ code })}`);

/** `POST /public/reporters` → 201 `{ id, token, declaredField }`; the token is shown only once. */
export const registerReporter = (reporter: NewReporter) =>
  request<{ id?: string; reporterId?: string; token: string }>('POST', '/public/reporters', reporter, { noCsrf: true });

/**
 * The public portal has no gazetteer search yet (jurisdiction search needs a log-in), so public
 * reporters type a code, tap the map or describe the place; the server matches the place.
 */
export async function searchPublicJurisdictions(_q: string): Promise<JurisdictionSummary[]> {
  return [];
}
