import type { PortableMigration } from './portable.js';

/** Migration 0009-mutual-aid: pairing assistance and EDXL-RM mutual-aid requests between regions. */
export const mutualAid: PortableMigration = {
  async up() {
    // Tables are added by the room that owns this migration.
  },
};
