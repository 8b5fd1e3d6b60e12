import type { PortableMigration } from './portable.js';

/** Migration 0006-public-information: risk-area designations, situation bulletins, shelters for the public portal. */
export const publicInformation: PortableMigration = {
  async up() {
    // Tables are added by the room that owns this migration.
  },
};
