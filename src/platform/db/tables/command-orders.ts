/** Row types of migration 0007-command-orders (orders cascading down the hierarchy with acknowledgement, completion and escalation). */
export type CommandOrdersTables = Record<never, never>;
