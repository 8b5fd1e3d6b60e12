/**
 * The one CAP codec (src/warnings/cap/, built by the CAP room) as the warnings room uses it, so
 * the lifecycle code names its few entry points in one place.
 */
export { capToXml } from './cap/xml-export.js';
export { parseCapXml } from './cap/xml-import.js';
export { validateCap } from './cap/validate.js';
import { formatCapDateTime } from './cap/datetime.js';

/** A stored ISO time in CAP form in `timeZone` (Asia/Shanghai → `+08:00`, never `Z`). */
export function formatCapTime(iso: string, timeZone: string): string {
  return formatCapDateTime(new Date(iso), timeZone);
}

/** The calendar day (YYYY-MM-DD) of `date` in `timeZone`, for identifiers. */
export function localDay(date: Date, timeZone: string): string {
  return formatCapDateTime(date, timeZone).slice(0, 10);
}
