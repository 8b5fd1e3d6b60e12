import type { PortableMigration } from './portable.js';

/** Migration 0004-warnings: CAP 1.2 warnings: drafting, approval, publication, CAP XML import/export. */
export const warnings: PortableMigration = {
  async up() {
    // Tables are added by the room that owns this migration.
  },
};
