import type { Kysely } from 'kysely';
import { binaryText, floatType, type MigrationDialect, type PortableMigration } from './portable.js';

/** Migration 0005-notifications: the shared notification service: channels, deliveries, subscriptions, inbox. */
export const notifications: PortableMigration = {
  async up(db: Kysely<unknown>, dialect: MigrationDialect) {
    const float = floatType(dialect);

    // The durable delivery queue: one row per (channel, address, message); it is the receipt too.
    await db.schema
      .createTable('notification_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('channel', 'text', (c) => c.notNull()) // in_app | email | sms | webhook
      .addColumn('address', 'text', (c) => c.notNull()) // user id, e-mail, phone, webhook id
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('ref_type', 'text')
      .addColumn('ref_id', 'text')
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('link', 'text')
      // Channel-specific extras (the CAP XML and its URL for alerts, the other language for in-app).
      .addColumn('payload_json', 'text', (c) => c.notNull())
      .addColumn('subscription_id', 'text')
      // Same key → enqueued once (a reminder job re-run, two subscriptions of one address).
      .addColumn('dedupe_key', 'text', (c) => c.unique())
      .addColumn('state', 'text', (c) => c.notNull()) // queued | sending | delivered | failed | dead
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('locked_until', 'text')
      .addColumn('last_error', 'text')
      .addColumn('last_response_code', 'text')
      .addColumn('provider_id', 'text')
      .addColumn('jurisdiction_code', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('first_attempt_at', 'text')
      .addColumn('last_attempt_at', 'text')
      .addColumn('delivered_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('notification_deliveries_due').on('notification_deliveries').columns(['channel', 'state', 'next_attempt_at']).execute();
    await db.schema.createIndex('notification_deliveries_ref').on('notification_deliveries').columns(['ref_type', 'ref_id', 'channel', 'state']).execute();
    await db.schema.createIndex('notification_deliveries_state').on('notification_deliveries').columns(['state', 'id']).execute();

    // The in-app inbox; one row per in-app delivery, written by the dispatcher with the SSE event.
    await db.schema
      .createTable('notification_inbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('delivery_id', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('subject_zh', 'text', (c) => c.notNull())
      .addColumn('subject_en', 'text', (c) => c.notNull())
      .addColumn('body_zh', 'text', (c) => c.notNull())
      .addColumn('body_en', 'text', (c) => c.notNull())
      .addColumn('link', 'text')
      .addColumn('ref_type', 'text')
      .addColumn('ref_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text')
      .execute();
    await db.schema.createIndex('notification_inbox_user').on('notification_inbox').columns(['user_id', 'id']).execute();

    // Registered systems that receive signed JSON POSTs.
    await db.schema
      .createTable('notification_webhooks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('categories_json', 'text', (c) => c.notNull())
      .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    // Alert subscriptions: an area (point+radius, polygon or jurisdiction code) and filters.
    await db.schema
      .createTable('notification_subscriptions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('owner_user_id', 'text') // null for public (e-mail/phone) subscriptions
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('min_colour', 'text', (c) => c.notNull())
      .addColumn('categories_json', 'text', (c) => c.notNull()) // [] = every category
      .addColumn('area_kind', 'text', (c) => c.notNull()) // point | polygon | jurisdiction
      .addColumn('lat', float)
      .addColumn('lon', float)
      .addColumn('radius_km', float)
      .addColumn('polygon_json', 'text') // closed ring of [lat, lon]
      .addColumn('min_lat', float)
      .addColumn('min_lon', float)
      .addColumn('max_lat', float)
      .addColumn('max_lon', float)
      .addColumn('jurisdiction_code', 'text', (c) => binaryText(dialect)(c))
      .addColumn('is_confirmed', 'integer', (c) => c.notNull())
      .addColumn('confirm_token_hash', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('notification_subscriptions_owner').on('notification_subscriptions').columns(['owner_user_id', 'id']).execute();
    await db.schema.createIndex('notification_subscriptions_code').on('notification_subscriptions').columns(['jurisdiction_code']).execute();
    await db.schema.createIndex('notification_subscriptions_token').on('notification_subscriptions').columns(['confirm_token_hash']).execute();

    // One row: bumped by every subscription change, so each process knows when its spatial index is stale.
    await db.schema
      .createTable('notification_subscription_revision')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .execute();
    await db.insertInto('notification_subscription_revision' as never).values({ id: 1, revision: 0 } as never).execute();

    // Personal contact addresses a user opts in to, for e-mail/SMS copies of their notifications.
    await db.schema
      .createTable('notification_contacts')
      .addColumn('user_id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('email_enabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('sms_enabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
