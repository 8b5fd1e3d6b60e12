import type { RoleGrant } from '../core/actor.js';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { isWithinPath } from '../core/jurisdiction-code.js';
import { withUnitOfWork, type ServiceContext } from '../platform/context.js';
import type { IdempotentResult } from '../platform/idempotency.js';
import { loadJurisdiction } from '../jurisdictions/service.js';
import { allowedPairingMoves, checkPairingTerms, pairingSnapshot, type Pairing, type PairingStatus } from './pairing-model.js';
import { canManagePairing, canViewPairing } from './policy.js';
import { checkOptionalText } from './request-model.js';
import { resolveUnit, runOnce } from './request-service.js';
import * as store from './pairing-store.js';

export type { Pairing } from './pairing-model.js';

const TEXT_MAX = { source: 500, notes: 4000 } as const;

export interface CreatePairingProps {
  readonly supporterCode: string;
  readonly supportedCode: string;
  readonly validFrom: string;
  readonly validTo?: string | null | undefined;
  readonly supports: readonly string[];
  /** Default `active`; suggestions become `proposed` pairings until decided. */
  readonly status?: 'proposed' | 'active' | undefined;
  readonly source?: string | null | undefined;
  readonly notes?: string | null | undefined;
  readonly idempotencyKey?: string | undefined;
}

/** Pairs a supporting region with a supported one (commanders and admins over both). */
export async function createPairing(ctx: ServiceContext, props: CreatePairingProps): Promise<IdempotentResult<Pairing>> {
  const validTo = props.validTo ?? null;
  const { supports } = checkPairingTerms({ validFrom: props.validFrom, validTo, supports: props.supports });
  const source = checkOptionalText(props.source, 'source', TEXT_MAX.source);
  const notes = checkOptionalText(props.notes, 'notes', TEXT_MAX.notes);
  const supporter = await resolveUnit(ctx, props.supporterCode, 'supporterCode');
  const supported = await resolveUnit(ctx, props.supportedCode, 'supportedCode');
  if (!canManagePairing(ctx.actor, supporter.path, supported.path)) throw new ForbiddenError(`supportedCode: pairing ${supporter.code} with ${supported.code} needs a commander or an admin over both`);
  if (isWithinPath(supporter.path, supported.path) || isWithinPath(supported.path, supporter.path)) {
    throw InvalidInputError.forField('supportedCode', `${supported.code} and ${supporter.code} are on one line of the hierarchy: a pairing joins two different regions`);
  }
  const { idempotencyKey: _key, ...asked } = props;
  return runOnce(ctx, { scope: 'mutual-aid-pairing', key: props.idempotencyKey, request: asked, statusCode: 201 }, async (work) => {
    if ((await store.findPairingByTerms(work.tx, supporter.code, supported.code, props.validFrom)) !== undefined) {
      throw new ConflictError(`validFrom: ${supporter.code} already supports ${supported.code} from ${props.validFrom}`);
    }
    const at = work.now.toISOString();
    const pairing: Pairing = {
      id: newId(work.now.getTime()),
      supporterCode: supporter.code,
      supporterPath: supporter.path,
      supportedCode: supported.code,
      supportedPath: supported.path,
      validFrom: props.validFrom,
      validTo,
      supports,
      status: props.status ?? 'active',
      source,
      notes,
      createdBy: ctx.actor.id,
      createdAt: at,
      updatedAt: at,
    };
    await store.insertPairing(work.tx, pairing);
    await work.audit({ action: 'mutual_aid.pairing_create', targetType: 'mutual_aid_pairing', targetId: pairing.id, jurisdictionCode: supported.code, after: pairingSnapshot(pairing) });
    await work.emit({ type: 'mutual_aid.pairing_created', jurisdictionPath: supported.path, payload: { id: pairing.id, supporterCode: supporter.code, supportedCode: supported.code } });
    return pairing;
  });
}

async function loadPairing(db: ServiceContext['db'], id: string): Promise<Pairing> {
  const pairing = await store.findPairing(db, id);
  if (pairing === undefined) throw new NotFoundError(`id: no pairing ${id}`);
  return pairing;
}

export async function getPairing(ctx: ServiceContext, id: string): Promise<Pairing> {
  const pairing = await loadPairing(ctx.db, id);
  if (!canViewPairing(ctx.actor, pairing.supporterPath, pairing.supportedPath)) throw new ForbiddenError(`id: pairing ${id} is outside your jurisdiction`);
  return pairing;
}

export interface PairingChanges {
  readonly validTo?: string | null | undefined;
  readonly supports?: readonly string[] | undefined;
  readonly status?: PairingStatus | undefined;
  readonly notes?: string | null | undefined;
}

/** Changes the end date, what is supported, the notes or the status (along proposed → active → ended; → cancelled). */
export async function updatePairing(ctx: ServiceContext, props: { id: string; changes: PairingChanges }): Promise<Pairing> {
  const c = props.changes;
  return withUnitOfWork(ctx, async (work) => {
    const before = await store.findPairing(work.tx, props.id);
    if (before === undefined) throw new NotFoundError(`id: no pairing ${props.id}`);
    if (!canManagePairing(ctx.actor, before.supporterPath, before.supportedPath)) throw new ForbiddenError(`id: changing pairing ${props.id} needs a commander or an admin over both regions`);
    const validTo = c.validTo === undefined ? before.validTo : c.validTo;
    const { supports } = checkPairingTerms({ validFrom: before.validFrom, validTo, supports: c.supports ?? before.supports });
    const status = c.status ?? before.status;
    if (status !== before.status && !allowedPairingMoves(before.status).includes(status)) {
      throw new ConflictError(`status: a pairing cannot move from ${before.status} to ${status}; allowed: ${allowedPairingMoves(before.status).join(', ') || 'none'}`);
    }
    const notes = c.notes === undefined ? before.notes : checkOptionalText(c.notes, 'notes', TEXT_MAX.notes);
    const after: Pairing = { ...before, validTo, supports, status, notes, updatedAt: work.now.toISOString() };
    await store.updatePairing(work.tx, after);
    await work.audit({ action: 'mutual_aid.pairing_update', targetType: 'mutual_aid_pairing', targetId: after.id, jurisdictionCode: after.supportedCode, before: pairingSnapshot(before), after: pairingSnapshot(after) });
    await work.emit({ type: 'mutual_aid.pairing_updated', jurisdictionPath: after.supportedPath, payload: { id: after.id, status: after.status } });
    return after;
  });
}

/** Deletes a pairing entered by mistake; pairings that were in force are ended or cancelled instead, to keep their history. */
export async function deletePairing(ctx: ServiceContext, id: string): Promise<void> {
  await withUnitOfWork(ctx, async (work) => {
    const before = await store.findPairing(work.tx, id);
    if (before === undefined) throw new NotFoundError(`id: no pairing ${id}`);
    if (!canManagePairing(ctx.actor, before.supporterPath, before.supportedPath)) throw new ForbiddenError(`id: deleting pairing ${id} needs a commander or an admin over both regions`);
    if (before.status !== 'proposed') throw new ConflictError(`status: only proposed pairings are deleted; end or cancel an ${before.status} one`);
    await store.deletePairing(work.tx, id);
    await work.audit({ action: 'mutual_aid.pairing_delete', targetType: 'mutual_aid_pairing', targetId: id, jurisdictionCode: before.supportedCode, before: pairingSnapshot(before) });
  });
}

/** Pairings where either side lies in the actor's scope (or in `within`, which the actor must see), in id order. */
export async function listPairings(ctx: ServiceContext, query: { within?: string | undefined; status?: readonly PairingStatus[] | undefined; limit: number; cursor?: string | undefined }): Promise<{ items: Pairing[]; nextCursor: string | null }> {
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > 5000) throw InvalidInputError.forField('limit', 'must be a whole number from 1 to 5000');
  let scopes: readonly string[] | 'all';
  if (query.within !== undefined && query.within.trim() !== '') {
    const unit = await loadJurisdiction(ctx, query.within, 'within');
    if (!canViewPairing(ctx.actor, unit.path, unit.path)) throw new ForbiddenError(`within: ${unit.code} is outside your jurisdiction`);
    scopes = [unit.path];
  } else {
    scopes = ctx.actor.kind === 'system' ? 'all' : [...new Set(ctx.actor.grants.map((g) => g.jurisdictionPath))];
  }
  const rows = await store.listPairings(ctx.db, { scopes, statuses: query.status, afterId: query.cursor, limit: query.limit + 1 });
  const items = rows.slice(0, query.limit);
  return { items, nextCursor: rows.length > query.limit ? items[items.length - 1]!.id : null };
}

/**
 * The active pairings whose supporting region one of these grants covers: what other rooms pass
 * to `isPairedSupporter` (pairing-model.ts) to let a supporter's officers into the supported
 * region's data.
 */
export async function pairingsSupporting(ctx: Pick<ServiceContext, 'db'>, grants: readonly RoleGrant[]): Promise<Pairing[]> {
  return store.listActivePairingsOfSupporters(ctx.db, [...new Set(grants.map((g) => g.jurisdictionPath))]);
}
