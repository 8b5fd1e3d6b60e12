import { createHash, createHmac } from 'node:crypto';

/** The fields of an audit record that its hash covers. */
export interface AuditRecordContent {
  readonly id: string;
  readonly at: string;
  readonly actorId: string;
  readonly actorName: string;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  readonly jurisdictionCode: string | null;
  readonly beforeJson: string | null;
  readonly afterJson: string | null;
  readonly requestId: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** sha256 over the previous hash and the record's fields, in a fixed order. */
export function chainHash(prevHash: string, record: AuditRecordContent): string {
  const canonical = JSON.stringify([
    prevHash,
    record.id,
    record.at,
    record.actorId,
    record.actorName,
    record.action,
    record.targetType,
    record.targetId,
    record.jurisdictionCode,
    record.beforeJson,
    record.afterJson,
    record.requestId,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export interface StoredAuditRecord extends AuditRecordContent {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

export type ChainBreak = { readonly seq: number; readonly id: string; readonly reason: string };

/**
 * Checks a run of records in sequence order. `expectedPrev` is the hash the first record must
 * link to (the genesis hash, or the last verified hash when verifying in pages).
 */
export function findChainBreak(records: readonly StoredAuditRecord[], expectedPrev: string): ChainBreak | undefined {
  let prev = expectedPrev;
  for (const record of records) {
    if (record.prevHash !== prev) {
      return { seq: record.seq, id: record.id, reason: 'prev_hash does not match the hash of the record before it' };
    }
    const recomputed = chainHash(record.prevHash, record);
    if (recomputed !== record.hash) {
      return { seq: record.seq, id: record.id, reason: 'hash does not match the record content' };
    }
    prev = record.hash;
  }
  return undefined;
}

/**
 * Replaces the values of personal fields with keyed hashes, so the trail shows that a field
 * changed (and can check a claimed value) without storing it; erasing a person never breaks
 * the chain.
 */
export function maskPersonalFields(
  value: Readonly<Record<string, unknown>> | null | undefined,
  personalFields: readonly string[],
  key: string,
): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  const masked: Record<string, unknown> = {};
  for (const [field, fieldValue] of Object.entries(value)) {
    if (personalFields.includes(field) && fieldValue !== null && fieldValue !== undefined) {
      masked[field] = { hmac: createHmac('sha256', key).update(JSON.stringify(fieldValue)).digest('hex') };
    } else {
      masked[field] = fieldValue;
    }
  }
  return masked;
}
