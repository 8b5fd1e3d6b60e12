import type { Kysely } from 'kysely';
import { binaryText, type MigrationDialect, type PortableMigration } from './portable.js';

/**
 * Migration 0004-warnings: CAP 1.2 warnings. One row of `warnings` per CAP message of a lineage
 * (the first Alert, each Update, the Cancel): a draft until published, then immutable, its CAP XML
 * kept as published. Imported alerts of other agencies live in the same table (origin = import).
 */
export const warnings: PortableMigration = {
  async up(db: Kysely<unknown>, dialect: MigrationDialect) {
    await db.schema
      .createTable('warnings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // The first message's id: every Update and the Cancel of one warning share it.
      .addColumn('lineage_id', 'text', (c) => c.notNull())
      // The published message this one updates or cancels (null for the first Alert).
      .addColumn('supersedes_id', 'text')
      // 1, 2, 3 … within the lineage: the order of its messages (ids of one millisecond do not sort).
      .addColumn('lineage_seq', 'integer', (c) => c.notNull())
      .addColumn('origin', 'text', (c) => c.notNull()) // local | import
      .addColumn('msg_type', 'text', (c) => c.notNull()) // Alert | Update | Cancel
      .addColumn('state', 'text', (c) => c.notNull()) // draft | pending_approval | published | updated | cancelled | expired
      .addColumn('colour', 'text') // red | orange | yellow | blue (null for imports without warningLevel)
      .addColumn('jurisdiction_code', 'text', (c) => c.notNull())
      .addColumn('jurisdiction_path', 'text', (c) => binaryText(dialect)(c.notNull()))
      // What the drafter wrote (model.ts WarningContent) as JSON; imports keep the parsed alert.
      .addColumn('content_json', 'text', (c) => c.notNull())
      .addColumn('headline', 'text')
      .addColumn('incident_id', 'text')
      .addColumn('expires_at', 'text') // ISO UTC, for the expiry job and the current-alerts query
      // Set at publication (or import): the CAP identifier, sent time and the XML as published.
      // Unique per sender (CAP's own rule), not alone: other agencies' identifiers may collide with ours.
      .addColumn('identifier', 'text')
      .addColumn('sender', 'text')
      .addColumn('sent', 'text')
      .addColumn('cap_xml', 'text')
      // Areas with geometry (jurisdiction centroids/boundaries, polygons, circles) for the public map.
      .addColumn('public_areas_json', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_by_name', 'text', (c) => c.notNull())
      .addColumn('submitted_by', 'text')
      .addColumn('approved_by', 'text')
      .addColumn('published_by', 'text')
      .addColumn('rejection_reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text')
      .execute();
    await db.schema.createIndex('warnings_scope').on('warnings').columns(['jurisdiction_path', 'id']).execute();
    await db.schema.createIndex('warnings_current').on('warnings').columns(['state', 'expires_at']).execute();
    await db.schema.createIndex('warnings_identifier').on('warnings').columns(['identifier', 'sender']).unique().execute();
    await db.schema.createIndex('warnings_lineage').on('warnings').columns(['lineage_id', 'lineage_seq']).unique().execute();

    // Every step of a warning (drafted, edited, submitted, approved, rejected, published, …).
    await db.schema
      .createTable('warning_history')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('warning_id', 'text', (c) => c.notNull().references('warnings.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull()) // 1, 2, 3 … within the warning
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('detail_json', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('warning_history_by_warning').on('warning_history').columns(['warning_id', 'seq']).unique().execute();

    // Admin-editable configuration: the colour table and the authority rules (JSON each).
    await db.schema
      .createTable('warning_settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value_json', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
