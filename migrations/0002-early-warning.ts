import type { Kysely } from 'kysely';
import { binaryText, floatType, type MigrationDialect, type PortableMigration } from './portable.js';

/** Idempotency keys, intake (reports, photos, threads, reporters), signals, monitoring, incidents. */
export const earlyWarning: PortableMigration = {
  async up(db: Kysely<unknown>, dialect: MigrationDialect) {
    const float = floatType(dialect);
    const blob = dialect === 'postgres' ? 'bytea' : 'blob';

    // A retried submission with the same key returns the stored first response.
    await db.schema
      .createTable('idempotency_keys')
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('status_code', 'integer', (c) => c.notNull())
      .addColumn('response_json', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_keys_pk', ['scope', 'key'])
      .execute();

    await db.schema
      .createTable('reporters')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull()) // unit | public | folk_professional
      .addColumn('user_id', 'text')
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('declared_field', 'text')
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('jurisdiction_code', 'text')
      .addColumn('token_hash', 'text', (c) => c.unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('reporters_user').on('reporters').column('user_id').execute();

    await db.schema
      .createTable('reports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('receipt_no', 'text', (c) => c.notNull().unique())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('disease_class', 'text')
      .addColumn('jurisdiction_code', 'text')
      .addColumn('jurisdiction_path', 'text', (c) => binaryText(dialect)(c))
      .addColumn('place_text', 'text')
      .addColumn('point_lon', float)
      .addColumn('point_lat', float)
      .addColumn('place_unmatched', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('observed_at', 'text', (c) => c.notNull())
      .addColumn('reported_at', 'text', (c) => c.notNull())
      .addColumn('deadline_at', 'text')
      .addColumn('is_late', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('title', 'text')
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('reporter_id', 'text', (c) => c.notNull())
      .addColumn('reporter_kind', 'text', (c) => c.notNull())
      .addColumn('reporting_unit_code', 'text')
      // The reporting unit's path: timeliness per unit, and who triages a report whose place is unmatched.
      .addColumn('reporting_unit_path', 'text', (c) => binaryText(dialect)(c))
      // SHA-256 of the public reporter's access code; null for reports from logged-in users.
      .addColumn('access_code_hash', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('spam_score', float, (c) => c.notNull().defaultTo(0))
      .addColumn('signal_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('reports_path_time').on('reports').columns(['jurisdiction_path', 'reported_at']).execute();
    await db.schema.createIndex('reports_unit_time').on('reports').columns(['reporting_unit_path', 'reported_at']).execute();
    await db.schema.createIndex('reports_reporter').on('reports').column('reporter_id').execute();
    await db.schema.createIndex('reports_pending').on('reports').columns(['signal_id', 'reported_at']).execute();

    await db.schema
      .createTable('report_photos')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
      .addColumn('mime_type', 'text', (c) => c.notNull())
      .addColumn('size_bytes', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('data', blob, (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('report_photos_report').on('report_photos').column('report_id').execute();

    await db.schema
      .createTable('report_messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
      .addColumn('author_kind', 'text', (c) => c.notNull()) // reporter | officer
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('report_messages_report').on('report_messages').columns(['report_id', 'created_at']).execute();

    await db.schema
      .createTable('reporting_limits')
      .addColumn('report_type', 'text', (c) => c.primaryKey())
      .addColumn('limit_minutes', 'integer', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('signal_clusters')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('jurisdiction_code', 'text')
      .addColumn('jurisdiction_path', 'text', (c) => binaryText(dialect)(c.notNull()))
      .addColumn('point_lon', float)
      .addColumn('point_lat', float)
      .addColumn('first_at', 'text', (c) => c.notNull())
      .addColumn('last_at', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('priority', float, (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('incident_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('signal_clusters_queue').on('signal_clusters').columns(['status', 'jurisdiction_path']).execute();
    await db.schema.createIndex('signal_clusters_recent').on('signal_clusters').columns(['type', 'last_at']).execute();

    await db.schema
      .createTable('signals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source_kind', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text')
      .addColumn('source_item_id', 'text')
      .addColumn('reporter_key', 'text')
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('tokens', 'text', (c) => c.notNull()) // JSON array
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('type_confidence', float, (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('severity', float, (c) => c.notNull())
      .addColumn('severity_words', 'text', (c) => c.notNull()) // JSON array
      .addColumn('jurisdiction_code', 'text')
      .addColumn('jurisdiction_path', 'text', (c) => binaryText(dialect)(c.notNull()))
      .addColumn('place_matched', 'integer', (c) => c.notNull())
      .addColumn('point_lon', float)
      .addColumn('point_lat', float)
      .addColumn('observed_at', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('simhash', 'text', (c) => c.notNull())
      .addColumn('duplicate_of', 'text')
      .addColumn('cluster_id', 'text', (c) => c.notNull())
      .addColumn('credibility', float, (c) => c.notNull())
      .addColumn('priority', float, (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('incident_id', 'text')
      .addColumn('verdict_by', 'text')
      .addColumn('verdict_at', 'text')
      .addColumn('verdict_note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('signals_cluster').on('signals').column('cluster_id').execute();
    await db.schema.createIndex('signals_recent').on('signals').columns(['type', 'observed_at']).execute();
    await db.schema.createIndex('signals_queue').on('signals').columns(['status', 'jurisdiction_path']).execute();
    await db.schema.createIndex('signals_source_item').on('signals').columns(['source_kind', 'source_item_id']).execute();

    // Learned state of the pipeline: the classifier and each reporter's verdict counts.
    await db.schema
      .createTable('classifier_models')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('model_json', 'text', (c) => c.notNull())
      .addColumn('trained_on', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('reporter_credibility')
      .addColumn('reporter_key', 'text', (c) => c.primaryKey())
      .addColumn('verified', 'integer', (c) => c.notNull())
      .addColumn('rejected', 'integer', (c) => c.notNull())
      .addColumn('prior_alpha', float, (c) => c.notNull())
      .addColumn('prior_beta', float, (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('monitoring_sources')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull()) // rss | atom | cap | upload | webhook
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('url', 'text')
      .addColumn('jurisdiction_code', 'text', (c) => c.notNull())
      .addColumn('language', 'text')
      .addColumn('poll_seconds', 'integer')
      .addColumn('enabled', 'integer', (c) => c.notNull())
      // Webhook HMAC key, AES-256-GCM-encrypted under a key derived from SEAMLESS_AUDIT_KEY
      // (verifying an HMAC needs the secret itself, so a hash would not do).
      .addColumn('webhook_secret', 'text')
      .addColumn('health', 'text', (c) => c.notNull()) // unknown | healthy | failing | unhealthy
      .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_polled_at', 'text')
      .addColumn('last_success_at', 'text')
      .addColumn('last_error', 'text')
      .addColumn('next_poll_at', 'text')
      // A poller holds a source until then, so two pollers (processes) never fetch it at once.
      .addColumn('lease_until', 'text')
      .addColumn('etag', 'text')
      .addColumn('last_modified', 'text')
      .addColumn('items_total', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('monitoring_sources_due').on('monitoring_sources').columns(['enabled', 'next_poll_at']).execute();
    await db.schema
      .createTable('monitoring_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source_id', 'text', (c) => c.notNull().references('monitoring_sources.id').onDelete('cascade'))
      .addColumn('external_id', 'text', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('language', 'text')
      .addColumn('title', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('link', 'text')
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('place_text', 'text')
      .addColumn('jurisdiction_code', 'text')
      .addColumn('point_lon', float)
      .addColumn('point_lat', float)
      .addColumn('raw_json', 'text')
      .addColumn('signal_id', 'text')
      .addColumn('fetched_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('monitoring_items_external', ['source_id', 'external_id'])
      .execute();
    await db.schema.createIndex('monitoring_items_pending').on('monitoring_items').columns(['signal_id', 'fetched_at']).execute();
    await db.schema.createIndex('monitoring_items_source_time').on('monitoring_items').columns(['source_id', 'fetched_at']).execute();

    await db.schema
      .createTable('incidents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('level', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('jurisdiction_code', 'text', (c) => c.notNull())
      .addColumn('jurisdiction_path', 'text', (c) => binaryText(dialect)(c.notNull()))
      .addColumn('area', 'text') // GeoJSON geometry
      .addColumn('point_lon', float)
      .addColumn('point_lat', float)
      .addColumn('description', 'text')
      .addColumn('opened_by', 'text', (c) => c.notNull())
      .addColumn('opened_at', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('incidents_scope').on('incidents').columns(['jurisdiction_path', 'status']).execute();
    await db.schema
      .createTable('incident_timeline')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
      // Order within one incident: ids and times tie when entries share a transaction or a clock.
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('detail_json', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('incident_timeline_incident').on('incident_timeline').columns(['incident_id', 'seq']).unique().execute();

    await db.schema
      .createTable('sitreps')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
      .addColumn('jurisdiction_code', 'text', (c) => c.notNull())
      .addColumn('jurisdiction_path', 'text', (c) => binaryText(dialect)(c.notNull()))
      .addColumn('period', 'text', (c) => c.notNull()) // reporting day YYYY-MM-DD
      .addColumn('figures_json', 'text', (c) => c.notNull())
      .addColumn('narrative', 'text')
      .addColumn('filed_by', 'text', (c) => c.notNull())
      .addColumn('filed_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('sitreps_one_per_unit', ['incident_id', 'jurisdiction_code', 'period'])
      .execute();
    await db.schema.createIndex('sitreps_rollup').on('sitreps').columns(['incident_id', 'period', 'jurisdiction_path']).execute();
  },
};
