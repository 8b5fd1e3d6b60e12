import type { ServiceContext } from '../platform/context.js';
import { loadJurisdiction } from '../jurisdictions/service.js';
import { buildCop, type CommonOperatingPicture } from './cop.js';
import type { Point } from './model.js';
import { resolveScopes } from './service.js';
import * as store from './store.js';

/** Open incidents on one picture at most; beyond it the picture says `truncated`. */
export const COP_MAX_INCIDENTS = 10_000;

/**
 * The common operating picture of the open incidents in scope (`within`, or all the actor's
 * subtrees). Its live part is the event stream: incident.opened, incident.updated and
 * incident.status_changed carry the same properties.
 */
export async function getCommonOperatingPicture(ctx: ServiceContext, props: { within?: string | undefined }): Promise<CommonOperatingPicture> {
  const rows = await store.listIncidents(ctx.db, { scopes: await resolveScopes(ctx, props.within), openOnly: true, limit: COP_MAX_INCIDENTS + 1 });
  const incidents = rows.slice(0, COP_MAX_INCIDENTS);
  const needCentroid = [...new Set(incidents.filter((i) => i.point === null && i.area === null).map((i) => i.jurisdictionCode))];
  const centroids = new Map<string, Point | null>();
  // Through the jurisdictions service, one unit at a time: incidents without a place are few.
  for (const code of needCentroid) {
    const unit = await loadJurisdiction(ctx, code);
    centroids.set(code, unit.centroid === null ? null : [unit.centroid[0], unit.centroid[1]]);
  }
  return buildCop(incidents, (code) => centroids.get(code) ?? null, rows.length > COP_MAX_INCIDENTS);
}
