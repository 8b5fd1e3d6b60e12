import type { RouteCase } from './route-cases.js';

/** Route × role × scope cases of the shared notification service: channels, deliveries, subscriptions, inbox. */
export const NOTIFICATIONS_ROUTE_CASES: readonly RouteCase[] = [];

/** Routes whose scope rules are tested in the room's own integration tests (name them there). */
export const NOTIFICATIONS_UNSCOPED_ROUTES: readonly string[] = [];
