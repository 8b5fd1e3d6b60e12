import { hasRoleOver, type Actor } from '../core/actor.js';
import type { Role } from '../core/roles.js';

/** Roles that triage reports in their subtree and answer reporters. */
export const OFFICER_ROLES: readonly Role[] = ['admin', 'commander', 'duty_officer', 'department_officer'];

/** Roles that read every report in their subtree (officers plus analysts); others read their own. */
export const READER_ROLES: readonly Role[] = [...OFFICER_ROLES, 'analyst'];

/** Where a report sits for authorisation. */
export interface ReportScope {
  /** The matched unit's path, the root's when unmatched. */
  readonly jurisdictionPath: string;
  readonly placeUnmatched: boolean;
  /** The reporting unit's path (logged-in reporters). */
  readonly reportingUnitPath: string | null;
  /** The reporter's account, when a logged-in user filed it. */
  readonly reporterUserId: string | null;
}

/** True when `roles` over the report's place — or, when the place matched nothing, over the reporting unit — are held. */
function holdsOver(actor: Actor, report: ReportScope, roles: readonly Role[]): boolean {
  if (hasRoleOver(actor, report.jurisdictionPath, roles)) return true;
  return report.placeUnmatched && report.reportingUnitPath !== null && hasRoleOver(actor, report.reportingUnitPath, roles);
}

function isReporter(actor: Actor, report: ReportScope): boolean {
  return actor.kind === 'user' && report.reporterUserId === actor.id;
}

/**
 * Any role whose grants cover the report's jurisdiction may file it. A place that matched no unit
 * (`path` undefined) is never refused: the report is kept and flagged, never dropped.
 */
export function canSubmitReport(actor: Actor, path: string | undefined): boolean {
  return path === undefined ? actor.kind === 'system' || actor.grants.length > 0 : hasRoleOver(actor, path);
}

/** The reporter, and readers over the report's place, see the report, its photos and thread. */
export function canViewReport(actor: Actor, report: ReportScope): boolean {
  return isReporter(actor, report) || holdsOver(actor, report, READER_ROLES);
}

/** The reporter and officers in scope write to the report's thread. */
export function canPostReportMessage(actor: Actor, report: ReportScope): boolean {
  return isReporter(actor, report) || holdsOver(actor, report, OFFICER_ROLES);
}

/** Listing all reports of a subtree and its timeliness. */
export function canListReports(actor: Actor, path: string): boolean {
  return hasRoleOver(actor, path, READER_ROLES);
}

/** Reporting limits are national settings: an admin of the country root. */
export function canSetReportingLimits(actor: Actor, rootPath: string): boolean {
  return hasRoleOver(actor, rootPath, ['admin']);
}

/** Officers manage the registered reporters of their subtree and see their contact details. */
export function canManageReporter(actor: Actor, path: string): boolean {
  return hasRoleOver(actor, path, OFFICER_ROLES);
}
