import type { Kysely } from 'kysely';
import { binaryText, floatType, type MigrationDialect, type PortableMigration } from './portable.js';

/** Migration 0006-public-information: risk-area designations, situation bulletins, shelters for the public portal. */
export const publicInformation: PortableMigration = {
  async up(db: Kysely<unknown>, dialect: MigrationDialect) {
    const float = floatType(dialect);

    // One row per designation of a community, township or grid cell; its changes go to risk_area_changes.
    await db.schema
      .createTable('risk_areas')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('jurisdiction_code', 'text', (c) => c.notNull())
      .addColumn('jurisdiction_path', 'text', (c) => binaryText(dialect)(c.notNull()))
      // The unit whose officer designated it: reviews are flagged to it.
      .addColumn('issuing_code', 'text', (c) => c.notNull())
      .addColumn('issuing_path', 'text', (c) => binaryText(dialect)(c.notNull()))
      .addColumn('level', 'text', (c) => c.notNull()) // low | medium | high
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('review_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()) // active | lifted | expired
      .addColumn('review_flagged_at', 'text')
      .addColumn('ended_at', 'text')
      .addColumn('end_reason', 'text')
      .addColumn('designated_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('risk_areas_scope').on('risk_areas').columns(['jurisdiction_path', 'status']).execute();
    await db.schema.createIndex('risk_areas_due').on('risk_areas').columns(['status', 'expires_at']).execute();

    await db.schema
      .createTable('risk_area_changes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('risk_area_id', 'text', (c) => c.notNull().references('risk_areas.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull()) // designated | changed | lifted | expired | review_flagged
      .addColumn('detail_json', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addUniqueConstraint('risk_area_changes_seq', ['risk_area_id', 'seq'])
      .execute();

    // One bulletin per unit and day: draft → approved → published.
    await db.schema
      .createTable('bulletins')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('jurisdiction_code', 'text', (c) => c.notNull())
      .addColumn('jurisdiction_path', 'text', (c) => binaryText(dialect)(c.notNull()))
      .addColumn('period', 'text', (c) => c.notNull()) // YYYY-MM-DD, Asia/Shanghai
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('title_zh', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text', (c) => c.notNull())
      .addColumn('text_zh', 'text', (c) => c.notNull())
      .addColumn('text_en', 'text', (c) => c.notNull())
      .addColumn('figures_json', 'text', (c) => c.notNull())
      .addColumn('drafted_by', 'text', (c) => c.notNull())
      .addColumn('drafted_at', 'text', (c) => c.notNull())
      .addColumn('approved_by', 'text')
      .addColumn('approved_at', 'text')
      .addColumn('published_by', 'text')
      .addColumn('published_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('bulletins_one_per_day', ['jurisdiction_code', 'period'])
      .execute();
    await db.schema.createIndex('bulletins_scope').on('bulletins').columns(['jurisdiction_path', 'period']).execute();
    await db.schema.createIndex('bulletins_public').on('bulletins').columns(['status', 'published_at']).execute();

    // Shelters now; hospitals, warehouses and mobile units join by type.
    await db.schema
      .createTable('facilities')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('jurisdiction_code', 'text', (c) => c.notNull())
      .addColumn('jurisdiction_path', 'text', (c) => binaryText(dialect)(c.notNull()))
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text')
      .addColumn('address', 'text')
      .addColumn('lon', float)
      .addColumn('lat', float)
      .addColumn('location_source', 'text')
      .addColumn('capacity', 'integer', (c) => c.notNull())
      .addColumn('occupancy', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()) // open | closed | full
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('facilities_scope').on('facilities').columns(['jurisdiction_path', 'type']).execute();
    await db.schema.createIndex('facilities_public').on('facilities').columns(['type', 'status']).execute();
  },
};
