/** Row types of migration 0002 (idempotency, intake, signals, monitoring, incidents). */
export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  status_code: number;
  response_json: string;
  created_at: string;
}

export interface ReportersTable {
  id: string;
  /** unit | public | folk_professional */
  kind: string;
  user_id: string | null;
  display_name: string;
  declared_field: string | null;
  phone: string | null;
  email: string | null;
  jurisdiction_code: string | null;
  token_hash: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReportsTable {
  id: string;
  receipt_no: string;
  type: string;
  disease_class: string | null;
  jurisdiction_code: string | null;
  jurisdiction_path: string | null;
  place_text: string | null;
  point_lon: number | null;
  point_lat: number | null;
  place_unmatched: number;
  observed_at: string;
  reported_at: string;
  deadline_at: string | null;
  is_late: number;
  title: string | null;
  description: string;
  reporter_id: string;
  reporter_kind: string;
  reporting_unit_code: string | null;
  /** Materialised path of the reporting unit (null for public reports). */
  reporting_unit_path: string | null;
  /** SHA-256 of the public reporter's access code; null for logged-in reporters. */
  access_code_hash: string | null;
  status: string;
  spam_score: number;
  signal_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReportPhotosTable {
  id: string;
  report_id: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  data: Buffer;
  created_at: string;
}

export interface ReportMessagesTable {
  id: string;
  report_id: string;
  author_kind: string;
  author_id: string;
  author_name: string;
  body: string;
  created_at: string;
}

export interface ReportingLimitsTable {
  report_type: string;
  limit_minutes: number;
  updated_by: string;
  updated_at: string;
}

export interface SignalClustersTable {
  id: string;
  type: string;
  category: string;
  title: string;
  jurisdiction_code: string | null;
  jurisdiction_path: string;
  point_lon: number | null;
  point_lat: number | null;
  first_at: string;
  last_at: string;
  size: number;
  priority: number;
  status: string;
  incident_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface SignalsTable {
  id: string;
  source_kind: string;
  source_id: string | null;
  source_item_id: string | null;
  reporter_key: string | null;
  language: string;
  title: string | null;
  text: string;
  /** JSON array of tokens. */
  tokens: string;
  type: string;
  type_confidence: number;
  category: string;
  severity: number;
  /** JSON array. */
  severity_words: string;
  jurisdiction_code: string | null;
  /** The matched unit's path; the country root's when no place matched. */
  jurisdiction_path: string;
  place_matched: number;
  point_lon: number | null;
  point_lat: number | null;
  observed_at: string;
  received_at: string;
  simhash: string;
  duplicate_of: string | null;
  cluster_id: string;
  credibility: number;
  priority: number;
  status: string;
  incident_id: string | null;
  verdict_by: string | null;
  verdict_at: string | null;
  verdict_note: string | null;
  created_at: string;
  updated_at: string;
}

export interface ClassifierModelsTable {
  name: string;
  model_json: string;
  trained_on: number;
  updated_at: string;
}

export interface ReporterCredibilityTable {
  reporter_key: string;
  verified: number;
  rejected: number;
  prior_alpha: number;
  prior_beta: number;
  updated_at: string;
}

export interface MonitoringSourcesTable {
  id: string;
  kind: string;
  name: string;
  url: string | null;
  jurisdiction_code: string;
  language: string | null;
  poll_seconds: number | null;
  enabled: number;
  /** Webhook HMAC key, encrypted (AES-256-GCM, key derived from the audit key): "v1.<iv>.<tag>.<data>". */
  webhook_secret: string | null;
  /** unknown | healthy | failing | unhealthy */
  health: string;
  consecutive_failures: number;
  last_polled_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  next_poll_at: string | null;
  /** A poller holds the source until then. */
  lease_until: string | null;
  etag: string | null;
  last_modified: string | null;
  items_total: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface MonitoringItemsTable {
  id: string;
  source_id: string;
  external_id: string;
  content_hash: string;
  language: string | null;
  title: string | null;
  body: string;
  link: string | null;
  published_at: string;
  place_text: string | null;
  /** A unit the item itself names (CAP geocodes), else null: readers fall back to the source's. */
  jurisdiction_code: string | null;
  point_lon: number | null;
  point_lat: number | null;
  /** The item as received, for audit and reprocessing. */
  raw_json: string | null;
  signal_id: string | null;
  fetched_at: string;
}

export interface IncidentsTable {
  id: string;
  number: string;
  title: string;
  category: string;
  type: string;
  level: string | null;
  status: string;
  jurisdiction_code: string;
  jurisdiction_path: string;
  area: string | null;
  point_lon: number | null;
  point_lat: number | null;
  description: string | null;
  opened_by: string;
  opened_at: string;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface IncidentTimelineTable {
  id: string;
  incident_id: string;
  /** 1, 2, 3 … within one incident: the timeline's order. */
  seq: number;
  kind: string;
  detail_json: string;
  actor_id: string;
  actor_name: string;
  at: string;
}

export interface SitrepsTable {
  id: string;
  incident_id: string;
  jurisdiction_code: string;
  jurisdiction_path: string;
  period: string;
  figures_json: string;
  narrative: string | null;
  filed_by: string;
  filed_at: string;
}
