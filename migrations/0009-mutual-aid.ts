import type { Kysely } from 'kysely';
import { binaryText, floatType, type PortableMigration } from './portable.js';

/** Migration 0009-mutual-aid: pairing assistance and EDXL-RM mutual-aid requests between regions. */
export const mutualAid: PortableMigration = {
  async up(db: Kysely<unknown>, dialect) {
    const float = floatType(dialect);

    await db.schema
      .createTable('mutual_aid_pairings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('supporter_code', 'text', (c) => c.notNull())
      .addColumn('supporter_path', 'text', (c) => binaryText(dialect)(c.notNull()))
      .addColumn('supported_code', 'text', (c) => c.notNull())
      .addColumn('supported_path', 'text', (c) => binaryText(dialect)(c.notNull()))
      .addColumn('valid_from', 'text', (c) => c.notNull()) // YYYY-MM-DD
      .addColumn('valid_to', 'text') // YYYY-MM-DD, inclusive; null while open-ended
      .addColumn('supports_json', 'text', (c) => c.notNull()) // JSON array of support kinds
      .addColumn('status', 'text', (c) => c.notNull()) // proposed | active | ended | cancelled
      .addColumn('source', 'text')
      .addColumn('notes', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('mutual_aid_pairings_one', ['supporter_code', 'supported_code', 'valid_from'])
      .execute();
    await db.schema.createIndex('mutual_aid_pairings_supported').on('mutual_aid_pairings').columns(['supported_path']).execute();
    await db.schema.createIndex('mutual_aid_pairings_supporter').on('mutual_aid_pairings').columns(['supporter_path']).execute();

    await db.schema
      .createTable('mutual_aid_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('requester_code', 'text', (c) => c.notNull())
      .addColumn('requester_path', 'text', (c) => binaryText(dialect)(c.notNull()))
      .addColumn('incident_id', 'text')
      .addColumn('resource_kind', 'text', (c) => c.notNull()) // personnel | team | equipment | supply | facility
      .addColumn('resource_type', 'integer') // NIMS type 1–4 (1 = most capable); null when untyped
      .addColumn('resource_name', 'text', (c) => c.notNull())
      .addColumn('quantity', float, (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('committed_quantity', float, (c) => c.notNull().defaultTo(0))
      .addColumn('needed_by', 'text', (c) => c.notNull())
      .addColumn('deliver_to', 'text', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('status', 'text', (c) => c.notNull()) // open | fulfilled | closed | cancelled
      // The MessageID of the RequestResource message that opened it (ours or an imported one).
      .addColumn('message_id', 'text', (c) => c.notNull().unique())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('mutual_aid_requests_scope').on('mutual_aid_requests').columns(['requester_path', 'id']).execute();
    await db.schema.createIndex('mutual_aid_requests_status').on('mutual_aid_requests').columns(['status', 'id']).execute();

    await db.schema
      .createTable('mutual_aid_offers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) => c.notNull().references('mutual_aid_requests.id'))
      .addColumn('offerer_code', 'text', (c) => c.notNull())
      .addColumn('offerer_path', 'text', (c) => binaryText(dialect)(c.notNull()))
      .addColumn('quantity', float, (c) => c.notNull())
      .addColumn('committed_quantity', float, (c) => c.notNull().defaultTo(0))
      .addColumn('unit_cost', float)
      .addColumn('currency', 'text')
      .addColumn('eta', 'text')
      .addColumn('notes', 'text')
      .addColumn('status', 'text', (c) => c.notNull()) // offered | committed | dispatched | arrived | released | returned | declined | withdrawn | cancelled
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('mutual_aid_offers_request').on('mutual_aid_offers').columns(['request_id', 'id']).execute();

    // Every lifecycle step as the EDXL-RM message it corresponds to, in order: the export reads these.
    await db.schema
      .createTable('mutual_aid_messages')
      .addColumn('id', 'text', (c) => c.primaryKey()) // EDXL-RM MessageID
      .addColumn('request_id', 'text', (c) => c.notNull().references('mutual_aid_requests.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('message_type', 'text', (c) => c.notNull())
      .addColumn('offer_id', 'text')
      .addColumn('sent_at', 'text', (c) => c.notNull())
      .addColumn('sender_code', 'text', (c) => c.notNull())
      .addColumn('body_json', 'text', (c) => c.notNull())
      .addUniqueConstraint('mutual_aid_messages_order', ['request_id', 'seq'])
      .execute();
  },
};
