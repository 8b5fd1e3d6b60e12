import type { Kysely } from 'kysely';
import { binaryText, floatType, type MigrationDialect, type PortableMigration } from './portable.js';

/** Statistical surveillance: count series, their counts, and the alarms detection raised. */
export const surveillance: PortableMigration = {
  async up(db: Kysely<unknown>, dialect: MigrationDialect) {
    const float = floatType(dialect);

    await db.schema
      .createTable('surveillance_series')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('jurisdiction_code', 'text', (c) => c.notNull())
      .addColumn('jurisdiction_path', 'text', (c) => binaryText(dialect)(c.notNull()))
      .addColumn('indicator', 'text', (c) => c.notNull())
      .addColumn('frequency', 'text', (c) => c.notNull()) // day | week
      .addColumn('timezone', 'text', (c) => c.notNull().defaultTo('Asia/Shanghai'))
      // JSON array of {method, params}: what the scheduled detection runs on this series.
      .addColumn('methods_json', 'text', (c) => c.notNull())
      // Whether verified reports feed it (indicator = report type); uploads may also add counts.
      .addColumn('from_reports', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('surveillance_series_one', ['jurisdiction_code', 'indicator', 'frequency'])
      .execute();
    await db.schema.createIndex('surveillance_series_scope').on('surveillance_series').columns(['jurisdiction_path', 'indicator']).execute();

    await db.schema
      .createTable('surveillance_counts')
      .addColumn('series_id', 'text', (c) => c.notNull().references('surveillance_series.id').onDelete('cascade'))
      .addColumn('period', 'text', (c) => c.notNull()) // YYYY-MM-DD or ISO week YYYY-Www
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull()) // reports | upload | api
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('surveillance_counts_pk', ['series_id', 'period'])
      .execute();

    await db.schema
      .createTable('surveillance_alarms')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('series_id', 'text', (c) => c.notNull().references('surveillance_series.id').onDelete('cascade'))
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('observed', 'integer', (c) => c.notNull())
      .addColumn('upperbound', float, (c) => c.notNull())
      .addColumn('jurisdiction_code', 'text', (c) => c.notNull())
      .addColumn('jurisdiction_path', 'text', (c) => binaryText(dialect)(c.notNull()))
      .addColumn('indicator', 'text', (c) => c.notNull())
      .addColumn('signal_id', 'text', (c) => c.notNull())
      .addColumn('cluster_id', 'text', (c) => c.notNull())
      .addColumn('raised_at', 'text', (c) => c.notNull())
      // One alarm per series and period, whichever methods fired: one signal for the triage queue.
      .addUniqueConstraint('surveillance_alarms_one', ['series_id', 'period'])
      .execute();
    await db.schema.createIndex('surveillance_alarms_scope').on('surveillance_alarms').columns(['jurisdiction_path', 'raised_at']).execute();
  },
};
