/**
 * fast-check generators of valid CapAlerts, for property tests: every field CAP allows, optional
 * ones present or absent, texts with markup characters, CR, CJK and astral-plane characters.
 */
import fc from 'fast-check';
import { formatCapDateTime } from './datetime.js';
import { formatCapCircle, formatCapPolygon } from './geometry.js';
import {
  CAP_CATEGORIES,
  CAP_CERTAINTIES,
  CAP_RESPONSE_TYPES,
  CAP_SEVERITIES,
  CAP_STATUSES,
  CAP_URGENCIES,
  type CapAlert,
  type CapArea,
  type CapInfo,
  type CapResource,
  type CapValuePair,
} from './model.js';
import { formatCapReferences } from './references.js';

// Any text XML can carry, including characters that need escaping and CR (written as &#13;).
const special = fc.constantFrom('<', '>', '&', '"', "'", ']]>', '\r', '\n', '\t', ' ', '暴雨', '𠀀', 'é');
const text = fc.array(fc.oneof(fc.string({ unit: 'grapheme-ascii', maxLength: 8 }), special), { maxLength: 6 }).map((parts) => parts.join(''));
const nonBlank = text.filter((value) => value.trim() !== '');
const token = fc.stringMatching(/^[A-Za-z0-9._:-]{1,20}$/);
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const zone = fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York', 'Asia/Kolkata', '-03:30', '+14:00');
const dateTime = fc.tuple(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true }), zone).map(([date, z]) => formatCapDateTime(date, z));
const lat = fc.double({ min: -90, max: 90, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
const lon = fc.double({ min: -180, max: 180, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
const point = fc.record({ lat, lon });
const polygon = fc.array(point, { minLength: 3, maxLength: 8 }).filter((ps) => ps[0]!.lat !== ps[ps.length - 1]!.lat || ps[0]!.lon !== ps[ps.length - 1]!.lon).map(formatCapPolygon);
const circle = fc.record({ center: point, radiusKm: fc.double({ min: 0, max: 1000, noNaN: true }).map((n) => (Object.is(n, -0) ? 0 : n)) }).map(formatCapCircle);
const pair = fc.record({ valueName: nonBlank, value: nonBlank }).map((p) => ({ ...p }));
const decimal = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((n) => (Object.is(n, -0) ? 0 : n));
const warningLevel: fc.Arbitrary<CapValuePair> = fc.constantFrom('red', 'orange', 'yellow', 'blue').map((value) => ({ valueName: 'warningLevel', value }));
const geocode: fc.Arbitrary<CapValuePair> = fc.oneof(
  fc.stringMatching(/^\d{6}$/).map((value) => ({ valueName: 'GB/T 2260', value })),
  fc.stringMatching(/^(\d{9}|\d{12})$/).map((value) => ({ valueName: 'GB/T 10114', value })),
  pair,
);

/** Drops properties whose value is undefined, as the reader never sets them. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const resource: fc.Arbitrary<CapResource> = fc
  .record({ resourceDesc: nonBlank, mimeType: fc.constantFrom('image/png', 'application/pdf', 'text/plain'), size: optional(fc.maxSafeNat()), uri: optional(fc.webUrl()), derefUri: optional(fc.base64String({ maxLength: 16 })), digest: optional(fc.stringMatching(/^[0-9a-f]{40}$/)) })
  .map(defined);

const area: fc.Arbitrary<CapArea> = fc
  .record({
    areaDesc: nonBlank,
    polygons: fc.array(polygon, { maxLength: 2 }),
    circles: fc.array(circle, { maxLength: 2 }),
    geocodes: fc.array(geocode, { maxLength: 3 }),
    altitude: optional(decimal),
    ceilingAbove: optional(fc.double({ min: 0, max: 1e4, noNaN: true })),
  })
  // CAP allows a ceiling only with an altitude, and it must not be below it.
  .map(({ ceilingAbove, ...rest }) => defined({ ...rest, ceiling: rest.altitude !== undefined && ceilingAbove !== undefined ? rest.altitude + ceilingAbove : undefined }));

const info: fc.Arbitrary<CapInfo> = fc
  .record({
    language: optional(fc.constantFrom('zh-CN', 'en-US', 'en', 'zh-Hans-CN')),
    categories: fc.uniqueArray(fc.constantFrom(...CAP_CATEGORIES), { minLength: 1, maxLength: 3 }),
    event: nonBlank,
    responseTypes: fc.uniqueArray(fc.constantFrom(...CAP_RESPONSE_TYPES), { maxLength: 2 }),
    urgency: fc.constantFrom(...CAP_URGENCIES),
    severity: fc.constantFrom(...CAP_SEVERITIES),
    certainty: fc.constantFrom(...CAP_CERTAINTIES),
    audience: optional(text),
    eventCodes: fc.array(pair, { maxLength: 2 }),
    effective: optional(dateTime),
    onset: optional(dateTime),
    expires: optional(dateTime),
    senderName: optional(text),
    headline: optional(text),
    description: optional(text),
    instruction: optional(text),
    web: optional(fc.webUrl()),
    contact: optional(text),
    level: optional(warningLevel),
    otherParameters: fc.array(pair.filter((p) => p.valueName !== 'warningLevel'), { maxLength: 2 }),
    resources: fc.array(resource, { maxLength: 2 }),
    areas: fc.array(area, { maxLength: 3 }),
  })
  .map(({ level, otherParameters, ...rest }) => defined({ ...rest, parameters: level ? [level, ...otherParameters] : otherParameters }));

const reference = fc.record({ sender: token, identifier: token, sent: dateTime });

/** A valid CapAlert: Restricted ones carry a restriction, Private ones addresses, Update/Cancel references. */
export const capAlertArbitrary: fc.Arbitrary<CapAlert> = fc
  .record({
    identifier: token,
    sender: token,
    sent: dateTime,
    status: fc.constantFrom(...CAP_STATUSES),
    msgType: fc.constantFrom('Alert', 'Update', 'Cancel') as fc.Arbitrary<'Alert' | 'Update' | 'Cancel'>,
    source: optional(text),
    scope: fc.constantFrom('Public', 'Restricted', 'Private') as fc.Arbitrary<'Public' | 'Restricted' | 'Private'>,
    restriction: nonBlank,
    addresses: nonBlank,
    codes: fc.array(text, { maxLength: 2 }),
    note: optional(text),
    references: fc.array(reference, { minLength: 1, maxLength: 3 }).map(formatCapReferences),
    incidents: optional(token),
    infos: fc.array(info, { maxLength: 3 }),
  })
  .map(({ restriction, addresses, references, ...rest }) =>
    defined({
      ...rest,
      restriction: rest.scope === 'Restricted' ? restriction : undefined,
      addresses: rest.scope === 'Private' ? addresses : undefined,
      references: rest.msgType === 'Alert' ? undefined : references,
    }),
  );
