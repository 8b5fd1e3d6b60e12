/**
 * The element structure of CAP 1.2 as data: for each complex element, its children in the XSD's
 * sequence order, how often each may occur, its value type and the CapAlert property it maps to.
 * The reader and the writer both walk this table, so they cannot disagree on order or names.
 * Source: data/cap/CAP-v1.2.xsd (OASIS CAP 1.2).
 */

export type CapValueKind = 'string' | 'integer' | 'decimal';

export interface CapElementSpec {
  /** Element name in the CAP namespace. */
  readonly element: string;
  /** Property of the model object (CapAlert, CapInfo, …) that holds it. */
  readonly key: string;
  readonly required: boolean;
  /** May occur more than once: the model holds an array. */
  readonly repeated: boolean;
  /** Simple content of this type, or complex content with these children. */
  readonly value: CapValueKind | readonly CapElementSpec[];
}

const one = (element: string, key = element, value: CapElementSpec['value'] = 'string'): CapElementSpec => ({ element, key, required: true, repeated: false, value });
const optional = (element: string, key = element, value: CapElementSpec['value'] = 'string'): CapElementSpec => ({ element, key, required: false, repeated: false, value });
const many = (element: string, key: string, value: CapElementSpec['value'] = 'string', required = false): CapElementSpec => ({ element, key, required, repeated: true, value });

/** `eventCode`, `parameter` and `geocode` share this shape. */
export const VALUE_PAIR: readonly CapElementSpec[] = [one('valueName'), one('value')];

export const RESOURCE: readonly CapElementSpec[] = [
  one('resourceDesc'),
  one('mimeType'),
  optional('size', 'size', 'integer'),
  optional('uri'),
  optional('derefUri'),
  optional('digest'),
];

export const AREA: readonly CapElementSpec[] = [
  one('areaDesc'),
  many('polygon', 'polygons'),
  many('circle', 'circles'),
  many('geocode', 'geocodes', VALUE_PAIR),
  optional('altitude', 'altitude', 'decimal'),
  optional('ceiling', 'ceiling', 'decimal'),
];

export const INFO: readonly CapElementSpec[] = [
  optional('language'),
  many('category', 'categories', 'string', true),
  one('event'),
  many('responseType', 'responseTypes'),
  one('urgency'),
  one('severity'),
  one('certainty'),
  optional('audience'),
  many('eventCode', 'eventCodes', VALUE_PAIR),
  optional('effective'),
  optional('onset'),
  optional('expires'),
  optional('senderName'),
  optional('headline'),
  optional('description'),
  optional('instruction'),
  optional('web'),
  optional('contact'),
  many('parameter', 'parameters', VALUE_PAIR),
  many('resource', 'resources', RESOURCE),
  many('area', 'areas', AREA),
];

export const ALERT: readonly CapElementSpec[] = [
  one('identifier'),
  one('sender'),
  one('sent'),
  one('status'),
  one('msgType'),
  optional('source'),
  one('scope'),
  optional('restriction'),
  optional('addresses'),
  many('code', 'codes'),
  optional('note'),
  optional('references'),
  optional('incidents'),
  many('info', 'infos', INFO),
];

/** The XML Signature namespace: CAP allows its elements (`<ds:Signature>`) at the end of `alert`. */
export const XMLDSIG_NAMESPACE = 'http://www.w3.org/2000/09/xmldsig#';

/** One step of a problem path: repeated elements always carry their 0-based index, single ones only when duplicated. */
export function pathStep(element: string, index: number, repeated: boolean): string {
  return repeated || index > 0 ? `${element}[${index}]` : element;
}
