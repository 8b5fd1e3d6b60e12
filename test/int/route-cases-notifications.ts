import type { RouteCase } from './route-cases.js';

/**
 * Route × role × scope cases of the shared notification service. Webhook endpoints, the delivery
 * log and the dead letters hold every subscriber's addresses nationwide: only an admin granted at
 * the country root may use them, so every role granted over Wuhan — admin included — is refused
 * everywhere (the root admin's success is tested in src/notifications/routes.int.test.ts).
 */
export const NOTIFICATIONS_ROUTE_CASES: readonly RouteCase[] = [
  { name: 'GET /api/v1/notifications/webhooks', allowed: [], request: () => ({ method: 'GET', url: '/api/v1/notifications/webhooks' }) },
  {
    name: 'POST /api/v1/notifications/webhooks',
    allowed: [],
    request: ({ unique }) => ({ method: 'POST', url: '/api/v1/notifications/webhooks', payload: { name: `hook ${unique}`, url: 'https://example.org/hook', categories: [] } }),
  },
  { name: 'PATCH /api/v1/notifications/webhooks/{id}', allowed: [], request: () => ({ method: 'PATCH', url: '/api/v1/notifications/webhooks/no-such-hook', payload: { isActive: false } }) },
  { name: 'DELETE /api/v1/notifications/webhooks/{id}', allowed: [], request: () => ({ method: 'DELETE', url: '/api/v1/notifications/webhooks/no-such-hook' }) },
  { name: 'GET /api/v1/notifications/deliveries', allowed: [], request: () => ({ method: 'GET', url: '/api/v1/notifications/deliveries' }) },
  { name: 'GET /api/v1/notifications/dead-letters', allowed: [], request: () => ({ method: 'GET', url: '/api/v1/notifications/dead-letters' }) },
  { name: 'POST /api/v1/notifications/dead-letters/{id}/requeue', allowed: [], request: () => ({ method: 'POST', url: '/api/v1/notifications/dead-letters/no-such-delivery/requeue' }) },
];

/** Routes whose scope rules are tested in the room's own integration tests (name them there). */
export const NOTIFICATIONS_UNSCOPED_ROUTES: readonly string[] = [
  // The caller's own inbox, contact addresses and subscriptions: no jurisdiction; another
  // user's subscription answers 404 (src/notifications/routes.int.test.ts).
  'GET /api/v1/notifications/inbox',
  'POST /api/v1/notifications/inbox/read',
  'GET /api/v1/notifications/contact',
  'PUT /api/v1/notifications/contact',
  'GET /api/v1/notifications/subscriptions',
  'POST /api/v1/notifications/subscriptions',
  'PATCH /api/v1/notifications/subscriptions/{id}',
  'DELETE /api/v1/notifications/subscriptions/{id}',
  // Counts per channel and state (no personal data) for any officer role; refused to grid
  // workers, volunteers and experts (src/notifications/routes.int.test.ts).
  'GET /api/v1/notifications/progress',
];
