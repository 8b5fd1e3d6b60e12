import type { RouteCase } from './route-cases.js';

/** Route × role × scope cases of orders cascading down the hierarchy with acknowledgement, completion and escalation. */
export const COMMAND_ROUTE_CASES: readonly RouteCase[] = [];

/** Routes whose scope rules are tested in the room's own integration tests (name them there). */
export const COMMAND_UNSCOPED_ROUTES: readonly string[] = [];
