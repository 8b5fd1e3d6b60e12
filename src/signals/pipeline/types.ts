/**
 * Report and incident types, the four emergency categories (DOMAIN.md §1) and the map between
 * them. Kept here while the signals pipeline is the only user; may move to src/core.
 */

/** Report/incident types a signal can be classified as. */
export const SIGNAL_TYPES = [
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
export type SignalType = (typeof SIGNAL_TYPES)[number];

/** Emergency categories (突发事件分类), plus `other` for what fits none of them. */
export const EMERGENCY_CATEGORIES = ['natural_disaster', 'accident_disaster', 'public_health', 'social_security', 'other'] as const;
export type EmergencyCategory = (typeof EMERGENCY_CATEGORIES)[number];

/** The category each type belongs to. */
export const CATEGORY_OF_TYPE: Readonly<Record<SignalType, EmergencyCategory>> = {
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

export function categoryOfType(type: SignalType): EmergencyCategory {
  return CATEGORY_OF_TYPE[type];
}

export function isSignalType(value: unknown): value is SignalType {
  return typeof value === 'string' && (SIGNAL_TYPES as readonly string[]).includes(value);
}

/** Languages the pipeline tells apart; `other` texts are tokenised like English. */
export type SignalLanguage = 'zh' | 'en' | 'other';
