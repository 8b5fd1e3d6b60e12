/** Row types of migration 0009-mutual-aid (pairing assistance and EDXL-RM mutual-aid requests between regions). */
export interface MutualAidTables {
  mutual_aid_pairings: MutualAidPairingsTable;
  mutual_aid_requests: MutualAidRequestsTable;
  mutual_aid_offers: MutualAidOffersTable;
  mutual_aid_messages: MutualAidMessagesTable;
}

export interface MutualAidPairingsTable {
  id: string;
  supporter_code: string;
  supporter_path: string;
  supported_code: string;
  supported_path: string;
  /** YYYY-MM-DD */
  valid_from: string;
  /** YYYY-MM-DD inclusive; null while open-ended. */
  valid_to: string | null;
  /** JSON array of support kinds (medical_teams, supplies, …). */
  supports_json: string;
  /** proposed | active | ended | cancelled */
  status: string;
  source: string | null;
  notes: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface MutualAidRequestsTable {
  id: string;
  number: string;
  requester_code: string;
  requester_path: string;
  incident_id: string | null;
  resource_kind: string;
  resource_type: number | null;
  resource_name: string;
  quantity: number;
  unit: string;
  committed_quantity: number;
  needed_by: string;
  deliver_to: string;
  notes: string | null;
  /** open | fulfilled | closed | cancelled */
  status: string;
  message_id: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface MutualAidOffersTable {
  id: string;
  request_id: string;
  offerer_code: string;
  offerer_path: string;
  quantity: number;
  committed_quantity: number;
  unit_cost: number | null;
  currency: string | null;
  eta: string | null;
  notes: string | null;
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface MutualAidMessagesTable {
  id: string;
  request_id: string;
  seq: number;
  message_type: string;
  offer_id: string | null;
  sent_at: string;
  sender_code: string;
  body_json: string;
}
