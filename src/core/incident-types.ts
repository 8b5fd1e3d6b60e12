/**
 * Event categories and types of the product's default profile (DOMAIN.md §1: Emergency Response
 * Law and the National Overall Emergency Plan). Reports, signals and incidents share these ids.
 */
export const CATEGORIES = ['natural_disaster', 'accident_disaster', 'public_health', 'social_security', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export const EVENT_TYPES = [
  'disease_case',
  'disease_cluster',
  'fire',
  'flood',
  'geological',
  'production_safety',
  'traffic',
  'public_order',
  'public_opinion',
  'other',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const CATEGORY_OF_TYPE: Readonly<Record<EventType, Category>> = {
  disease_case: 'public_health',
  disease_cluster: 'public_health',
  fire: 'accident_disaster',
  flood: 'natural_disaster',
  geological: 'natural_disaster',
  production_safety: 'accident_disaster',
  traffic: 'accident_disaster',
  public_order: 'social_security',
  public_opinion: 'social_security',
  other: 'other',
};

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

/** Severity levels I (特别重大, extremely serious) … IV (一般, ordinary). */
export const SEVERITY_LEVELS = ['I', 'II', 'III', 'IV'] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

/** Incident lifecycle, in order; `closed` is final. */
export const INCIDENT_STATUSES = ['reported', 'verified', 'responding', 'recovering', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** Where a signal came from. */
export const SIGNAL_SOURCE_KINDS = ['report', 'rss', 'atom', 'cap', 'upload', 'webhook', 'surveillance'] as const;
export type SignalSourceKind = (typeof SIGNAL_SOURCE_KINDS)[number];

/** The triage state of a signal. */
export const SIGNAL_STATUSES = ['new', 'verified', 'rejected', 'merged', 'escalated'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];
