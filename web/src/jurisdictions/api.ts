import type { FeatureCollection } from 'geojson';
import { api, query } from '../api/client.js';
import type { Jurisdiction, JurisdictionSummary, Page } from '../api/types.js';

const base = '/api/v1/jurisdictions';

export const fetchJurisdiction = (code: string) => api.get<Jurisdiction>(`${base}/${encodeURIComponent(code)}`);

export const fetchChildren = (code: string, cursor?: string | null, limit = 200) =>
  api.get<Page<JurisdictionSummary>>(`${base}/${encodeURIComponent(code)}/children${query({ limit, cursor })}`);

export const fetchJurisdictionGeoJson = (code: string) =>
  api.get<FeatureCollection>(`${base}/${encodeURIComponent(code)}/geojson`);

export const searchJurisdictions = (q: string, within?: string, limit = 20) =>
  api.get<Page<JurisdictionSummary>>(`${base}${query({ q, within, limit })}`);

/** Searches the gazetteer under each of the given roots and merges the answers. */
export async function searchUnder(q: string, roots: readonly string[]): Promise<JurisdictionSummary[]> {
  const pages = await Promise.all(roots.map((root) => searchJurisdictions(q, root)));
  const seen = new Set<string>();
  return pages.flatMap((page) => page.items).filter((unit) => !seen.has(unit.code) && seen.add(unit.code));
}
