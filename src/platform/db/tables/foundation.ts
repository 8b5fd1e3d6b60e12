import type { Generated } from 'kysely';

/**
 * Row types of the foundation's tables. Timestamps are ISO-8601 UTC text in both engines;
 * booleans are 0/1 integers; JSON is text. That keeps one query code path for SQLite and
 * PostgreSQL with identical results.
 */
export interface JurisdictionsTable {
  code: string;
  parent_code: string | null;
  name_zh: string;
  name_en: string | null;
  level: string;
  /** Materialised path "/root/…/code/"; subtree = range scan on this column. */
  path: string;
  depth: number;
  population: number | null;
  centroid_lon: number | null;
  centroid_lat: number | null;
  /** GeoJSON geometry (Polygon or MultiPolygon) as text. */
  boundary: string | null;
  status: string;
  merged_into: string | null;
  source: string | null;
  created_at: string;
  updated_at: string;
}

export interface JurisdictionHistoryTable {
  id: string;
  code: string;
  change_kind: string;
  name_zh: string;
  name_en: string | null;
  parent_code: string | null;
  merged_into: string | null;
  valid_from: string;
  valid_to: string | null;
  recorded_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  home_jurisdiction_code: string;
  locale: string;
  is_active: number;
  must_change_password: number;
  created_at: string;
  updated_at: string;
}

export interface RoleGrantsTable {
  id: string;
  user_id: string;
  role: string;
  jurisdiction_code: string;
  department: string | null;
  granted_by: string;
  created_at: string;
}

export interface AuthTokensTable {
  id: string;
  user_id: string;
  kind: string;
  name: string;
  token_hash: string;
  csrf_token: string | null;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginFailuresTable {
  id: string;
  username_key: string;
  address: string;
  at: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  at: string;
  actor_id: string;
  actor_name: string;
  action: string;
  target_type: string;
  target_id: string;
  jurisdiction_code: string | null;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface EventsTable {
  seq: Generated<number>;
  id: string;
  type: string;
  jurisdiction_path: string;
  payload: string;
  created_at: string;
}

export interface JobsTable {
  id: string;
  name: string;
  payload: string;
  state: string;
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_until: string | null;
  last_error: string | null;
  singleton_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrganisationsTable {
  id: string;
  kind: string;
  department_type: string | null;
  name_zh: string;
  name_en: string | null;
  jurisdiction_code: string;
  parent_id: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  created_at: string;
  updated_at: string;
}

export interface PeopleTable {
  id: string;
  kind: string;
  full_name: string;
  organisation_id: string | null;
  jurisdiction_code: string;
  title: string | null;
  /** JSON array of skill tags. */
  skills: string;
  phone: string | null;
  email: string | null;
  user_id: string | null;
  created_at: string;
  updated_at: string;
}
