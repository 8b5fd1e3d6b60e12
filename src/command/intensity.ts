import type { SeverityLevel } from '../core/incident-types.js';

/**
 * The over-correction guard's ordinal scale of local measures, weakest first. A unit's local
 * instruction names one of these; the order (and the incident's level, when linked) sets the
 * strongest a unit may impose without review by the issuing level.
 *
 *   advisory < inspection < business_closure < movement_restriction < road_closure < full_lockdown
 */
export const INTENSITIES = ['advisory', 'inspection', 'business_closure', 'movement_restriction', 'road_closure', 'full_lockdown'] as const;
export type Intensity = (typeof INTENSITIES)[number];

export function isIntensity(value: string): value is Intensity {
  return (INTENSITIES as readonly string[]).includes(value);
}

export function intensityRank(intensity: Intensity): number {
  return INTENSITIES.indexOf(intensity);
}

/**
 * The strongest measure an incident of each severity level justifies (the product's default
 * profile): an ordinary (IV) event warrants inspections, a relatively serious one (III) closing
 * businesses, a serious one (II) restricting movement and closing roads, an extremely serious one
 * (I) a full lockdown. Proportionality follows the Emergency Response Law's requirement that
 * measures match the nature, degree and scope of the harm (DOMAIN.md §1).
 */
export const INCIDENT_LEVEL_CAP: Readonly<Record<SeverityLevel, Intensity>> = {
  IV: 'inspection',
  III: 'business_closure',
  II: 'road_closure',
  I: 'full_lockdown',
};

/** Without an incident or an explicit maximum an order authorises no restriction beyond inspections. */
export const DEFAULT_MAX_INTENSITY: Intensity = 'inspection';

/** The weaker of two intensities. */
export function weakerOf(a: Intensity, b: Intensity): Intensity {
  return intensityRank(a) <= intensityRank(b) ? a : b;
}

/**
 * The strongest local measure allowed without review: the order's own maximum, capped by the
 * linked incident's level when there is one.
 */
export function allowedIntensity(orderMax: Intensity | null | undefined, incidentLevel: SeverityLevel | null | undefined): Intensity {
  const cap = incidentLevel === null || incidentLevel === undefined ? undefined : INCIDENT_LEVEL_CAP[incidentLevel];
  if (orderMax !== null && orderMax !== undefined) return cap === undefined ? orderMax : weakerOf(orderMax, cap);
  return cap ?? DEFAULT_MAX_INTENSITY;
}

/** True when a local measure goes beyond what is allowed and must be flagged for review. */
export function isOverCorrection(intensity: Intensity, allowed: Intensity): boolean {
  return intensityRank(intensity) > intensityRank(allowed);
}
