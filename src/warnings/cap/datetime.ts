/**
 * CAP 1.2 date-times: `YYYY-MM-DDThh:mm:ss±hh:mm`, whole seconds, always a numeric offset. The
 * XSD's pattern refuses a trailing `Z` (DOMAIN.md §2), so UTC is written `+00:00`.
 */
import { InvalidInputError } from '../../core/errors.js';

const CAP_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([+-])(\d{2}):(\d{2})$/;

/** What is wrong with `text` as a CAP date-time, or undefined when it is one. */
export function capDateTimeProblem(text: string): string | undefined {
  const value = text.trim(); // xs:dateTime collapses whitespace before the pattern applies
  const match = CAP_DATE_TIME.exec(value);
  if (!match) {
    const shown = JSON.stringify(text);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value)) {
      return `${shown} ends in Z; CAP 1.2 needs a numeric offset (write +00:00 for UTC, +08:00 for China)`;
    }
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+([+-]\d{2}:\d{2}|Z)?$/.test(value)) {
      return `${shown} has fractional seconds; CAP 1.2 allows whole seconds only (YYYY-MM-DDThh:mm:ss±hh:mm)`;
    }
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) {
      return `${shown} has no time-zone offset; CAP 1.2 needs one, e.g. ${value.length === 16 ? `${value}:00` : value}+08:00`;
    }
    return `${shown} is not a CAP date-time (YYYY-MM-DDThh:mm:ss±hh:mm, e.g. 2024-07-01T08:00:00+08:00)`;
  }
  const [year, month, day, hour, minute, second, , offsetHour, offsetMinute] = match.slice(1).map((part) => (part === '+' || part === '-' ? 0 : Number(part))) as number[];
  if (month! < 1 || month! > 12) return `${JSON.stringify(text)}: month ${match[2]} does not exist`;
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year!, month!, 0);
  const daysInMonth = lastDay.getUTCDate();
  if (day! < 1 || day! > daysInMonth) return `${JSON.stringify(text)}: day ${match[3]} does not exist in ${match[1]}-${match[2]}`;
  // xs:dateTime allows 24:00:00 (the end of the day) but no other hour 24.
  if (hour! > 24 || (hour === 24 && (minute !== 0 || second !== 0)) || minute! > 59 || second! > 59) return `${JSON.stringify(text)}: time ${match[4]}:${match[5]}:${match[6]} does not exist`;
  if (offsetHour! > 14 || offsetMinute! > 59 || (offsetHour === 14 && offsetMinute !== 0)) return `${JSON.stringify(text)}: offset ${match[7]}${match[8]}:${match[9]} is beyond ±14:00`;
  return undefined;
}

/** The instant a CAP date-time denotes, or undefined when the text is not one. */
export function parseCapDateTime(text: string): Date | undefined {
  if (capDateTimeProblem(text) !== undefined) return undefined;
  return new Date(text.trim());
}

const FIXED_OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/**
 * Formats `date` as a CAP date-time in `zone`: an IANA time zone ("Asia/Shanghai" → `+08:00`)
 * or a fixed offset ("+05:30"). Milliseconds are dropped; never writes `Z`.
 */
export function formatCapDateTime(date: Date, zone = 'Asia/Shanghai'): string {
  if (Number.isNaN(date.getTime())) throw InvalidInputError.forField('date', 'is not a valid date');
  const instant = Math.floor(date.getTime() / 1000) * 1000;
  const offsetMinutes = offsetOf(instant, zone);
  const local = new Date(instant + offsetMinutes * 60_000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** The zone's offset from UTC at `instant`, in whole minutes (historic local mean times are rounded). */
function offsetOf(instant: number, zone: string): number {
  const fixed = FIXED_OFFSET.exec(zone);
  if (fixed) {
    const minutes = Number(fixed[2]) * 60 + Number(fixed[3]);
    if (minutes > 14 * 60) throw InvalidInputError.forField('zone', `${zone} is beyond ±14:00`);
    return fixed[1] === '-' ? -minutes : minutes;
  }
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    }).formatToParts(new Date(instant));
  } catch {
    throw InvalidInputError.forField('zone', `"${zone}" is neither an IANA time zone (e.g. Asia/Shanghai) nor an offset like +08:00`);
  }
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const era = parts.find((part) => part.type === 'era')?.value;
  const year = era === 'BC' || era === 'B' ? 1 - get('year') : get('year');
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  const wallClock = new Date(0);
  wallClock.setUTCFullYear(year, get('month') - 1, get('day'));
  wallClock.setUTCHours(get('hour'), get('minute'), get('second'), 0);
  return Math.round((wallClock.getTime() - instant) / 60_000);
}
