import type { ServiceContext } from '../../platform/context.js';
import { namesOf } from '../../jurisdictions/service.js';
import type { AtomEntry } from '../atom-feed.js';
import type { RiskArea, RiskLevel } from './model.js';
import { listPublicRiskAreas } from './service.js';

const LEVEL_ZH: Readonly<Record<RiskLevel, string>> = { low: '低风险', medium: '中风险', high: '高风险' };
const LEVEL_EN: Readonly<Record<RiskLevel, string>> = { low: 'low risk', medium: 'medium risk', high: 'high risk' };

/** RFC 3339 with an explicit +08:00 offset (Atom readers and CAP feeds avoid a bare Z). */
function rfc3339Shanghai(iso: string): string {
  const local = new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 19);
  return `${local}+08:00`;
}

/** Pure: one Atom entry per designation in force, newest change first, linking to the portal's GeoJSON. */
export function riskAreaEntries(areas: readonly RiskArea[], names: ReadonlyMap<string, string>, publicUrl: string): AtomEntry[] {
  return [...areas]
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
    .map((area) => {
      const name = names.get(area.jurisdictionCode) ?? area.jurisdictionCode;
      return {
        id: `urn:seamless:risk-area:${area.id}`,
        title: `${name} ${LEVEL_ZH[area.level]} / ${LEVEL_EN[area.level]}`,
        summary: `${area.reason} (${rfc3339Shanghai(area.startsAt)} – ${rfc3339Shanghai(area.expiresAt)})`,
        updated: rfc3339Shanghai(area.updatedAt),
        author: area.issuingCode,
        link: { href: `${publicUrl}/public/risk-areas`, type: 'application/geo+json' },
        categories: ['risk-area', area.level],
      };
    });
}

/** The feed entries of the risk areas in force, for `/public/alerts.atom` (the warnings room builds the feed). */
export async function currentRiskAreaEntries(ctx: Pick<ServiceContext, 'db' | 'clock'>, publicUrl: string): Promise<AtomEntry[]> {
  const areas = await listPublicRiskAreas(ctx);
  const names = await namesOf(ctx, areas.map((a) => a.jurisdictionCode));
  return riskAreaEntries(areas, names, publicUrl);
}
