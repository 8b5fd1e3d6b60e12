/** Row types of migration 0004-warnings (CAP 1.2 warnings: drafting, approval, publication, CAP XML import/export). */
export type WarningsTables = Record<never, never>;
