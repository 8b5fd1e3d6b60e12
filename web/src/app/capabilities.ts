import type { User } from '../api/types.js';

/** A navigation entry; those without a page yet are shown greyed out. */
export interface Capability {
  page: string;
  labelKey: string;
  isAvailable: boolean;
  isAllowed: (user: User) => boolean;
}

const everyone = () => true;

/** Whether the user holds an admin grant anywhere: the server checks scope per request. */
export function canManageUsers(user: User): boolean {
  return user.grants.some((grant) => grant.role === 'admin');
}

export const CAPABILITIES: readonly Capability[] = [
  { page: 'overview', labelKey: 'nav.overview', isAvailable: true, isAllowed: everyone },
  { page: 'jurisdictions', labelKey: 'nav.jurisdictions', isAvailable: true, isAllowed: everyone },
  { page: 'directory', labelKey: 'nav.directory', isAvailable: true, isAllowed: everyone },
  { page: 'users', labelKey: 'nav.users', isAvailable: true, isAllowed: canManageUsers },
  { page: 'incidents', labelKey: 'nav.incidents', isAvailable: false, isAllowed: everyone },
  { page: 'warnings', labelKey: 'nav.warnings', isAvailable: false, isAllowed: everyone },
  { page: 'command', labelKey: 'nav.command', isAvailable: false, isAllowed: everyone },
  { page: 'resources', labelKey: 'nav.resources', isAvailable: false, isAllowed: everyone },
];
