import type { Clock } from '../core/clock.js';
import { createPublicGuard, type PublicGuard, type PublicGuardLimits } from '../intake/public-guard.js';

/**
 * Reads of the public portal per address: generous (a page load makes a handful of requests),
 * but a single address cannot hammer the database. Per process, like the report form's guard.
 */
export const PUBLIC_READ_LIMITS: PublicGuardLimits = { perMinute: 120, perDay: 20_000 };

export function createPublicReadGuard(clock: Clock, limits: PublicGuardLimits = PUBLIC_READ_LIMITS): PublicGuard {
  return createPublicGuard(clock, limits);
}
