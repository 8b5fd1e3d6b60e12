import type { RoleGrant } from '../core/actor.js';
import { InvalidInputError } from '../core/errors.js';
import { isWithinPath } from '../core/jurisdiction-code.js';
import type { Role } from '../core/roles.js';
import { isSupportKind, type SupportKind } from './resource-types.js';

/**
 * Pairing assistance (对口支援): a supporting region helps a supported region, many-to-many, for
 * a period. The 10 Feb 2020 National Health Commission pairing (DOMAIN.md §7) is the model case.
 */
export const PAIRING_STATUSES = ['proposed', 'active', 'ended', 'cancelled'] as const;
export type PairingStatus = (typeof PAIRING_STATUSES)[number];

export interface Pairing {
  readonly id: string;
  readonly supporterCode: string;
  readonly supporterPath: string;
  readonly supportedCode: string;
  readonly supportedPath: string;
  /** First day, YYYY-MM-DD. */
  readonly validFrom: string;
  /** Last day (inclusive), YYYY-MM-DD; null while open-ended. */
  readonly validTo: string | null;
  readonly supports: readonly SupportKind[];
  readonly status: PairingStatus;
  /** Where the pairing comes from (a decision, a document). */
  readonly source: string | null;
  readonly notes: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What the access predicate needs of a pairing. */
export type PairingScope = Pick<Pairing, 'supporterPath' | 'supportedPath' | 'validFrom' | 'validTo' | 'status'>;

/** proposed → active → ended; proposed or active → cancelled. */
const MOVES: Readonly<Record<PairingStatus, readonly PairingStatus[]>> = {
  proposed: ['active', 'cancelled'],
  active: ['ended', 'cancelled'],
  ended: [],
  cancelled: [],
};

export function allowedPairingMoves(from: PairingStatus): readonly PairingStatus[] {
  return MOVES[from];
}

export function isPairingStatus(value: string): value is PairingStatus {
  return (PAIRING_STATUSES as readonly string[]).includes(value);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function checkDay(value: string, field: string): string {
  if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw InvalidInputError.forField(field, `"${value}" is not a day (YYYY-MM-DD)`);
  }
  return value;
}

/** Dates in order and support kinds known and unique. */
export function checkPairingTerms(props: { validFrom: string; validTo: string | null; supports: readonly string[] }): { supports: SupportKind[] } {
  checkDay(props.validFrom, 'validFrom');
  if (props.validTo !== null) {
    checkDay(props.validTo, 'validTo');
    if (props.validTo < props.validFrom) throw InvalidInputError.forField('validTo', `must not be before validFrom (${props.validFrom})`);
  }
  if (props.supports.length === 0) throw InvalidInputError.forField('supports', 'name at least one kind of support');
  const supports: SupportKind[] = [];
  for (const [i, kind] of props.supports.entries()) {
    if (!isSupportKind(kind)) throw InvalidInputError.forField(`supports[${i}]`, `"${kind}" is not a known kind of support`);
    if (!supports.includes(kind)) supports.push(kind);
  }
  return { supports };
}

/** True when the pairing is in force on `day` (YYYY-MM-DD): active and within its dates. */
export function isInForce(pairing: PairingScope, day: string): boolean {
  return pairing.status === 'active' && pairing.validFrom <= day && (pairing.validTo === null || day <= pairing.validTo);
}

/** Roles of a supporting region whose officers the pairing lets into the supported region's data. */
export const PAIRED_SUPPORTER_ROLES: readonly Role[] = ['admin', 'commander', 'duty_officer', 'department_officer', 'analyst'];

/**
 * DESIGN.md "Security": an officer sees their own subtree only, "unless an assignment (pairing…)
 * grants it". True when one of the actor's officer grants covers the supporting region of a
 * pairing in force on `day` whose supported region contains `targetPath` (the materialised path
 * of the unit being accessed, e.g. "/000000000000/420000000000/420900000000/"). Pure: other rooms
 * load the pairings (pairing-service `pairingsSupporting`) and call this beside their own check.
 */
export function isPairedSupporter(actorGrants: readonly RoleGrant[], pairings: readonly PairingScope[], targetPath: string, day: string): boolean {
  return pairings.some(
    (pairing) =>
      isInForce(pairing, day) &&
      isWithinPath(pairing.supportedPath, targetPath) &&
      actorGrants.some((grant) => PAIRED_SUPPORTER_ROLES.includes(grant.role) && isWithinPath(grant.jurisdictionPath, pairing.supporterPath)),
  );
}

/** What the audit trail records of a pairing. */
export function pairingSnapshot(pairing: Pairing): Record<string, unknown> {
  return {
    supporterCode: pairing.supporterCode,
    supportedCode: pairing.supportedCode,
    validFrom: pairing.validFrom,
    validTo: pairing.validTo,
    supports: pairing.supports,
    status: pairing.status,
    source: pairing.source,
    notes: pairing.notes,
  };
}
