/**
 * An OASIS CAP 1.2 message as plain data (DOMAIN.md §2). Field names follow the CAP element
 * names; optional elements are optional properties; repeated elements are arrays. Timestamps
 * are ISO 8601 strings with a ±hh:mm offset, exactly as they appear in the XML.
 */

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';

export const CAP_STATUSES = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const;
export const CAP_MSG_TYPES = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const;
export const CAP_SCOPES = ['Public', 'Restricted', 'Private'] as const;
export const CAP_CATEGORIES = ['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'] as const;
export const CAP_RESPONSE_TYPES = ['Shelter', 'Evacuate', 'Prepare', 'Execute', 'Avoid', 'Monitor', 'Assess', 'AllClear', 'None'] as const;
export const CAP_URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export const CAP_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export const CAP_CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;

export type CapStatus = (typeof CAP_STATUSES)[number];
export type CapMsgType = (typeof CAP_MSG_TYPES)[number];
export type CapScope = (typeof CAP_SCOPES)[number];
export type CapCategory = (typeof CAP_CATEGORIES)[number];
export type CapResponseType = (typeof CAP_RESPONSE_TYPES)[number];
export type CapUrgency = (typeof CAP_URGENCIES)[number];
export type CapSeverity = (typeof CAP_SEVERITIES)[number];
export type CapCertainty = (typeof CAP_CERTAINTIES)[number];

/** `valueName` / `value` pairs: eventCode, parameter, geocode. */
export interface CapValuePair {
  readonly valueName: string;
  readonly value: string;
}

export interface CapResource {
  readonly resourceDesc: string;
  readonly mimeType: string;
  readonly size?: number;
  readonly uri?: string;
  readonly derefUri?: string;
  readonly digest?: string;
}

export interface CapArea {
  readonly areaDesc: string;
  /** Each polygon is the CAP text "lat,lon lat,lon …" (closed ring, ≥ 4 pairs). */
  readonly polygons: readonly string[];
  /** Each circle is the CAP text "lat,lon radius_km". */
  readonly circles: readonly string[];
  readonly geocodes: readonly CapValuePair[];
  readonly altitude?: number;
  readonly ceiling?: number;
}

export interface CapInfo {
  /** RFC 3066 language tag; CAP's default is en-US when absent. */
  readonly language?: string;
  readonly categories: readonly CapCategory[];
  readonly event: string;
  readonly responseTypes: readonly CapResponseType[];
  readonly urgency: CapUrgency;
  readonly severity: CapSeverity;
  readonly certainty: CapCertainty;
  readonly audience?: string;
  readonly eventCodes: readonly CapValuePair[];
  readonly effective?: string;
  readonly onset?: string;
  readonly expires?: string;
  readonly senderName?: string;
  readonly headline?: string;
  readonly description?: string;
  readonly instruction?: string;
  readonly web?: string;
  readonly contact?: string;
  /** Seamless carries the colour as `{valueName: 'warningLevel', value: 'red'|'orange'|'yellow'|'blue'}`. */
  readonly parameters: readonly CapValuePair[];
  readonly resources: readonly CapResource[];
  readonly areas: readonly CapArea[];
}

export interface CapAlert {
  readonly identifier: string;
  readonly sender: string;
  readonly sent: string;
  readonly status: CapStatus;
  readonly msgType: CapMsgType;
  readonly source?: string;
  readonly scope: CapScope;
  readonly restriction?: string;
  readonly addresses?: string;
  readonly codes: readonly string[];
  readonly note?: string;
  /** CAP text "sender,identifier,sent sender,identifier,sent …". */
  readonly references?: string;
  readonly incidents?: string;
  readonly infos: readonly CapInfo[];
}

/** One problem found while reading or validating CAP, with where it is (e.g. `/alert/info[1]/area[0]/polygon[0]`). */
export interface CapProblem {
  readonly path: string;
  readonly message: string;
  /** 1-based line in the XML text the problem was found in, when it came from a text. */
  readonly line?: number;
}
