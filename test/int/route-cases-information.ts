import type { RouteCase } from './route-cases.js';

/** Route × role × scope cases of risk-area designations, situation bulletins, shelters for the public portal. */
export const PUBLIC_INFORMATION_ROUTE_CASES: readonly RouteCase[] = [];

/** Routes whose scope rules are tested in the room's own integration tests (name them there). */
export const PUBLIC_INFORMATION_UNSCOPED_ROUTES: readonly string[] = [];
