import type { Category, EventType, IncidentStatus, SeverityLevel } from '../core/incident-types.js';
import type { AreaGeometry, Incident, Point } from './model.js';

export interface CopProperties {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly type: EventType;
  readonly category: Category;
  readonly level: SeverityLevel | null;
  readonly status: IncidentStatus;
  readonly jurisdictionCode: string;
  readonly updatedAt: string;
  /** Where the geometry came from: the incident's point, its area, or its jurisdiction's centroid. */
  readonly located: 'point' | 'area' | 'centroid';
}

export interface CopFeature {
  readonly type: 'Feature';
  readonly id: string;
  readonly geometry: { readonly type: 'Point'; readonly coordinates: Point } | AreaGeometry;
  readonly properties: CopProperties;
}

export interface CopCounts {
  readonly total: number;
  /** Incidents with no point, no area and no centroid for their jurisdiction: counted, not drawn. */
  readonly unlocated: number;
  readonly byStatus: Readonly<Record<string, number>>;
  /** Unassessed incidents count under "unassessed". */
  readonly byLevel: Readonly<Record<string, number>>;
  readonly byType: Readonly<Record<string, number>>;
}

export interface CommonOperatingPicture {
  readonly type: 'FeatureCollection';
  readonly features: readonly CopFeature[];
  readonly counts: CopCounts;
  /** True when there were more open incidents than the picture holds. */
  readonly truncated: boolean;
}

function countBy(incidents: readonly Incident[], key: (incident: Incident) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const incident of incidents) counts[key(incident)] = (counts[key(incident)] ?? 0) + 1;
  return counts;
}

/**
 * The common operating picture as GeoJSON: each incident drawn at its point, else its area, else
 * its jurisdiction's centroid (`centroidOf`); left out of the features (but counted) when it has
 * none of these, since coordinates are never invented.
 */
export function buildCop(
  incidents: readonly Incident[],
  centroidOf: (jurisdictionCode: string) => Point | null,
  truncated = false,
): CommonOperatingPicture {
  const features: CopFeature[] = [];
  for (const incident of incidents) {
    const properties = {
      id: incident.id,
      number: incident.number,
      title: incident.title,
      type: incident.type,
      category: incident.category,
      level: incident.level,
      status: incident.status,
      jurisdictionCode: incident.jurisdictionCode,
      updatedAt: incident.updatedAt,
    };
    if (incident.point !== null) {
      features.push({ type: 'Feature', id: incident.id, geometry: { type: 'Point', coordinates: incident.point }, properties: { ...properties, located: 'point' } });
    } else if (incident.area !== null) {
      features.push({ type: 'Feature', id: incident.id, geometry: incident.area, properties: { ...properties, located: 'area' } });
    } else {
      const centroid = centroidOf(incident.jurisdictionCode);
      if (centroid !== null) {
        features.push({ type: 'Feature', id: incident.id, geometry: { type: 'Point', coordinates: centroid }, properties: { ...properties, located: 'centroid' } });
      }
    }
  }
  return {
    type: 'FeatureCollection',
    features,
    counts: {
      total: incidents.length,
      unlocated: incidents.length - features.length,
      byStatus: countBy(incidents, (i) => i.status),
      byLevel: countBy(incidents, (i) => i.level ?? 'unassessed'),
      byType: countBy(incidents, (i) => i.type),
    },
    truncated,
  };
}
