import type { Kysely } from 'kysely';
import { binaryText, type MigrationDialect, type PortableMigration } from './portable.js';

/** Migration 0008-command-tasks: joint cross-department task boards per incident and liaison assignments. */
export const commandTasks: PortableMigration = {
  async up(db: Kysely<unknown>, dialect: MigrationDialect) {
    const path = binaryText(dialect);

    await db.schema
      .createTable('command_tasks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('incident_id', 'text', (c) => c.notNull())
      // The incident's path, copied so a board-wide scope check needs no join.
      .addColumn('incident_path', 'text', (c) => path(c.notNull()))
      .addColumn('title_zh', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text')
      .addColumn('description_zh', 'text')
      .addColumn('description_en', 'text')
      .addColumn('department', 'text') // DEPARTMENT_TYPES; null for an organisation without one
      .addColumn('organisation_id', 'text')
      .addColumn('organisation_name', 'text')
      // Where the assigned department (or organisation) sits: decides which officers see it.
      .addColumn('jurisdiction_code', 'text', (c) => c.notNull())
      .addColumn('jurisdiction_path', 'text', (c) => path(c.notNull()))
      .addColumn('owner_id', 'text')
      .addColumn('deadline', 'text')
      .addColumn('priority', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('blocked_reason', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      // 0 = not escalated, 1 = owner told it is overdue, 2 = department head told too.
      .addColumn('escalation_stage', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('overdue_since', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('completed_at', 'text')
      .execute();
    await db.schema.createIndex('command_tasks_board').on('command_tasks').columns(['incident_id', 'id']).execute();
    await db.schema.createIndex('command_tasks_scope').on('command_tasks').columns(['jurisdiction_path', 'department']).execute();
    await db.schema.createIndex('command_tasks_incident_scope').on('command_tasks').column('incident_path').execute();
    await db.schema.createIndex('command_tasks_deadline').on('command_tasks').columns(['status', 'deadline']).execute();

    await db.schema
      .createTable('command_task_dependencies')
      .addColumn('task_id', 'text', (c) => c.notNull().references('command_tasks.id').onDelete('cascade'))
      .addColumn('depends_on_id', 'text', (c) => c.notNull().references('command_tasks.id').onDelete('cascade'))
      .addColumn('incident_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('command_task_dependencies_pk', ['task_id', 'depends_on_id'])
      .execute();
    await db.schema.createIndex('command_task_dependencies_board').on('command_task_dependencies').column('incident_id').execute();
    // What waits for a task: read whenever one task is presented.
    await db.schema.createIndex('command_task_dependencies_reverse').on('command_task_dependencies').column('depends_on_id').execute();

    await db.schema
      .createTable('command_task_notes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('task_id', 'text', (c) => c.notNull().references('command_tasks.id').onDelete('cascade'))
      // note | status | assignment | escalation: progress notes and what happened to the task
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('command_task_notes_task').on('command_task_notes').columns(['task_id', 'id']).execute();

    await db.schema
      .createTable('command_liaisons')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('incident_id', 'text', (c) => c.notNull())
      .addColumn('incident_path', 'text', (c) => path(c.notNull()))
      // A department (of a jurisdiction and below) or one user.
      .addColumn('grantee_kind', 'text', (c) => c.notNull())
      .addColumn('department', 'text')
      .addColumn('jurisdiction_code', 'text')
      .addColumn('jurisdiction_path', 'text', (c) => path(c))
      .addColumn('user_id', 'text')
      .addColumn('reason', 'text')
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('granted_by', 'text', (c) => c.notNull())
      .addColumn('granted_by_name', 'text', (c) => c.notNull())
      .addColumn('granted_at', 'text', (c) => c.notNull())
      .addColumn('ended_at', 'text')
      .addColumn('ended_by', 'text')
      .execute();
    await db.schema.createIndex('command_liaisons_incident').on('command_liaisons').columns(['incident_id', 'ends_at']).execute();
    await db.schema.createIndex('command_liaisons_user').on('command_liaisons').columns(['user_id', 'ends_at']).execute();
    await db.schema.createIndex('command_liaisons_department').on('command_liaisons').columns(['department', 'ends_at']).execute();
  },
};
