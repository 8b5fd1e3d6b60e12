/** The roles a user can hold; each grant of a role is scoped to a jurisdiction subtree. */
export const ROLES = [
  'admin',
  'commander',
  'duty_officer',
  'analyst',
  'department_officer',
  'grid_worker',
  'volunteer',
  'expert',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Government department types; a role grant may be narrowed to one of them. */
export const DEPARTMENT_TYPES = [
  'emergency',
  'health',
  'economy_it',
  'commerce',
  'network',
  'public_security',
  'transport',
  'natural_resources',
  'water',
  'meteorology',
  'civil_affairs',
  'education',
  'housing',
  'agriculture',
  'fire_rescue',
  'other',
] as const;
export type DepartmentType = (typeof DEPARTMENT_TYPES)[number];
