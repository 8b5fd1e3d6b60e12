import type * as Foundation from './tables/foundation.js';
import type * as EarlyWarning from './tables/early-warning.js';
import type * as Surveillance from './tables/surveillance.js';
import type { WarningsTables } from './tables/warnings.js';
import type { NotificationsTables } from './tables/notifications.js';
import type { PublicInformationTables } from './tables/public-information.js';
import type { CommandOrdersTables } from './tables/command-orders.js';
import type { CommandTasksTables } from './tables/command-tasks.js';
import type { MutualAidTables } from './tables/mutual-aid.js';

/** Every table Kysely knows about. Capabilities add their table files to `tables/` and here. */
// Later rooms keep their tables in one interface per migration, so adding a room touches one line here.
export interface Database
  extends WarningsTables,
    NotificationsTables,
    PublicInformationTables,
    CommandOrdersTables,
    CommandTasksTables,
    MutualAidTables {
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
  idempotency_keys: EarlyWarning.IdempotencyKeysTable;
  reporters: EarlyWarning.ReportersTable;
  reports: EarlyWarning.ReportsTable;
  report_photos: EarlyWarning.ReportPhotosTable;
  report_messages: EarlyWarning.ReportMessagesTable;
  reporting_limits: EarlyWarning.ReportingLimitsTable;
  signal_clusters: EarlyWarning.SignalClustersTable;
  signals: EarlyWarning.SignalsTable;
  classifier_models: EarlyWarning.ClassifierModelsTable;
  reporter_credibility: EarlyWarning.ReporterCredibilityTable;
  monitoring_sources: EarlyWarning.MonitoringSourcesTable;
  monitoring_items: EarlyWarning.MonitoringItemsTable;
  incidents: EarlyWarning.IncidentsTable;
  incident_timeline: EarlyWarning.IncidentTimelineTable;
  sitreps: EarlyWarning.SitrepsTable;
  surveillance_series: Surveillance.SurveillanceSeriesTable;
  surveillance_counts: Surveillance.SurveillanceCountsTable;
  surveillance_alarms: Surveillance.SurveillanceAlarmsTable;
}
