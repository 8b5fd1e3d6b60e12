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

/** Roles that read the triage queue (src/signals/policy.ts QUEUE_READERS). */
const QUEUE_READERS = ['admin', 'commander', 'duty_officer', 'analyst', 'department_officer', 'expert'];
/** Roles that give verdicts on candidate events (src/signals/policy.ts TRIAGERS). */
const TRIAGERS = ['admin', 'commander', 'duty_officer'];

export function canReadQueue(user: User): boolean {
  return user.grants.some((grant) => QUEUE_READERS.includes(grant.role));
}

export function canTriage(user: User): boolean {
  return user.grants.some((grant) => TRIAGERS.includes(grant.role));
}

/** Roles that read count series and alarms (src/surveillance/policy.ts SURVEILLANCE_READERS). */
const SURVEILLANCE_READERS = ['admin', 'commander', 'duty_officer', 'department_officer', 'analyst'];
/** Roles that set a series' detection methods (src/surveillance/policy.ts). */
const SURVEILLANCE_CONFIGURERS = ['admin', 'duty_officer', 'analyst'];

export function canReadSurveillance(user: User): boolean {
  return user.grants.some((grant) => SURVEILLANCE_READERS.includes(grant.role));
}

export function canConfigureSurveillance(user: User): boolean {
  return user.grants.some((grant) => SURVEILLANCE_CONFIGURERS.includes(grant.role));
}

export const CAPABILITIES: readonly Capability[] = [
  { page: 'overview', labelKey: 'nav.overview', isAvailable: true, isAllowed: everyone },
  { page: 'report', labelKey: 'nav.report', isAvailable: true, isAllowed: everyone },
  { page: 'triage', labelKey: 'nav.triage', isAvailable: true, isAllowed: canReadQueue },
  { page: 'surveillance', labelKey: 'nav.surveillance', isAvailable: true, isAllowed: canReadSurveillance },
  { page: 'incidents', labelKey: 'nav.incidents', isAvailable: true, isAllowed: everyone },
  { page: 'jurisdictions', labelKey: 'nav.jurisdictions', isAvailable: true, isAllowed: everyone },
  { page: 'directory', labelKey: 'nav.directory', isAvailable: true, isAllowed: everyone },
  { page: 'users', labelKey: 'nav.users', isAvailable: true, isAllowed: canManageUsers },
  { page: 'warnings', labelKey: 'nav.warnings', isAvailable: true, isAllowed: everyone },
  { page: 'information', labelKey: 'nav.information', isAvailable: true, isAllowed: everyone },
  { page: 'command', labelKey: 'nav.command', isAvailable: true, isAllowed: everyone },
  { page: 'tasks', labelKey: 'nav.tasks', isAvailable: true, isAllowed: everyone },
  { page: 'mutual-aid', labelKey: 'nav.mutualAid', isAvailable: true, isAllowed: everyone },
  { page: 'inbox', labelKey: 'nav.inbox', isAvailable: true, isAllowed: everyone },
  { page: 'resources', labelKey: 'nav.resources', isAvailable: false, isAllowed: everyone },
];
