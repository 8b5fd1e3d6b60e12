/** Free-text fields as the rooms accept them: trimmed, length-checked, the message naming the field. */
import { InvalidInputError } from './errors.js';

/** A trimmed, non-empty text of at most `max` characters (UTF-16 units). */
export function checkText(value: string, field: string, max: number): string {
  const text = value.trim();
  if (text.length === 0) throw InvalidInputError.forField(field, 'must not be empty');
  if (text.length > max) throw InvalidInputError.forField(field, `must be at most ${max} characters`);
  return text;
}

/** Optional text: empty becomes null. */
export function checkOptionalText(value: string | null | undefined, field: string, max: number): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return checkText(value, field, max);
}
