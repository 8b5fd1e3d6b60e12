import type { WarningColour } from '../core/warning-levels.js';
import type { CapAlert, CapCategory, CapCertainty, CapMsgType, CapResponseType } from './cap/model.js';

/**
 * A warning is a lineage of CAP messages: the first Alert, its Updates and possibly a Cancel.
 * Each message is a `Warning` row: a draft until published, then immutable.
 *
 *   draft ──submit──► pending_approval ──approve──► published ──► updated | cancelled | expired
 *     │  ◄──reject (reason)──┘                         ▲
 *     └──────────publish (rules allow it directly)─────┘
 *
 * An Update is a new draft in the same lineage; publishing it turns the message it supersedes
 * into `updated`. A Cancel is published at once and turns its predecessor into `cancelled`.
 * The expiry job turns published messages past their `expires` into `expired`.
 */
export const WARNING_STATES = ['draft', 'pending_approval', 'published', 'updated', 'cancelled', 'expired'] as const;
export type WarningState = (typeof WARNING_STATES)[number];

/** Statuses a drafter may choose; System and Draft are not for public warnings. */
export const WARNING_CAP_STATUSES = ['Actual', 'Exercise', 'Test'] as const;
export type WarningCapStatus = (typeof WARNING_CAP_STATUSES)[number];

export interface WarningText {
  readonly headline: string;
  readonly description: string;
  readonly instruction?: string | null | undefined;
}

export interface WarningCircle {
  readonly lat: number;
  readonly lon: number;
  readonly radiusKm: number;
}

/** Where a warning applies: jurisdictions (geocodes) and/or drawn shapes. */
export interface WarningAreas {
  readonly jurisdictionCodes: readonly string[];
  /** Closed rings of [lat, lon] pairs, as CAP writes them. */
  readonly polygons: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  readonly circles: readonly WarningCircle[];
  /** areaDesc of the drawn shapes (required when there are any). */
  readonly description?: string | null | undefined;
}

export interface WarningResource {
  readonly resourceDesc: string;
  readonly mimeType: string;
  readonly uri?: string | null | undefined;
  readonly size?: number | null | undefined;
}

/** What a drafter writes; everything CAP needs besides identifier, sender and sent. */
export interface WarningContent {
  readonly status: WarningCapStatus;
  readonly categories: readonly CapCategory[];
  readonly event: { readonly zh: string; readonly en?: string | null | undefined };
  readonly responseTypes: readonly CapResponseType[];
  readonly certainty: CapCertainty;
  readonly colour: WarningColour;
  readonly onset?: string | null | undefined;
  readonly expires: string;
  readonly texts: { readonly zh: WarningText; readonly en?: WarningText | null | undefined };
  readonly areas: WarningAreas;
  readonly resources: readonly WarningResource[];
  readonly contact?: string | null | undefined;
  /** An incident this warning is about (its id). */
  readonly incidentId?: string | null | undefined;
}

export interface Warning {
  readonly id: string;
  readonly lineageId: string;
  readonly supersedesId: string | null;
  readonly origin: 'local' | 'import';
  readonly msgType: CapMsgType;
  readonly state: WarningState;
  readonly colour: WarningColour | null;
  /** The issuing unit (local) or the unit the import was filed under. */
  readonly jurisdictionCode: string;
  readonly jurisdictionPath: string;
  /** What the drafter wrote (local warnings). */
  readonly content: WarningContent | null;
  /** The parsed CAP message (imports). */
  readonly imported: CapAlert | null;
  readonly headline: string | null;
  readonly incidentId: string | null;
  readonly expiresAt: string | null;
  readonly identifier: string | null;
  readonly sender: string | null;
  readonly sent: string | null;
  readonly capXml: string | null;
  readonly publicAreas: readonly PublicArea[] | null;
  readonly createdBy: string;
  readonly createdByName: string;
  readonly submittedBy: string | null;
  readonly approvedBy: string | null;
  readonly publishedBy: string | null;
  readonly rejectionReason: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly publishedAt: string | null;
}

/** An area as the public map draws it: GeoJSON geometry where known, the code otherwise. */
export interface PublicArea {
  readonly areaDesc: { readonly zh: string; readonly en: string | null };
  readonly jurisdictionCode: string | null;
  /** GeoJSON (Polygon, MultiPolygon or Point for a centroid); null when no source gives one. */
  readonly geometry: { readonly type: string; readonly coordinates: unknown } | null;
  /** Circles stay circles: [lon, lat] centre and radius. */
  readonly circle: { readonly center: readonly [number, number]; readonly radiusKm: number } | null;
}

export interface WarningHistoryEntry {
  readonly id: string;
  readonly warningId: string;
  readonly action: string;
  readonly detail: Readonly<Record<string, unknown>>;
  readonly actorId: string;
  readonly actorName: string;
  readonly at: string;
}

export const LIMITS = {
  eventMax: 200,
  headlineMax: 300,
  descriptionMax: 8_000,
  instructionMax: 4_000,
  reasonMax: 2_000,
  areasMax: 200,
  polygonPairsMax: 5_000,
  resourcesMax: 20,
  /** A warning runs at most 30 days before it must be updated. */
  maxDurationMs: 30 * 86_400_000,
  importXmlMax: 512 * 1024,
} as const;

/** A problem with a drafted warning: the field it concerns and what is wrong. */
export interface ContentProblem {
  readonly path: string;
  readonly message: string;
}

export function isEditable(state: WarningState): boolean {
  return state === 'draft';
}

/** Published and not superseded, cancelled or expired: on the public feed. */
export function isCurrent(warning: Pick<Warning, 'state' | 'msgType' | 'expiresAt'>, now: Date): boolean {
  return warning.state === 'published' && warning.msgType !== 'Cancel' && (warning.expiresAt === null || warning.expiresAt > now.toISOString());
}

/** Moves a user may make next, for the API and the web page (policy may narrow them). */
export function allowedActions(warning: Pick<Warning, 'state' | 'origin' | 'msgType'>): string[] {
  if (warning.origin === 'import') return [];
  switch (warning.state) {
    case 'draft':
      return ['edit', 'submit', 'publish'];
    case 'pending_approval':
      return ['approve', 'reject'];
    case 'published':
      return warning.msgType === 'Cancel' ? [] : ['update', 'cancel'];
    default:
      return [];
  }
}

/** What the audit trail records of a warning. */
export function warningSnapshot(warning: Warning): Record<string, unknown> {
  return {
    state: warning.state,
    msgType: warning.msgType,
    colour: warning.colour,
    jurisdictionCode: warning.jurisdictionCode,
    headline: warning.headline,
    identifier: warning.identifier,
    expiresAt: warning.expiresAt,
  };
}
