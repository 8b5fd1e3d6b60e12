import type { CsvColumn } from '../platform/http/csv.js';
import { allowedMoves, type Incident, type TimelineEntry } from './model.js';
import type { Rollup } from './rollup.js';
import type { CommonOperatingPicture } from './cop.js';
import type { Sitrep } from './store.js';
import type { IncidentBody, SitrepResponse } from './schema.js';

/** The stable API shape of an incident. */
export function presentIncident(incident: Incident): IncidentBody {
  return {
    id: incident.id,
    number: incident.number,
    title: incident.title,
    category: incident.category,
    type: incident.type,
    level: incident.level,
    status: incident.status,
    jurisdictionCode: incident.jurisdictionCode,
    area: incident.area === null ? null : { type: incident.area.type, coordinates: incident.area.coordinates as unknown[] },
    point: incident.point === null ? null : [incident.point[0], incident.point[1]],
    description: incident.description,
    openedBy: incident.openedBy,
    openedAt: incident.openedAt,
    closedAt: incident.closedAt,
    updatedAt: incident.updatedAt,
    allowedMoves: [...allowedMoves(incident.status)],
  };
}

export function presentTimelineEntry(entry: TimelineEntry) {
  return {
    id: entry.id,
    seq: entry.seq,
    kind: entry.kind,
    detail: { ...entry.detail },
    actorId: entry.actorId,
    actorName: entry.actorName,
    at: entry.at,
  };
}

export function presentSitrep(sitrep: Sitrep, outcome?: 'created' | 'replaced' | 'unchanged'): SitrepResponse {
  return {
    id: sitrep.id,
    incidentId: sitrep.incidentId,
    jurisdictionCode: sitrep.jurisdictionCode,
    period: sitrep.period,
    figures: { ...sitrep.figures },
    narrative: sitrep.narrative,
    filedBy: sitrep.filedBy,
    filedAt: sitrep.filedAt,
    ...(outcome === undefined ? {} : { outcome }),
  };
}

export function presentRollup(rollup: Rollup<Sitrep>, period: string) {
  return {
    unit: rollup.unit,
    period,
    own: rollup.own === null ? null : presentSitrep(rollup.own),
    children: rollup.children.map((child) => ({
      code: child.code,
      name: child.name,
      source: child.source,
      figures: child.figures === null ? null : { ...child.figures },
      filedBy: child.filings.map((f) => f.jurisdictionCode),
    })),
    total: { ...rollup.total },
    notFiled: rollup.notFiled.map((unit) => ({ ...unit })),
  };
}

export const INCIDENT_CSV_COLUMNS: readonly CsvColumn<IncidentBody>[] = [
  { header: 'id', value: (i) => i.id },
  { header: 'number', value: (i) => i.number },
  { header: 'title', value: (i) => i.title },
  { header: 'category', value: (i) => i.category },
  { header: 'type', value: (i) => i.type },
  { header: 'level', value: (i) => i.level },
  { header: 'status', value: (i) => i.status },
  { header: 'jurisdiction_code', value: (i) => i.jurisdictionCode },
  { header: 'longitude', value: (i) => i.point?.[0] },
  { header: 'latitude', value: (i) => i.point?.[1] },
  { header: 'opened_at', value: (i) => i.openedAt },
  { header: 'closed_at', value: (i) => i.closedAt },
  { header: 'updated_at', value: (i) => i.updatedAt },
];

/** The picture as sent: GeoJSON with plain (mutable) arrays. */
export function presentCop(picture: CommonOperatingPicture) {
  return {
    type: picture.type,
    features: picture.features.map((feature) => ({
      type: feature.type,
      id: feature.id,
      geometry: { type: feature.geometry.type, coordinates: [...(feature.geometry.coordinates as unknown[])] },
      properties: { ...feature.properties },
    })),
    counts: { ...picture.counts, byStatus: { ...picture.counts.byStatus }, byLevel: { ...picture.counts.byLevel }, byType: { ...picture.counts.byType } },
    truncated: picture.truncated,
  };
}
