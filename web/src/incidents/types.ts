/** Shapes of the incidents API as the browser sees them (see src/incidents/schema.ts). */
import type { FeatureCollection, Geometry } from 'geojson';

export interface Incident {
  id: string;
  number: string;
  title: string;
  category: string;
  type: string;
  level: string | null;
  status: string;
  jurisdictionCode: string;
  area: Geometry | null;
  point: [number, number] | null;
  description: string | null;
  openedBy: string;
  openedAt: string;
  closedAt: string | null;
  updatedAt: string;
  /** Statuses the state machine allows next (roles may narrow them). */
  allowedMoves: string[];
}

export interface TimelineEntry {
  id: string;
  seq: number;
  kind: string;
  detail: Record<string, unknown>;
  actorId: string;
  actorName: string;
  at: string;
}

export type Figures = Record<string, number>;

export interface Sitrep {
  id: string;
  incidentId: string;
  jurisdictionCode: string;
  period: string;
  figures: Figures;
  narrative: string | null;
  filedBy: string;
  filedAt: string;
  outcome?: 'created' | 'replaced' | 'unchanged';
}

export interface NewSitrep {
  jurisdictionCode: string;
  period: string;
  figures: Figures;
  narrative?: string;
}

export interface Rollup {
  unit: { code: string; name: string };
  period: string;
  own: Sitrep | null;
  children: { code: string; name: string; source: 'filed' | 'below' | 'none'; figures: Figures | null; filedBy: string[] }[];
  total: Figures;
  notFiled: { code: string; name: string }[];
}

/** `GET /api/v1/incidents/cop`: open incidents as GeoJSON, with counts. */
export interface CommonOperatingPicture extends FeatureCollection {
  counts?: { total: number; unlocated: number; byStatus: Record<string, number>; byLevel: Record<string, number>; byType: Record<string, number> };
  truncated?: boolean;
}
