import type { UserWithGrants } from './service.js';
import type { AuthToken } from './model.js';
import type { UserBody } from './schema.js';

export function presentUser(user: UserWithGrants): UserBody {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    locale: user.locale,
    homeJurisdictionCode: user.homeJurisdictionCode,
    isActive: user.isActive,
    mustChangePassword: user.mustChangePassword,
    createdAt: user.createdAt,
    grants: user.grants.map((g) => ({
      id: g.id,
      role: g.role,
      jurisdictionCode: g.jurisdictionCode,
      jurisdictionName: g.jurisdictionName,
      department: g.department ?? null,
    })),
  };
}

export function presentToken(token: AuthToken) {
  return {
    id: token.id,
    name: token.name,
    kind: token.kind,
    createdAt: token.createdAt,
    expiresAt: token.expiresAt,
    lastUsedAt: token.lastUsedAt,
    revokedAt: token.revokedAt,
  };
}

export const USER_CSV_COLUMNS = [
  { header: 'id', value: (u: UserBody) => u.id },
  { header: 'username', value: (u: UserBody) => u.username },
  { header: 'display_name', value: (u: UserBody) => u.displayName },
  { header: 'home_jurisdiction_code', value: (u: UserBody) => u.homeJurisdictionCode },
  { header: 'is_active', value: (u: UserBody) => u.isActive },
  { header: 'roles', value: (u: UserBody) => u.grants.map((g) => `${g.role}@${g.jurisdictionCode}${g.department ? `/${g.department}` : ''}`) },
];
