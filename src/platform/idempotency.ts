import { createHash } from 'node:crypto';
import { ConflictError, InvalidInputError } from '../core/errors.js';
import { withUnitOfWork, type ServiceContext, type UnitOfWork } from './context.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,200}$/;

/** Reads and checks the Idempotency-Key header; undefined when absent and not required. */
export function readIdempotencyKey(headers: Readonly<Record<string, unknown>>, required: boolean): string | undefined {
  const raw = headers[IDEMPOTENCY_HEADER];
  if (raw === undefined || raw === '') {
    if (required) throw InvalidInputError.forField('headers.idempotency-key', 'is required: send a unique key (e.g. a UUID) with each submission and the same key with its retries');
    return undefined;
  }
  if (typeof raw !== 'string' || !KEY_PATTERN.test(raw)) {
    throw InvalidInputError.forField('headers.idempotency-key', 'must be 8–200 letters, digits, ".", "_", ":" or "-"');
  }
  return raw;
}

/** A stable hash of what was asked, so a key reused for a different request is caught. */
export function requestHash(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

export interface IdempotentResult<T> {
  readonly value: T;
  readonly statusCode: number;
  /** True when this is a retry answered from the stored first result. */
  readonly replayed: boolean;
}

export interface IdempotencyProps {
  readonly scope: string;
  readonly key: string;
  readonly requestHash: string;
  readonly statusCode: number;
}

/**
 * The idempotency rule inside a caller's transaction: a stored key answers with its first
 * response (a different request under the same key is a 409); otherwise `work` runs and its
 * response is stored beside the change it made. Shared by `withIdempotency` and by callers that
 * batch several submissions into one transaction (intake's group commit).
 */
export async function runIdempotent<T>(unit: UnitOfWork, props: IdempotencyProps, work: (unit: UnitOfWork) => Promise<T>): Promise<IdempotentResult<T>> {
  const stored = await unit.tx
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'response_json'])
    .where('scope', '=', props.scope)
    .where('key', '=', props.key)
    .executeTakeFirst();
  if (stored !== undefined) {
    if (stored.request_hash !== props.requestHash) {
      throw new ConflictError('headers.idempotency-key: this key was already used for a different submission');
    }
    return { value: JSON.parse(stored.response_json) as T, statusCode: stored.status_code, replayed: true };
  }
  const value = await work(unit);
  await unit.tx
    .insertInto('idempotency_keys')
    .values({
      scope: props.scope,
      key: props.key,
      request_hash: props.requestHash,
      status_code: props.statusCode,
      response_json: JSON.stringify(value),
      created_at: unit.now.toISOString(),
    })
    .execute();
  return { value, statusCode: props.statusCode, replayed: false };
}

/**
 * Runs a submission once per (scope, key). The first run stores its response in the same
 * transaction as the change, so a retry after a lost acknowledgement — even after a crash —
 * returns that response and never creates a duplicate. A key reused with a different request is
 * a 409. Every unit of work takes the append-order lock first, so two concurrent retries
 * cannot both run the change.
 */
export async function withIdempotency<T>(
  ctx: ServiceContext,
  props: IdempotencyProps,
  work: (unit: UnitOfWork) => Promise<T>,
): Promise<IdempotentResult<T>> {
  return withUnitOfWork(ctx, (unit) => runIdempotent(unit, props, work));
}
