import { ForbiddenError, NotFoundError } from '../core/errors.js';
import { normaliseJurisdictionCode, COUNTRY_ROOT_CODE } from '../core/jurisdiction-code.js';
import type { ServiceContext } from '../platform/context.js';
import { rootJurisdictionInput, type Jurisdiction } from './model.js';
import { canViewJurisdiction } from './policy.js';
import * as store from './store.js';
import { importJurisdictions } from './bulk-import.js';

export type { JurisdictionSummary } from './store.js';

/** Loads a unit by any accepted code form, or throws 404. No scope check: internal use. */
export async function loadJurisdiction(ctx: Pick<ServiceContext, 'db'>, code: string, field = 'code'): Promise<Jurisdiction> {
  const normalised = normaliseJurisdictionCode(code, field);
  const unit = await store.findByCode(ctx.db, normalised);
  if (unit === undefined) throw new NotFoundError(`${field}: no jurisdiction with code ${code}`);
  return unit;
}

/** A unit the actor may see, or 403 (a 404 only when it does not exist at all). */
export async function getJurisdiction(ctx: ServiceContext, code: string): Promise<Jurisdiction> {
  const unit = await loadJurisdiction(ctx, code);
  if (!canViewJurisdiction(ctx.actor, unit.path)) throw new ForbiddenError(`code: ${unit.code} is outside your jurisdiction`);
  return unit;
}

export async function getAncestors(ctx: ServiceContext, unit: Jurisdiction) {
  const codes = unit.path.split('/').filter((c) => c.length > 0);
  const found = await store.findSummariesByCodes(ctx.db, codes);
  const byCode = new Map(found.map((u) => [u.code, u]));
  return codes.map((c) => byCode.get(c)).filter((u) => u !== undefined);
}

export async function listChildren(ctx: ServiceContext, code: string, limit: number, afterCode?: string) {
  const unit = await getJurisdiction(ctx, code);
  const children = await store.listChildren(ctx.db, unit.code, limit, afterCode);
  const counts = await store.countChildren(ctx.db, children.map((c) => c.code));
  return children.map((c) => ({ ...c, childCount: counts.get(c.code) ?? 0 }));
}

export async function countChildrenOf(ctx: ServiceContext, codes: readonly string[]): Promise<Map<string, number>> {
  return store.countChildren(ctx.db, codes);
}

/** The unit and its children with geometry, for the map. */
export async function getGeometryWithChildren(ctx: ServiceContext, code: string): Promise<Jurisdiction[]> {
  const unit = await getJurisdiction(ctx, code);
  return store.findWithChildrenGeometry(ctx.db, unit.code);
}

/** Gazetteer search limited to what the actor may see. */
export async function searchJurisdictions(ctx: ServiceContext, props: { text: string; within?: string | undefined; limit: number }) {
  const within = props.within === undefined ? undefined : await getJurisdiction(ctx, props.within);
  const scopePaths = ctx.actor.kind === 'system' ? 'all' : ctx.actor.grants.map((g) => g.jurisdictionPath);
  return store.search(ctx.db, { text: props.text, withinPath: within?.path, scopePaths, limit: props.limit });
}

/** Counts the units in a subtree (the unit itself included). */
export async function countSubtree(ctx: ServiceContext, code: string): Promise<number> {
  const unit = await getJurisdiction(ctx, code);
  return store.countSubtree(ctx.db, unit.path);
}

/**
 * Every active unit's names and path, for the signal pipeline's gazetteer. Internal (no scope
 * check): the gazetteer serves the whole deployment.
 */
export async function listGazetteerEntries(ctx: Pick<ServiceContext, 'db'>): Promise<store.GazetteerRow[]> {
  const entries: store.GazetteerRow[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await store.listGazetteerPage(ctx.db, after, 20_000);
    entries.push(...page);
    if (page.length < 20_000) return entries;
    after = page[page.length - 1]!.code;
  }
}

/** Changes whenever the tree does; lets caches of the tree know when to rebuild. */
export async function jurisdictionTreeFingerprint(ctx: Pick<ServiceContext, 'db'>): Promise<string> {
  return store.treeFingerprint(ctx.db);
}

/** Chinese names of the given units by code (unknown codes are left out). Names are not scoped. */
export async function namesOf(ctx: Pick<ServiceContext, 'db'>, codes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  const units = await store.findSummariesByCodes(ctx.db, unique);
  return new Map(units.map((u) => [u.code, u.nameZh]));
}

/**
 * Public place search for the report form (no log-in): names, codes and levels only — the
 * administrative tree is public information — at most 20 hits.
 */
export async function searchPublicPlaces(ctx: Pick<ServiceContext, 'db'>, text: string): Promise<store.JurisdictionSummary[]> {
  if (text.trim().length === 0) return [];
  return store.search(ctx.db, { text, scopePaths: 'all', limit: 20 });
}

/** Creates the country root when the tree is empty; returns it either way. */
export async function ensureCountryRoot(ctx: ServiceContext): Promise<Jurisdiction> {
  const existing = await store.findByCode(ctx.db, COUNTRY_ROOT_CODE);
  if (existing !== undefined) return existing;
  await importJurisdictions(ctx, [rootJurisdictionInput()], { source: 'seamless' });
  return (await store.findByCode(ctx.db, COUNTRY_ROOT_CODE))!;
}

export {
  commonAncestorPath,
  importJurisdictionStream,
  importJurisdictions,
  orderParentsFirst,
  type ImportOptions,
  type ImportResult,
  type StreamImportOptions,
} from './bulk-import.js';
