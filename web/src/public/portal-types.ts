/** Shapes of the public portal's JSON (server: src/warnings/public-routes.ts, src/public/routes.ts). */

export type WarningColour = 'red' | 'orange' | 'yellow' | 'blue';
export type Localized = { zh: string; en: string | null };

export interface PublicAlertArea {
  areaDesc: Localized;
  jurisdictionCode: string | null;
  geometry: { type: string; coordinates: unknown } | null;
  /** [lon, lat] centre. */
  circle: { center: [number, number]; radiusKm: number } | null;
}

export interface PublicAlert {
  identifier: string;
  msgType: string;
  colour: WarningColour | null;
  sent: string;
  expires: string | null;
  event: Localized;
  headline: Localized;
  description: Localized;
  instruction: { zh: string | null; en: string | null };
  severity: string;
  urgency: string;
  areas: PublicAlertArea[];
  capXmlUrl: string;
}

export type RiskLevel = 'low' | 'medium' | 'high';

export interface RiskAreaFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Polygon' | 'MultiPolygon' | 'Point'; coordinates: unknown[] } | null;
  properties: {
    jurisdictionCode: string;
    nameZh: string;
    nameEn: string | null;
    level: RiskLevel;
    reason: string;
    startsAt: string;
    reviewAt: string;
    expiresAt: string;
    issuingCode: string;
    geometrySource: 'boundary' | 'centroid' | 'none';
  };
}

export interface PublicBulletin {
  id: string;
  jurisdictionCode: string;
  jurisdictionNameZh: string;
  jurisdictionNameEn: string | null;
  period: string;
  titleZh: string;
  titleEn: string;
  textZh: string;
  textEn: string;
  publishedAt: string;
}

export interface PublicShelter {
  id: string;
  nameZh: string;
  nameEn: string | null;
  address: string | null;
  jurisdictionCode: string;
  location: [number, number] | null;
  capacity: number;
  free: number;
  status: string;
  updatedAt: string;
  distanceKm: number | null;
}

export interface PublicPlace {
  code: string;
  nameZh: string;
  nameEn: string | null;
  level: string;
  parentCode: string | null;
}
