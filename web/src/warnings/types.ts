/** Shapes of the warnings API as the browser sees them (src/warnings/schema.ts). */

export const COLOURS = ['red', 'orange', 'yellow', 'blue'] as const;
export const CATEGORIES = ['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'] as const;
export const RESPONSE_TYPES = ['Shelter', 'Evacuate', 'Prepare', 'Execute', 'Avoid', 'Monitor', 'Assess', 'AllClear', 'None'] as const;
export const CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;
export const STATES = ['draft', 'pending_approval', 'published', 'updated', 'cancelled', 'expired'] as const;

export interface WarningText {
  headline: string;
  description: string;
  instruction?: string | null;
}

export interface WarningContent {
  status?: string;
  categories: string[];
  event: { zh: string; en?: string | null };
  responseTypes?: string[];
  certainty: string;
  colour: string;
  onset?: string | null;
  expires: string;
  texts: { zh: WarningText; en?: WarningText | null };
  areas: { jurisdictionCodes: string[]; polygons?: number[][][]; circles?: { lat: number; lon: number; radiusKm: number }[]; description?: string | null };
  resources?: { resourceDesc: string; mimeType: string; uri?: string | null }[];
  contact?: string | null;
  incidentId?: string | null;
}

export interface Warning {
  id: string;
  lineageId: string;
  supersedesId: string | null;
  origin: 'local' | 'import';
  msgType: string;
  state: string;
  colour: string | null;
  jurisdictionCode: string;
  jurisdictionName: string | null;
  headline: string | null;
  content: WarningContent | null;
  incidentId: string | null;
  expiresAt: string | null;
  identifier: string | null;
  sent: string | null;
  capXmlUrl: string | null;
  createdBy: string;
  createdByName: string;
  approvedBy: string | null;
  rejectionReason: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  allowedActions: string[];
  /** What you may do now under the authority rules (single reads only). */
  permittedActions?: string[];
}

export interface Problem {
  path: string;
  message: string;
}

export interface Validation {
  valid: boolean;
  problems: Problem[];
  xml: string | null;
}

export interface HistoryEntry {
  id: string;
  action: string;
  detail: Record<string, unknown>;
  actorName: string;
  at: string;
}

export interface ChannelProgress {
  channel: string;
  counts: Record<string, number>;
}

/** CSS colours of the four warning levels (also used by the public portal's convention). */
export const COLOUR_SWATCH: Record<string, string> = { red: '#d32f2f', orange: '#ef6c00', yellow: '#f9a825', blue: '#1565c0' };
