import { systemActor } from '../core/actor.js';
import type { Category, SeverityLevel } from '../core/incident-types.js';
import { asActor, type ServiceContext } from '../platform/context.js';
import type { Jurisdiction } from '../jurisdictions/model.js';
import { listIncidents, type Incident } from '../incidents/service.js';
import { getSitrepRollup } from '../incidents/sitrep-service.js';
import { addFigures, type Figures } from '../incidents/rollup.js';
import { dayBounds, isOpenAt, wasOpenDuring, type BulletinFacts, type LevelBucket } from './model.js';

const PAGE = 1000;
const MAJOR_MAX = 10;
const LEVEL_RANK: Readonly<Record<string, number>> = { I: 0, II: 1, III: 2, IV: 3 };

/** Every incident in the unit's subtree, read by the system (the bulletin covers the whole unit). */
async function incidentsUnder(ctx: ServiceContext, code: string): Promise<Incident[]> {
  const all: Incident[] = [];
  for (let cursor: string | undefined; ; ) {
    const page = await listIncidents(ctx, { within: code, limit: PAGE, cursor });
    all.push(...page.items);
    if (page.nextCursor === null) return all;
    cursor = page.nextCursor;
  }
}

/**
 * Pure: the day's counts from the incidents of the unit's subtree and each incident's rolled-up
 * situation-report figures for the day.
 */
export function summariseDay(
  unit: BulletinFacts['unit'],
  period: string,
  incidents: readonly Incident[],
  figuresByIncident: ReadonlyMap<string, Figures>,
): BulletinFacts {
  const { start, end } = dayBounds(period);
  const during = incidents.filter((i) => wasOpenDuring(i, start, end));
  const openAtEnd = during.filter((i) => isOpenAt(i, end));
  const byCategory: Partial<Record<Category, number>> = {};
  const byLevel: Partial<Record<LevelBucket, number>> = {};
  for (const incident of openAtEnd) {
    byCategory[incident.category] = (byCategory[incident.category] ?? 0) + 1;
    const bucket: LevelBucket = incident.level ?? 'unassessed';
    byLevel[bucket] = (byLevel[bucket] ?? 0) + 1;
  }
  const figures = during.reduce<Figures>((sum, i) => addFigures(sum, figuresByIncident.get(i.id) ?? {}), {});
  const major = [...openAtEnd]
    .sort((a, b) => (LEVEL_RANK[a.level ?? ''] ?? 9) - (LEVEL_RANK[b.level ?? ''] ?? 9) || (a.number < b.number ? -1 : 1))
    .slice(0, MAJOR_MAX)
    .map((i) => ({ number: i.number, title: i.title, level: i.level as SeverityLevel | null }));
  return {
    unit,
    period,
    openAtEnd: openAtEnd.length,
    openedDuring: during.filter((i) => i.openedAt >= start).length,
    closedDuring: during.filter((i) => i.closedAt !== null && i.closedAt < end).length,
    byCategory,
    byLevel,
    figures,
    major,
  };
}

/** Gathers the day's facts for a unit through the incidents room's services. */
export async function gatherFacts(ctx: ServiceContext, unit: Jurisdiction, period: string): Promise<BulletinFacts> {
  const system = asActor(ctx, systemActor('bulletins'));
  const { start, end } = dayBounds(period);
  const incidents = (await incidentsUnder(system, unit.code)).filter((i) => wasOpenDuring(i, start, end));
  const figures = new Map<string, Figures>();
  for (const incident of incidents) {
    // The incident's own unit filing stands for it; otherwise its units' filings summed.
    const rollup = await getSitrepRollup(system, { incidentId: incident.id, period });
    const own = rollup.own?.figures ?? rollup.total;
    if (Object.keys(own).length > 0) figures.set(incident.id, own);
  }
  return summariseDay({ code: unit.code, nameZh: unit.nameZh, nameEn: unit.nameEn }, period, incidents, figures);
}
