import type { Kysely } from 'kysely';
import { addSequenceKey, binaryText, floatType, type MigrationDialect, type PortableMigration } from './portable.js';

/** Jurisdictions, accounts, audit, events, jobs and the directory. */
export const foundation: PortableMigration = {
  async up(db: Kysely<unknown>, dialect: MigrationDialect) {
    const float = floatType(dialect);
    await db.schema
      .createTable('jurisdictions')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('parent_code', 'text')
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text')
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => binaryText(dialect)(c.notNull()))
      .addColumn('depth', 'integer', (c) => c.notNull())
      .addColumn('population', 'integer')
      .addColumn('centroid_lon', float)
      .addColumn('centroid_lat', float)
      .addColumn('boundary', 'text')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
      .addColumn('merged_into', 'text')
      .addColumn('source', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('jurisdictions_path').on('jurisdictions').column('path').execute();
    await db.schema.createIndex('jurisdictions_parent').on('jurisdictions').columns(['parent_code', 'code']).execute();
    await db.schema.createIndex('jurisdictions_name').on('jurisdictions').column('name_zh').execute();

    await db.schema
      .createTable('jurisdiction_history')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('change_kind', 'text', (c) => c.notNull())
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text')
      .addColumn('parent_code', 'text')
      .addColumn('merged_into', 'text')
      .addColumn('valid_from', 'text', (c) => c.notNull())
      .addColumn('valid_to', 'text')
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('jurisdiction_history_code')
      .on('jurisdiction_history')
      .columns(['code', 'valid_from'])
      .execute();

    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('home_jurisdiction_code', 'text', (c) => c.notNull().references('jurisdictions.code'))
      .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-CN'))
      .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('role_grants')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('jurisdiction_code', 'text', (c) => c.notNull().references('jurisdictions.code'))
      .addColumn('department', 'text')
      .addColumn('granted_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('role_grants_user').on('role_grants').column('user_id').execute();

    await db.schema
      .createTable('auth_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('csrf_token', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text')
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema.createIndex('auth_tokens_user').on('auth_tokens').column('user_id').execute();

    await db.schema
      .createTable('login_failures')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username_key', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('login_failures_user').on('login_failures').columns(['username_key', 'at']).execute();
    await db.schema.createIndex('login_failures_address').on('login_failures').columns(['address', 'at']).execute();

    await addSequenceKey(db.schema.createTable('audit_log'), 'seq', dialect)
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_type', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('jurisdiction_code', 'text')
      .addColumn('before_json', 'text')
      .addColumn('after_json', 'text')
      .addColumn('request_id', 'text')
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_target').on('audit_log').columns(['target_type', 'target_id']).execute();

    await addSequenceKey(db.schema.createTable('events'), 'seq', dialect)
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('jurisdiction_path', 'text', (c) => binaryText(dialect)(c.notNull()))
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('run_at', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_attempts', 'integer', (c) => c.notNull())
      .addColumn('locked_until', 'text')
      .addColumn('last_error', 'text')
      .addColumn('singleton_key', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('jobs_due').on('jobs').columns(['state', 'run_at']).execute();

    await db.schema
      .createTable('organisations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('department_type', 'text')
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text')
      .addColumn('jurisdiction_code', 'text', (c) => c.notNull().references('jurisdictions.code'))
      .addColumn('parent_id', 'text')
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('address', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('organisations_jurisdiction').on('organisations').column('jurisdiction_code').execute();

    await db.schema
      .createTable('people')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('full_name', 'text', (c) => c.notNull())
      .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
      .addColumn('jurisdiction_code', 'text', (c) => c.notNull().references('jurisdictions.code'))
      .addColumn('title', 'text')
      .addColumn('skills', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('user_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('people_jurisdiction').on('people').column('jurisdiction_code').execute();
  },
};
