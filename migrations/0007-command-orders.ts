import type { Kysely } from 'kysely';
import { binaryText, type MigrationDialect, type PortableMigration } from './portable.js';

/**
 * Migration 0007-command-orders: orders cascading down the hierarchy with acknowledgement,
 * completion and escalation. Recipients keep the code and path they had at issue time, so a unit
 * moved or merged during an order keeps its history; `order_rollups` holds one counter row per
 * (order, node on a recipient's path, recipient level), updated in the acknowledging transaction.
 */
export const commandOrders: PortableMigration = {
  async up(db: Kysely<unknown>, dialect: MigrationDialect) {
    const path = binaryText(dialect);

    await db.schema
      .createTable('orders')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('number', 'text', (c) => c.notNull().unique()) // ORD-<year>-<sequence>
      .addColumn('issuer_code', 'text', (c) => c.notNull())
      .addColumn('issuer_path', 'text', (c) => path(c.notNull()))
      .addColumn('title_zh', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text')
      .addColumn('body_zh', 'text', (c) => c.notNull())
      .addColumn('body_en', 'text')
      .addColumn('actions_json', 'text', (c) => c.notNull()) // required actions: [{zh, en}]
      .addColumn('evidence_json', 'text', (c) => c.notNull()) // evidence required: [{zh, en}]
      .addColumn('target_json', 'text', (c) => c.notNull()) // {kind, rootCode, level?, codes?}
      .addColumn('cascade', 'text', (c) => c.notNull()) // manual | automatic
      .addColumn('deadlines_json', 'text', (c) => c.notNull()) // {level: {acknowledgeBy, completeBy}}
      .addColumn('max_intensity', 'text', (c) => c.notNull())
      .addColumn('incident_id', 'text')
      .addColumn('incident_level', 'text')
      .addColumn('escalation_grace_minutes', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()) // active | withdrawn
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('recipient_count', 'integer', (c) => c.notNull())
      .addColumn('issued_by', 'text', (c) => c.notNull())
      .addColumn('issued_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('orders_issuer').on('orders').columns(['issuer_path', 'id']).execute();

    await db.schema
      .createTable('order_revisions')
      .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull()) // issued | amended | withdrawn
      .addColumn('note', 'text')
      .addColumn('changes_json', 'text', (c) => c.notNull())
      .addColumn('by_user', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('order_revisions_pk', ['order_id', 'revision'])
      .execute();

    await db.schema
      .createTable('order_recipients')
      .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
      .addColumn('unit_code', 'text', (c) => c.notNull())
      // Path, parent and level at issue time: moves and merges later do not rewrite history.
      .addColumn('unit_path', 'text', (c) => path(c.notNull()))
      .addColumn('parent_code', 'text')
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('depth', 'integer', (c) => c.notNull())
      .addColumn('received_at', 'text')
      .addColumn('ack_revision', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('acknowledged_at', 'text')
      .addColumn('acknowledged_by', 'text')
      .addColumn('forwarded_at', 'text')
      .addColumn('completed_at', 'text')
      .addColumn('completed_by', 'text')
      .addColumn('evidence_json', 'text')
      .addColumn('ack_due_at', 'text', (c) => c.notNull())
      .addColumn('complete_due_at', 'text', (c) => c.notNull())
      // 0 none, 1 the unit was reminded, 2 its parent level was told; per revision for acks.
      .addColumn('ack_escalation', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('ack_escalated_at', 'text')
      .addColumn('complete_escalation', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('complete_escalated_at', 'text')
      .addPrimaryKeyConstraint('order_recipients_pk', ['order_id', 'unit_code'])
      .execute();
    await db.schema.createIndex('order_recipients_path').on('order_recipients').columns(['order_id', 'unit_path']).execute();
    await db.schema.createIndex('order_recipients_parent').on('order_recipients').columns(['order_id', 'parent_code']).execute();
    await db.schema.createIndex('order_recipients_ack_due').on('order_recipients').columns(['ack_due_at']).execute();
    await db.schema.createIndex('order_recipients_complete_due').on('order_recipients').columns(['complete_due_at']).execute();

    await db.schema
      .createTable('order_rollups')
      .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
      .addColumn('node_code', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull()) // level of the counted recipients
      .addColumn('node_parent_code', 'text')
      .addColumn('node_path', 'text', (c) => path(c.notNull()))
      .addColumn('node_depth', 'integer', (c) => c.notNull())
      .addColumn('targeted', 'integer', (c) => c.notNull())
      .addColumn('received', 'integer', (c) => c.notNull())
      .addColumn('acknowledged', 'integer', (c) => c.notNull())
      .addColumn('completed', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('order_rollups_pk', ['order_id', 'node_code', 'level'])
      .execute();
    // Built bottom-up one depth at a time when an order is issued.
    await db.schema.createIndex('order_rollups_depth').on('order_rollups').columns(['order_id', 'node_depth']).execute();
    await db.schema.createIndex('order_rollups_parent').on('order_rollups').columns(['order_id', 'node_parent_code', 'node_code']).execute();

    await db.schema
      .createTable('order_instructions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
      .addColumn('unit_code', 'text', (c) => c.notNull())
      .addColumn('unit_path', 'text', (c) => path(c.notNull()))
      .addColumn('text_zh', 'text', (c) => c.notNull())
      .addColumn('text_en', 'text')
      .addColumn('intensity', 'text', (c) => c.notNull())
      .addColumn('allowed_intensity', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()) // in_force | under_review | revoked
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('order_instructions_order').on('order_instructions').columns(['order_id', 'unit_path']).execute();

    await db.schema
      .createTable('order_flags')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
      .addColumn('instruction_id', 'text', (c) => c.notNull().unique().references('order_instructions.id'))
      .addColumn('unit_code', 'text', (c) => c.notNull())
      .addColumn('intensity', 'text', (c) => c.notNull())
      .addColumn('allowed_intensity', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()) // open | upheld | revoked
      .addColumn('resolution_note', 'text')
      .addColumn('resolved_by', 'text')
      .addColumn('resolved_at', 'text')
      .addColumn('raised_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('order_flags_order').on('order_flags').columns(['order_id', 'status', 'raised_at']).execute();
  },
};
