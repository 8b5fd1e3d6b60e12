import type { RouteCase } from './route-cases.js';

/** Route × role × scope cases of pairing assistance and EDXL-RM mutual-aid requests between regions. */
export const MUTUAL_AID_ROUTE_CASES: readonly RouteCase[] = [];

/** Routes whose scope rules are tested in the room's own integration tests (name them there). */
export const MUTUAL_AID_UNSCOPED_ROUTES: readonly string[] = [];
