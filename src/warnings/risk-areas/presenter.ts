import type { Jurisdiction } from '../../jurisdictions/model.js';
import type { RiskArea, RiskAreaChange } from './model.js';
import type { PublicRiskAreaCollection, RiskAreaBody } from './schema.js';

export function presentRiskArea(area: RiskArea): RiskAreaBody {
  return {
    id: area.id,
    jurisdictionCode: area.jurisdictionCode,
    issuingCode: area.issuingCode,
    level: area.level,
    reason: area.reason,
    startsAt: area.startsAt,
    reviewAt: area.reviewAt,
    expiresAt: area.expiresAt,
    status: area.status,
    reviewDue: area.reviewFlaggedAt !== null && area.status === 'active',
    endedAt: area.endedAt,
    endReason: area.endReason,
    designatedBy: area.designatedBy,
    createdAt: area.createdAt,
    updatedAt: area.updatedAt,
  };
}

export function presentChange(change: RiskAreaChange) {
  return { seq: change.seq, action: change.action, detail: { ...change.detail }, actorId: change.actorId, actorName: change.actorName, at: change.at };
}

/**
 * The public GeoJSON: each designation in force with its unit's boundary, else its centroid,
 * else no geometry (found by code); coordinates only ever come from the jurisdiction data.
 */
export function presentPublicRiskAreas(areas: readonly RiskArea[], units: ReadonlyMap<string, Jurisdiction>): PublicRiskAreaCollection {
  return {
    type: 'FeatureCollection',
    features: areas.map((area) => {
      const unit = units.get(area.jurisdictionCode);
      const geometry = unit?.boundary
        ? { type: unit.boundary.type, coordinates: unit.boundary.coordinates as unknown[] }
        : unit?.centroid
          ? { type: 'Point' as const, coordinates: [unit.centroid[0], unit.centroid[1]] }
          : null;
      return {
        type: 'Feature' as const,
        id: area.id,
        geometry,
        properties: {
          jurisdictionCode: area.jurisdictionCode,
          nameZh: unit?.nameZh ?? area.jurisdictionCode,
          nameEn: unit?.nameEn ?? null,
          level: area.level,
          reason: area.reason,
          startsAt: area.startsAt,
          reviewAt: area.reviewAt,
          expiresAt: area.expiresAt,
          issuingCode: area.issuingCode,
          geometrySource: unit?.boundary ? 'boundary' : unit?.centroid ? 'centroid' : 'none',
        },
      };
    }),
  };
}
