import { sql } from 'kysely';
import { newId } from '../../core/ids.js';
import type { Actor } from '../../core/actor.js';
import type { Db, DialectName, Tx } from '../db/database.js';
import { GENESIS_HASH, chainHash, findChainBreak, maskPersonalFields, type ChainBreak } from './chain.js';

export interface AuditEntry {
  /** Verb in dotted form: "user.create", "jurisdiction.update", "person.read_personal". */
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  readonly jurisdictionCode?: string | null;
  readonly before?: Readonly<Record<string, unknown>> | null;
  readonly after?: Readonly<Record<string, unknown>> | null;
  /** Field names whose values are personal data: stored as keyed hashes only. */
  readonly personalFields?: readonly string[];
}

export interface AuditContext {
  readonly actor: Actor;
  readonly at: Date;
  readonly requestId?: string | undefined;
  readonly auditKey: string;
  readonly dialect: DialectName;
}

// Any constant: serialises appends to the chain across processes on PostgreSQL.
const AUDIT_LOCK_KEY = 7_320_051;

/**
 * Takes the lock that orders appends to the hash chain (and the event outbox) across processes.
 * On SQLite the write transaction already serialises writers.
 */
export async function lockAppendOrder(tx: Tx, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(tx);
}

/**
 * Appends one record to the hash-chained audit trail inside the caller's transaction, so the
 * record exists exactly when the change it describes does.
 */
export async function appendAudit(tx: Tx, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await lockAppendOrder(tx, ctx.dialect);
  const last = await tx.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const personal = entry.personalFields ?? [];
  const before = maskPersonalFields(entry.before, personal, ctx.auditKey);
  const after = maskPersonalFields(entry.after, personal, ctx.auditKey);
  const content = {
    id: newId(ctx.at.getTime()),
    at: ctx.at.toISOString(),
    actorId: ctx.actor.id,
    actorName: ctx.actor.name,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    jurisdictionCode: entry.jurisdictionCode ?? null,
    beforeJson: before === null ? null : JSON.stringify(before),
    afterJson: after === null ? null : JSON.stringify(after),
    requestId: ctx.requestId ?? null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx
    .insertInto('audit_log')
    .values({
      id: content.id,
      at: content.at,
      actor_id: content.actorId,
      actor_name: content.actorName,
      action: content.action,
      target_type: content.targetType,
      target_id: content.targetId,
      jurisdiction_code: content.jurisdictionCode,
      before_json: content.beforeJson,
      after_json: content.afterJson,
      request_id: content.requestId,
      prev_hash: prevHash,
      hash: chainHash(prevHash, content),
    })
    .execute();
}

export interface AuditVerification {
  readonly checked: number;
  readonly firstBreak: ChainBreak | undefined;
}

/** Walks the whole trail in pages and reports the first broken link, if any. */
export async function verifyAuditChain(
  db: Db,
  onProgress?: (checked: number, total: number) => void,
): Promise<AuditVerification> {
  const total = Number((await db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  let prev = GENESIS_HASH;
  let afterSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(5000)
      .execute();
    if (rows.length === 0) break;
    const records = rows.map((r) => ({
      seq: r.seq,
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      jurisdictionCode: r.jurisdiction_code,
      beforeJson: r.before_json,
      afterJson: r.after_json,
      requestId: r.request_id,
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
    const broken = findChainBreak(records, prev);
    if (broken !== undefined) {
      const index = records.findIndex((r) => r.seq === broken.seq);
      return { checked: checked + index, firstBreak: broken };
    }
    checked += records.length;
    prev = records[records.length - 1]!.hash;
    afterSeq = records[records.length - 1]!.seq;
    onProgress?.(checked, total);
  }
  return { checked, firstBreak: undefined };
}
