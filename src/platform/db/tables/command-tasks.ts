/** Row types of migration 0008-command-tasks (joint cross-department task boards per incident and liaison assignments). */
export type CommandTasksTables = Record<never, never>;
