// Kept in step with EVENT_TYPES, SEVERITY_LEVELS and INCIDENT_STATUSES in
// src/core/incident-types.ts (server code, not bundled into the browser app).
export const EVENT_TYPES = [
  'disease_case',
  'disease_cluster',
  'fire',
  'flood',
  'geological',
  'production_safety',
  'traffic',
  'public_order',
  'public_opinion',
  'other',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const DISEASE_CLASSES = ['A', 'B', 'C'] as const;
export const SEVERITY_LEVELS = ['I', 'II', 'III', 'IV'] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];
export const INCIDENT_STATUSES = ['reported', 'verified', 'responding', 'recovering', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export function isDiseaseType(type: string): boolean {
  return type === 'disease_case' || type === 'disease_cluster';
}

// Kept in step with PHOTO_MIME_TYPES, LIMITS and DECLARED_FIELDS in src/intake/model.ts.
export const PHOTO_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const PHOTOS_MAX = 3;
export const PHOTO_BYTES_MAX = 2 * 1024 * 1024;
export const DECLARED_FIELDS = ['doctor', 'nurse', 'engineer', 'teacher', 'pharmacist', 'veterinarian', 'other'] as const;
