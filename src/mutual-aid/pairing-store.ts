import type { Db, Tx } from '../platform/db/database.js';
import type { MutualAidPairingsTable } from '../platform/db/tables/mutual-aid.js';
import type { Pairing, PairingStatus } from './pairing-model.js';
import type { SupportKind } from './resource-types.js';

type Executor = Db | Tx;

/** Range bounds of a subtree on the binary-collated path columns ("~" sorts after every code character). */
function subtree(path: string): readonly [string, string] {
  return [path, `${path}~`];
}

function toPairing(row: MutualAidPairingsTable): Pairing {
  return {
    id: row.id,
    supporterCode: row.supporter_code,
    supporterPath: row.supporter_path,
    supportedCode: row.supported_code,
    supportedPath: row.supported_path,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    supports: JSON.parse(row.supports_json) as SupportKind[],
    status: row.status as PairingStatus,
    source: row.source,
    notes: row.notes,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function columns(pairing: Pairing) {
  return {
    supporter_code: pairing.supporterCode,
    supporter_path: pairing.supporterPath,
    supported_code: pairing.supportedCode,
    supported_path: pairing.supportedPath,
    valid_from: pairing.validFrom,
    valid_to: pairing.validTo,
    supports_json: JSON.stringify(pairing.supports),
    status: pairing.status,
    source: pairing.source,
    notes: pairing.notes,
    updated_at: pairing.updatedAt,
  };
}

export async function insertPairing(tx: Tx, pairing: Pairing): Promise<void> {
  await tx.insertInto('mutual_aid_pairings').values({ id: pairing.id, ...columns(pairing), created_by: pairing.createdBy, created_at: pairing.createdAt }).execute();
}

export async function updatePairing(tx: Tx, pairing: Pairing): Promise<void> {
  await tx.updateTable('mutual_aid_pairings').set(columns(pairing)).where('id', '=', pairing.id).execute();
}

export async function deletePairing(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('mutual_aid_pairings').where('id', '=', id).execute();
}

export async function findPairing(db: Executor, id: string): Promise<Pairing | undefined> {
  const row = await db.selectFrom('mutual_aid_pairings').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toPairing(row);
}

export async function findPairingByTerms(db: Executor, supporterCode: string, supportedCode: string, validFrom: string): Promise<Pairing | undefined> {
  const row = await db
    .selectFrom('mutual_aid_pairings')
    .selectAll()
    .where('supporter_code', '=', supporterCode)
    .where('supported_code', '=', supportedCode)
    .where('valid_from', '=', validFrom)
    .executeTakeFirst();
  return row === undefined ? undefined : toPairing(row);
}

export interface PairingFilter {
  /** Pairings whose supporter or supported region lies in one of these subtrees; 'all' for system actors. */
  readonly scopes: readonly string[] | 'all';
  readonly statuses?: readonly PairingStatus[] | undefined;
  /** Keyset paging in id order. */
  readonly afterId?: string | undefined;
  readonly limit: number;
}

export async function listPairings(db: Executor, filter: PairingFilter): Promise<Pairing[]> {
  const scopes = filter.scopes;
  if (scopes !== 'all' && scopes.length === 0) return [];
  let query = db.selectFrom('mutual_aid_pairings').selectAll();
  if (scopes !== 'all') {
    query = query.where((eb) =>
      eb.or(
        scopes.flatMap((path) => {
          const [low, high] = subtree(path);
          return [
            eb.and([eb('supported_path', '>=', low), eb('supported_path', '<', high)]),
            eb.and([eb('supporter_path', '>=', low), eb('supporter_path', '<', high)]),
          ];
        }),
      ),
    );
  }
  if (filter.statuses !== undefined && filter.statuses.length > 0) query = query.where('status', 'in', filter.statuses);
  if (filter.afterId !== undefined) query = query.where('id', '>', filter.afterId);
  const rows = await query.orderBy('id').limit(filter.limit).execute();
  return rows.map(toPairing);
}

/** Active pairings whose supporting region lies in one of the subtrees (for the access predicate). */
export async function listActivePairingsOfSupporters(db: Executor, supporterPaths: readonly string[]): Promise<Pairing[]> {
  if (supporterPaths.length === 0) return [];
  const rows = await db
    .selectFrom('mutual_aid_pairings')
    .selectAll()
    .where('status', '=', 'active')
    .where((eb) => eb.or(supporterPaths.map((path) => eb.and([eb('supporter_path', '>=', subtree(path)[0]), eb('supporter_path', '<', subtree(path)[1])]))))
    .execute();
  return rows.map(toPairing);
}
