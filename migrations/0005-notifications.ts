import type { PortableMigration } from './portable.js';

/** Migration 0005-notifications: the shared notification service: channels, deliveries, subscriptions, inbox. */
export const notifications: PortableMigration = {
  async up() {
    // Tables are added by the room that owns this migration.
  },
};
