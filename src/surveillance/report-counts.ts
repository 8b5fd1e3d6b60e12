import { isEventType } from '../core/incident-types.js';
import { isWithinPath } from '../core/jurisdiction-code.js';
import { withUnitOfWork, type ServiceContext } from '../platform/context.js';
import { listReports } from '../intake/service.js';
import type { CountRow, Series } from './model.js';
import { addPeriods, periodOf, periodsBetween } from './periods.js';
import * as store from './store.js';

/** Statuses of reports an officer confirmed: escalated reports were verified first. */
const CONFIRMED_STATUSES = ['verified', 'escalated'] as const;
/** How far back each refresh recounts: verdicts arrive late, and late verdicts change old days. */
export const RECOUNT_DAYS = 42;

/**
 * Pure: counts confirmed reports per period of one series — reports of the series' indicator
 * within its unit's subtree, by the day (or ISO week) they were reported, in the series' time zone.
 */
export function countReports(series: Series, reports: readonly { type: string; jurisdictionPath: string; reportedAt: string }[], periods: readonly string[]): CountRow[] {
  const counts = new Map<string, number>(periods.map((p) => [p, 0]));
  for (const report of reports) {
    if (report.type !== series.indicator || !isWithinPath(series.jurisdictionPath, report.jurisdictionPath)) continue;
    const period = periodOf(series.frequency, new Date(report.reportedAt), series.timeZone);
    if (counts.has(period)) counts.set(period, counts.get(period)! + 1);
  }
  return periods.map((period) => ({ period, count: counts.get(period)! }));
}

/**
 * Recounts the last RECOUNT_DAYS of every report-fed series in `series` from confirmed reports
 * (read through intake's listReports as the system). Counts an analyst uploaded for a period win
 * over the recount; a period with no reports and no stored count stays absent (read as 0).
 */
export async function refreshReportCounts(ctx: ServiceContext, series: readonly Series[]): Promise<number> {
  const fed = series.filter((s) => s.fromReports && isEventType(s.indicator));
  if (fed.length === 0) return 0;
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - (RECOUNT_DAYS + 1) * 86_400_000);
  let updated = 0;
  for (const indicator of [...new Set(fed.map((s) => s.indicator))]) {
    const reports: { type: string; jurisdictionPath: string; reportedAt: string }[] = [];
    for (const status of CONFIRMED_STATUSES) {
      let cursor: string | undefined;
      do {
        const page = await listReports(ctx, { status, type: indicator, from: since.toISOString(), limit: 5000, cursor });
        reports.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
    }
    for (const one of fed.filter((s) => s.indicator === indicator)) {
      const last = periodOf(one.frequency, now, one.timeZone);
      const first = addPeriods(one.frequency, periodOf(one.frequency, new Date(now.getTime() - RECOUNT_DAYS * 86_400_000), one.timeZone), 0);
      const fresh = countReports(one, reports, periodsBetween(one.frequency, first, last));
      const stored = new Map((await store.listCounts(ctx.db, [one.id], { from: first, to: last })).map((c) => [c.period, c]));
      const changed = fresh.filter((row) => {
        const existing = stored.get(row.period);
        if (existing === undefined) return row.count > 0;
        return existing.source === 'reports' && existing.count !== row.count;
      });
      if (changed.length === 0) continue;
      await withUnitOfWork(ctx, async (unit) => {
        await store.upsertCounts(unit.tx, one.id, changed, 'reports', unit.now.toISOString());
      });
      updated += changed.length;
    }
  }
  return updated;
}
