import { ConflictError, ForbiddenError, InvalidInputError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { isWithinPath } from '../core/jurisdiction-code.js';
import { withUnitOfWork, type ServiceContext } from '../platform/context.js';
import { listChildren } from '../jurisdictions/service.js';
import type { Jurisdiction } from '../jurisdictions/model.js';
import { LIMITS, checkOptionalText, isOpen, type Incident } from './model.js';
import { canFileSitrep, canViewSitreps } from './policy.js';
import { checkFigures, checkPeriod, rollUp, type Rollup, type RollupUnit } from './rollup.js';
import { appendTimeline, loadIncident, resolveUnit } from './service.js';
import * as store from './store.js';

export type { Sitrep } from './store.js';

export interface FileSitrepProps {
  readonly incidentId: string;
  /** The reporting unit: the incident's jurisdiction or a unit below it. */
  readonly jurisdictionCode: string;
  /** The reporting day, YYYY-MM-DD. */
  readonly period: string;
  readonly figures: Readonly<Record<string, unknown>>;
  readonly narrative?: string | null | undefined;
}

export interface FiledSitrep {
  readonly sitrep: store.Sitrep;
  /** `created`: first filing of the unit for the period; `replaced`: new content; `unchanged`: same content again. */
  readonly outcome: 'created' | 'replaced' | 'unchanged';
}

/** The reporting unit must lie in the incident's subtree: reports go up, never sideways. */
function checkInIncidentArea(incident: Incident, unit: Jurisdiction, field: string): void {
  if (!isWithinPath(incident.jurisdictionPath, unit.path)) {
    throw InvalidInputError.forField(field, `${unit.code} is not in ${incident.jurisdictionCode}, where incident ${incident.number} belongs`);
  }
}

/**
 * Files a unit's situation report for one day. One filing per unit per period: filing again with
 * other content replaces it (audited with before and after); the same content again changes
 * nothing. The filer needs duty_officer, commander, admin or department_officer over the unit —
 * not over the incident, so a township reports to its county's incident.
 */
export async function fileSitrep(ctx: ServiceContext, props: FileSitrepProps): Promise<FiledSitrep> {
  const period = checkPeriod(props.period);
  const figures = checkFigures(props.figures);
  const narrative = checkOptionalText(props.narrative, 'narrative', LIMITS.descriptionMax);
  const unit = await resolveUnit(ctx, props.jurisdictionCode, 'jurisdictionCode');
  if (!canFileSitrep(ctx.actor, unit.path)) throw new ForbiddenError(`jurisdictionCode: you may not file situation reports for ${unit.code}`);
  return withUnitOfWork(ctx, async (work) => {
    const incident = await loadIncident(work.tx, props.incidentId);
    checkInIncidentArea(incident, unit, 'jurisdictionCode');
    if (!isOpen(incident.status)) throw new ConflictError(`id: incident ${incident.number} is closed; reopen it to file situation reports`);
    const existing = await store.findSitrep(work.tx, incident.id, unit.code, period);
    if (existing !== undefined && JSON.stringify(existing.figures) === JSON.stringify(figures) && existing.narrative === narrative) {
      return { sitrep: existing, outcome: 'unchanged' };
    }
    const sitrep: store.Sitrep = {
      id: existing?.id ?? newId(work.now.getTime()),
      incidentId: incident.id,
      jurisdictionCode: unit.code,
      jurisdictionPath: unit.path,
      period,
      figures,
      narrative,
      filedBy: ctx.actor.id,
      filedAt: work.now.toISOString(),
    };
    await store.saveSitrep(work.tx, sitrep, existing !== undefined);
    const replaced = existing !== undefined;
    await appendTimeline(ctx, work, incident.id, [
      { kind: 'sitrep_filed', detail: { sitrepId: sitrep.id, jurisdictionCode: unit.code, period, replaced } },
    ]);
    await work.audit({
      action: replaced ? 'sitrep.replace' : 'sitrep.file',
      targetType: 'sitrep',
      targetId: sitrep.id,
      jurisdictionCode: unit.code,
      before: existing === undefined ? null : { figures: existing.figures, narrative: existing.narrative, filedBy: existing.filedBy },
      after: { incidentId: incident.id, period, figures, narrative },
    });
    // Everyone above the filing unit sees its roll-up change live.
    await work.emit({
      type: 'incident.sitrep_filed',
      jurisdictionPath: unit.path,
      payload: { incidentId: incident.id, sitrepId: sitrep.id, jurisdictionCode: unit.code, period, replaced },
    });
    return { sitrep, outcome: replaced ? 'replaced' : 'created' };
  });
}

const CHILD_PAGE = 1000;

async function allChildren(ctx: ServiceContext, code: string) {
  const children = [];
  for (let after: string | undefined; ; ) {
    const page = await listChildren(ctx, code, CHILD_PAGE, after);
    children.push(...page);
    if (page.length < CHILD_PAGE) return children;
    after = page[page.length - 1]!.code;
  }
}

/**
 * The situation of one day rolled up to unit `code` (default: the incident's jurisdiction): its
 * own filing, each direct child's figures (its own filing, else the sum of the topmost filings
 * below it — rollup.ts), the total over the children and the children with nothing filed.
 * Readable by any role over the unit.
 */
export async function getSitrepRollup(
  ctx: ServiceContext,
  props: { incidentId: string; code?: string | undefined; period: string },
): Promise<Rollup<store.Sitrep>> {
  const period = checkPeriod(props.period);
  const incident = await loadIncident(ctx.db, props.incidentId);
  const unit = await resolveUnit(ctx, props.code ?? incident.jurisdictionCode, 'code');
  if (!canViewSitreps(ctx.actor, unit.path)) throw new ForbiddenError(`code: ${unit.code} is outside your jurisdiction`);
  checkInIncidentArea(incident, unit, 'code');
  const filings = await store.listSitrepsInSubtree(ctx.db, incident.id, period, unit.path);
  const filedPaths = filings.map((f) => f.jurisdictionPath);
  // Retired units are left out unless something was filed under them.
  const children: RollupUnit[] = (await allChildren(ctx, unit.code))
    .filter((child) => child.status === 'active' || filedPaths.some((path) => isWithinPath(child.path, path)))
    .map((child) => ({ code: child.code, name: child.nameZh, path: child.path }));
  return rollUp({ code: unit.code, name: unit.nameZh, path: unit.path }, children, filings);
}
