/** Row types of migration 0009-mutual-aid (pairing assistance and EDXL-RM mutual-aid requests between regions). */
export type MutualAidTables = Record<never, never>;
