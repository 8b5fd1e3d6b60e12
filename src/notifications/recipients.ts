import type { Db, Tx } from '../platform/db/database.js';
import type { DisseminateAlertProps } from './contract.js';
import { ancestorCodes, categoryMask, descendantRange, passesFilters, prepareAlertArea, type Subscription } from './subscription-model.js';
import { colourRank } from '../core/warning-levels.js';
import { subscriberIndexFor } from './subscriber-index-cache.js';
import { findByJurisdiction, findSubscriptionsByIds } from './subscription-store.js';

/**
 * Everyone subscribed to an alert's area who wants its category and colour: point and polygon
 * subscribers through the spatial index (exact tests on its candidates only), jurisdiction
 * subscribers by code (the alert's units, their ancestors and their descendants).
 */
export async function findAlertRecipients(db: Db, tx: Db | Tx, props: Pick<DisseminateAlertProps, 'area' | 'categories' | 'colour'>): Promise<Subscription[]> {
  const alertMask = categoryMask(props.categories);
  const area = prepareAlertArea(props.area);
  const index = await subscriberIndexFor(db, tx);
  const spatialIds = area.polygons.length + area.circles.length > 0 ? index.match(area, alertMask, props.colour) : [];
  const spatial = await findSubscriptionsByIds(tx, spatialIds);

  const codes = new Set<string>();
  const ranges: Array<readonly [string, string]> = [];
  for (const code of props.area.jurisdictionCodes) {
    for (const ancestor of ancestorCodes(code)) codes.add(ancestor);
    const range = descendantRange(code);
    if (range !== undefined) ranges.push(range);
  }
  const byCode = (await findByJurisdiction(tx, [...codes], ranges)).filter((s) =>
    passesFilters(categoryMask(s.categories), colourRank(s.minColour), alertMask, props.colour),
  );
  const all = new Map<string, Subscription>();
  for (const s of [...spatial, ...byCode]) all.set(s.id, s);
  return [...all.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}
