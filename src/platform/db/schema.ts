import type * as Foundation from './tables/foundation.js';

/** Every table Kysely knows about. Capabilities add their table files to `tables/` and here. */
export interface Database {
  jurisdictions: Foundation.JurisdictionsTable;
  jurisdiction_history: Foundation.JurisdictionHistoryTable;
  users: Foundation.UsersTable;
  role_grants: Foundation.RoleGrantsTable;
  auth_tokens: Foundation.AuthTokensTable;
  login_failures: Foundation.LoginFailuresTable;
  audit_log: Foundation.AuditLogTable;
  events: Foundation.EventsTable;
  jobs: Foundation.JobsTable;
  organisations: Foundation.OrganisationsTable;
  people: Foundation.PeopleTable;
}
