/** Row types of migration 0004-warnings (CAP 1.2 warnings: drafting, approval, publication, CAP XML import/export). */
export interface WarningsTables {
  warnings: WarningsTable;
  warning_history: WarningHistoryTable;
  warning_settings: WarningSettingsTable;
}

/** One CAP message of a warning's lineage: a draft until published, immutable afterwards. */
export interface WarningsTable {
  id: string;
  lineage_id: string;
  supersedes_id: string | null;
  /** 1, 2, 3 … within the lineage. */
  lineage_seq: number;
  /** local | import */
  origin: string;
  /** Alert | Update | Cancel */
  msg_type: string;
  /** draft | pending_approval | published | updated | cancelled | expired */
  state: string;
  colour: string | null;
  jurisdiction_code: string;
  jurisdiction_path: string;
  content_json: string;
  headline: string | null;
  incident_id: string | null;
  expires_at: string | null;
  identifier: string | null;
  sender: string | null;
  sent: string | null;
  cap_xml: string | null;
  public_areas_json: string | null;
  created_by: string;
  created_by_name: string;
  submitted_by: string | null;
  approved_by: string | null;
  published_by: string | null;
  rejection_reason: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

export interface WarningHistoryTable {
  id: string;
  warning_id: string;
  /** 1, 2, 3 … within the warning. */
  seq: number;
  action: string;
  detail_json: string;
  actor_id: string;
  actor_name: string;
  at: string;
}

export interface WarningSettingsTable {
  /** colour_table | authority_rules */
  key: string;
  value_json: string;
  updated_by: string;
  updated_at: string;
}
