import type { RouteCase } from './route-cases.js';

/** Route × role × scope cases of joint cross-department task boards per incident and liaison assignments. */
export const TASKS_ROUTE_CASES: readonly RouteCase[] = [];

/** Routes whose scope rules are tested in the room's own integration tests (name them there). */
export const TASKS_UNSCOPED_ROUTES: readonly string[] = [];
