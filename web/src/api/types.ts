/** Shapes of the Seamless API as the browser sees them (see the server's schema.ts files). */

export interface Grant {
  id: string;
  role: string;
  jurisdictionCode: string;
  jurisdictionName: string;
  department: string | null;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  locale: string;
  homeJurisdictionCode: string;
  isActive: boolean;
  /** Set after an administrator reset the password: the user should choose a new one. */
  mustChangePassword?: boolean;
  grants: Grant[];
}

export interface Meta {
  version: string;
  mapTileUrl: string | null;
  roles: string[];
  departmentTypes: string[];
}

export interface PathEntry {
  code: string;
  nameZh: string;
  nameEn: string | null;
  level: string;
}

export interface JurisdictionSummary {
  code: string;
  shortCode: string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string | null;
  level: string;
  depth: number;
  population: number | null;
  centroid: [number, number] | null;
  hasBoundary: boolean;
  childCount: number;
  status: string;
}

export interface Jurisdiction extends JurisdictionSummary {
  path: PathEntry[];
}

export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

export interface ApiToken {
  id: string;
  name: string;
  kind: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface IssuedToken {
  id: string;
  name: string;
  token: string;
}

export interface Organisation {
  id: string;
  kind: string;
  departmentType: string | null;
  nameZh: string;
  nameEn: string | null;
  jurisdictionCode: string;
  jurisdictionName: string;
  phone?: string;
  email?: string;
  address?: string;
}

export interface Person {
  id: string;
  kind: string;
  fullName: string;
  organisationId: string | null;
  organisationName: string | null;
  jurisdictionCode: string;
  title: string | null;
  skills: string[];
  phone?: string;
  email?: string;
}
