import type { PortableMigration } from './portable.js';

/** Migration 0007-command-orders: orders cascading down the hierarchy with acknowledgement, completion and escalation. */
export const commandOrders: PortableMigration = {
  async up() {
    // Tables are added by the room that owns this migration.
  },
};
