/** Row types of migration 0006-public-information (risk-area designations, situation bulletins, shelters for the public portal). */
export type PublicInformationTables = Record<never, never>;
