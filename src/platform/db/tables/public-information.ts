/** Row types of migration 0006-public-information (risk-area designations, situation bulletins, facilities). */
export interface RiskAreasTable {
  id: string;
  jurisdiction_code: string;
  jurisdiction_path: string;
  issuing_code: string;
  issuing_path: string;
  /** low | medium | high */
  level: string;
  reason: string;
  starts_at: string;
  review_at: string;
  expires_at: string;
  /** active | lifted | expired */
  status: string;
  review_flagged_at: string | null;
  ended_at: string | null;
  end_reason: string | null;
  designated_by: string;
  created_at: string;
  updated_at: string;
}

export interface RiskAreaChangesTable {
  id: string;
  risk_area_id: string;
  seq: number;
  /** designated | changed | lifted | expired | review_flagged */
  action: string;
  detail_json: string;
  actor_id: string;
  actor_name: string;
  at: string;
}

export interface BulletinsTable {
  id: string;
  jurisdiction_code: string;
  jurisdiction_path: string;
  /** YYYY-MM-DD in Asia/Shanghai. */
  period: string;
  /** draft | approved | published */
  status: string;
  title_zh: string;
  title_en: string;
  text_zh: string;
  text_en: string;
  figures_json: string;
  drafted_by: string;
  drafted_at: string;
  approved_by: string | null;
  approved_at: string | null;
  published_by: string | null;
  published_at: string | null;
  updated_at: string;
}

export interface FacilitiesTable {
  id: string;
  /** shelter (hospital, warehouse, mobile_unit later) */
  type: string;
  jurisdiction_code: string;
  jurisdiction_path: string;
  name_zh: string;
  name_en: string | null;
  address: string | null;
  lon: number | null;
  lat: number | null;
  /** Where the coordinates come from; null when there are none. */
  location_source: string | null;
  capacity: number;
  occupancy: number;
  /** open | closed | full */
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface PublicInformationTables {
  risk_areas: RiskAreasTable;
  risk_area_changes: RiskAreaChangesTable;
  bulletins: BulletinsTable;
  facilities: FacilitiesTable;
}
