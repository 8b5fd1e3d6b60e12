import type { ServiceContext } from '../platform/context.js';
import { loadHubeiDemoGeometry, HUBEI_GEOMETRY_SOURCE } from '../jurisdictions/demo-geometry.js';
import { createFacility } from '../facilities/service.js';
import { designateRiskArea } from '../warnings/risk-areas/service.js';

const DAY_MS = 86_400_000;

/**
 * Demo shelters in Wuhan and one demo risk area, for the public portal. The three named venues
 * are the first three Fangcang shelter sites planned on 4 Feb 2020 (DOMAIN.md §7); their
 * capacities here are demo values, not the real bed counts, and they carry no coordinates (no
 * committed source gives their sites), so the finder offers them by jurisdiction code. The one
 * shelter with a location sits at Wuhan's demo centroid (echarts 4.9.0 `cp`) and says so.
 * Skipped when shelters already exist.
 */
export async function loadPublicInformationDemo(ctx: ServiceContext): Promise<{ shelters: number; riskAreas: number }> {
  const existing = await ctx.db.selectFrom('facilities').select('id').limit(1).executeTakeFirst();
  if (existing !== undefined) return { shelters: 0, riskAreas: 0 };
  const wuhan = loadHubeiDemoGeometry().find((unit) => unit.code === '420100000000');
  const shelters = [
    { nameZh: '【演示】武汉客厅避难场所', nameEn: '[Demo] Wuhan Livingroom shelter', jurisdictionCode: '420112', capacity: 1000 },
    { nameZh: '【演示】洪山体育馆避难场所', nameEn: '[Demo] Hongshan Gymnasium shelter', jurisdictionCode: '420111', capacity: 800 },
    { nameZh: '【演示】武汉国际会展中心避难场所', nameEn: '[Demo] Wuhan International Expo Center shelter', jurisdictionCode: '420103', capacity: 1600 },
  ];
  for (const shelter of shelters) await createFacility(ctx, { type: 'shelter', ...shelter, address: '演示数据，非真实容量 / demo data, not the real capacity' });
  if (wuhan?.centroid) {
    await createFacility(ctx, {
      type: 'shelter',
      nameZh: '【演示】武汉市中心点避难场所',
      nameEn: '[Demo] Shelter at the Wuhan city centroid',
      jurisdictionCode: '4201',
      location: [wuhan.centroid[0], wuhan.centroid[1]],
      locationSource: `demo: Wuhan's centroid from ${HUBEI_GEOMETRY_SOURCE}, not a real shelter site`,
      capacity: 500,
    });
  }
  const now = ctx.clock.now().getTime();
  await designateRiskArea(ctx, {
    jurisdictionCode: '420102002',
    level: 'medium',
    reason: '【演示】社区出现聚集性发热病例（演示数据） / [Demo] a cluster of fever cases (demo data)',
    reviewAt: new Date(now + 7 * DAY_MS).toISOString(),
    expiresAt: new Date(now + 14 * DAY_MS).toISOString(),
  });
  return { shelters: shelters.length + (wuhan?.centroid ? 1 : 0), riskAreas: 1 };
}
