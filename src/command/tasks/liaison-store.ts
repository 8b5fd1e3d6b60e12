import type { Db, Tx } from '../../platform/db/database.js';
import type { CommandLiaisonsTable } from '../../platform/db/tables/command-tasks.js';
import type { DepartmentType } from '../../core/roles.js';
import type { Liaison } from './liaison.js';

type Executor = Db | Tx;

// The SQL of liaison assignments; store.ts holds the tasks'.

function toLiaison(row: CommandLiaisonsTable): Liaison {
  return {
    id: row.id,
    incidentId: row.incident_id,
    incidentPath: row.incident_path,
    grantee:
      row.grantee_kind === 'user'
        ? { kind: 'user', userId: row.user_id! }
        : { kind: 'department', department: row.department as DepartmentType, jurisdictionCode: row.jurisdiction_code!, jurisdictionPath: row.jurisdiction_path! },
    reason: row.reason,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    grantedBy: row.granted_by,
    grantedByName: row.granted_by_name,
    grantedAt: row.granted_at,
    endedAt: row.ended_at,
    endedBy: row.ended_by,
  };
}

export async function insertLiaison(tx: Tx, liaison: Liaison): Promise<void> {
  const grantee = liaison.grantee;
  await tx
    .insertInto('command_liaisons')
    .values({
      id: liaison.id,
      incident_id: liaison.incidentId,
      incident_path: liaison.incidentPath,
      grantee_kind: grantee.kind,
      department: grantee.kind === 'department' ? grantee.department : null,
      jurisdiction_code: grantee.kind === 'department' ? grantee.jurisdictionCode : null,
      jurisdiction_path: grantee.kind === 'department' ? grantee.jurisdictionPath : null,
      user_id: grantee.kind === 'user' ? grantee.userId : null,
      reason: liaison.reason,
      starts_at: liaison.startsAt,
      ends_at: liaison.endsAt,
      granted_by: liaison.grantedBy,
      granted_by_name: liaison.grantedByName,
      granted_at: liaison.grantedAt,
      ended_at: null,
      ended_by: null,
    })
    .execute();
}

export async function endLiaison(tx: Tx, id: string, endedAt: string, endedBy: string): Promise<void> {
  await tx.updateTable('command_liaisons').set({ ended_at: endedAt, ended_by: endedBy }).where('id', '=', id).execute();
}

export async function findLiaison(db: Executor, id: string): Promise<Liaison | undefined> {
  const row = await db.selectFrom('command_liaisons').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toLiaison(row);
}

/** Every liaison of one incident, newest first. */
export async function listIncidentLiaisons(db: Executor, incidentId: string): Promise<Liaison[]> {
  const rows = await db.selectFrom('command_liaisons').selectAll().where('incident_id', '=', incidentId).orderBy('id', 'desc').execute();
  return rows.map(toLiaison);
}

/**
 * Liaisons that may apply to an actor at `nowIso`: naming the user, or naming one of the
 * departments they are an officer of. Still open (not ended, not past their end); the pure
 * policy decides whether each one covers the actor's grant.
 */
export async function listLiaisonsForActor(db: Executor, userId: string, departments: readonly DepartmentType[], nowIso: string): Promise<Liaison[]> {
  const rows = await db
    .selectFrom('command_liaisons')
    .selectAll()
    .where('ended_at', 'is', null)
    .where('ends_at', '>', nowIso)
    .where('starts_at', '<=', nowIso)
    .where((eb) => eb.or([eb('user_id', '=', userId), ...(departments.length === 0 ? [] : [eb('department', 'in', departments)])]))
    .execute();
  return rows.map(toLiaison);
}
