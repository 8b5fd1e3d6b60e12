// Kept in step with ORGANISATION_KINDS and PERSON_KINDS in src/directory/model.ts (server code,
// not bundled into the browser app).
export const ORGANISATION_KINDS = ['government_department', 'enterprise', 'ngo', 'volunteer_team', 'hospital', 'other'] as const;
export const PERSON_KINDS = ['staff', 'expert', 'volunteer', 'grid_worker'] as const;
