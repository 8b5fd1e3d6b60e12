import type { RouteCase } from './route-cases.js';

/** Route × role × scope cases of CAP 1.2 warnings: drafting, approval, publication, CAP XML import/export. */
export const WARNINGS_ROUTE_CASES: readonly RouteCase[] = [];

/** Routes whose scope rules are tested in the room's own integration tests (name them there). */
export const WARNINGS_UNSCOPED_ROUTES: readonly string[] = [];
