/**
 * The pipeline's names for the shared event types and categories (src/core/incident-types.ts,
 * DOMAIN.md §1): one list, used by reports, signals and incidents alike.
 */
import { CATEGORIES, CATEGORY_OF_TYPE, EVENT_TYPES, type Category, type EventType } from '../../core/incident-types.js';

export { CATEGORY_OF_TYPE };
export const SIGNAL_TYPES = EVENT_TYPES;
export type SignalType = EventType;
export const EMERGENCY_CATEGORIES = CATEGORIES;
export type EmergencyCategory = Category;

export function categoryOfType(type: SignalType): EmergencyCategory {
  return CATEGORY_OF_TYPE[type];
}

export function isSignalType(value: unknown): value is SignalType {
  return typeof value === 'string' && (SIGNAL_TYPES as readonly string[]).includes(value);
}

/** Languages the pipeline tells apart; `other` texts are tokenised like English. */
export type SignalLanguage = 'zh' | 'en' | 'other';
