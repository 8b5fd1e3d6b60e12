import { withIdempotency, requestHash } from '../platform/idempotency.js';
import { withUnitOfWork, type ServiceContext, type UnitOfWork } from '../platform/context.js';
import type { SubmissionRunner } from '../platform/group-commit.js';

export { createGroupCommit, type SubmissionRunner } from '../platform/group-commit.js';

/**
 * Runs a field submission once per Idempotency-Key (a retry gets the first answer, never a
 * second change), or as a plain unit of work when the caller sent no key. With a group-commit
 * runner, submissions arriving together share one transaction (one fsync) yet each is answered
 * only after that commit, and one that fails is rolled back alone.
 */
export async function runSubmission<T>(
  ctx: ServiceContext,
  props: { scope: string; key: string | undefined; request: readonly unknown[]; statusCode: number; runner?: SubmissionRunner | undefined },
  work: (unit: UnitOfWork) => Promise<T>,
): Promise<{ value: T; statusCode: number; replayed: boolean }> {
  if (props.key === undefined) return { value: await withUnitOfWork(ctx, work), statusCode: props.statusCode, replayed: false };
  const idempotency = { scope: `${props.scope}:${ctx.actor.id}`, key: props.key, requestHash: requestHash(props.request), statusCode: props.statusCode };
  return props.runner === undefined ? withIdempotency(ctx, idempotency, work) : props.runner(ctx, idempotency, work);
}
