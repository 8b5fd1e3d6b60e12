/** Row types of migration 0003 (statistical surveillance). */
export interface SurveillanceSeriesTable {
  id: string;
  jurisdiction_code: string;
  jurisdiction_path: string;
  /** A report type (disease_case, …) or any other indicator name (a syndrome, a disease). */
  indicator: string;
  /** day | week */
  frequency: string;
  /** IANA time zone the days are counted in. */
  timezone: string;
  /** JSON array of {method, params}. */
  methods_json: string;
  /** 1 when verified reports of type `indicator` feed this series. */
  from_reports: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface SurveillanceCountsTable {
  series_id: string;
  /** YYYY-MM-DD (day series) or ISO week YYYY-Www (week series). */
  period: string;
  count: number;
  /** reports | upload | api */
  source: string;
  updated_at: string;
}

export interface SurveillanceAlarmsTable {
  id: string;
  series_id: string;
  period: string;
  /** The method(s) that fired, comma-separated. */
  method: string;
  observed: number;
  upperbound: number;
  jurisdiction_code: string;
  jurisdiction_path: string;
  indicator: string;
  signal_id: string;
  cluster_id: string;
  raised_at: string;
}
