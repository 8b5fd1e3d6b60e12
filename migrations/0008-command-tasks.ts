import type { PortableMigration } from './portable.js';

/** Migration 0008-command-tasks: joint cross-department task boards per incident and liaison assignments. */
export const commandTasks: PortableMigration = {
  async up() {
    // Tables are added by the room that owns this migration.
  },
};
