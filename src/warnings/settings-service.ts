import { ForbiddenError } from '../core/errors.js';
import { withUnitOfWork, type ServiceContext } from '../platform/context.js';
import type { Db, Tx } from '../platform/db/database.js';
import { DEFAULT_AUTHORITY_RULES, checkAuthorityRules, type AuthorityRules } from './authority-rules.js';
import { DEFAULT_COLOUR_TABLE, checkColourTable, type ColourTable } from './colour-table.js';
import { canChangeWarningSettings } from './policy.js';
import * as store from './store.js';

const COLOUR_TABLE_KEY = 'colour_table';
const AUTHORITY_RULES_KEY = 'authority_rules';

export interface Setting<T> {
  readonly value: T;
  /** `default` until an admin replaces it. */
  readonly source: 'default' | 'configured';
  readonly updatedBy: string | null;
  readonly updatedAt: string | null;
}

/** The colour table in force: the stored override, or the default in code. */
export async function loadColourTable(db: Db | Tx): Promise<Setting<ColourTable>> {
  const stored = await store.readSetting(db, COLOUR_TABLE_KEY);
  if (stored === undefined) return { value: DEFAULT_COLOUR_TABLE, source: 'default', updatedBy: null, updatedAt: null };
  return { value: checkColourTable(stored.value), source: 'configured', updatedBy: stored.updatedBy, updatedAt: stored.updatedAt };
}

/** The authority rules in force: the stored override, or the defaults in code. */
export async function loadAuthorityRules(db: Db | Tx): Promise<Setting<AuthorityRules>> {
  const stored = await store.readSetting(db, AUTHORITY_RULES_KEY);
  if (stored === undefined) return { value: DEFAULT_AUTHORITY_RULES, source: 'default', updatedBy: null, updatedAt: null };
  return { value: checkAuthorityRules(stored.value), source: 'configured', updatedBy: stored.updatedBy, updatedAt: stored.updatedAt };
}

function requireSettingsAdmin(ctx: ServiceContext): void {
  if (!canChangeWarningSettings(ctx.actor)) throw new ForbiddenError('only an admin of the whole tree (a grant at the country root) changes warning settings');
}

/** Replaces the colour table (admin of the root), audited with the table before and after. */
export async function replaceColourTable(ctx: ServiceContext, input: unknown): Promise<Setting<ColourTable>> {
  requireSettingsAdmin(ctx);
  const table = checkColourTable(input);
  return withUnitOfWork(ctx, async (unit) => {
    const before = await loadColourTable(unit.tx);
    await store.writeSetting(unit.tx, COLOUR_TABLE_KEY, table, ctx.actor.id, unit.now.toISOString());
    await unit.audit({ action: 'warning_settings.colour_table', targetType: 'warning_settings', targetId: COLOUR_TABLE_KEY, before: { ...before.value }, after: { ...table } });
    return { value: table, source: 'configured' as const, updatedBy: ctx.actor.id, updatedAt: unit.now.toISOString() };
  });
}

/** Replaces the authority rules (admin of the root), audited with the rules before and after. */
export async function replaceAuthorityRules(ctx: ServiceContext, input: unknown): Promise<Setting<AuthorityRules>> {
  requireSettingsAdmin(ctx);
  const rules = checkAuthorityRules(input);
  return withUnitOfWork(ctx, async (unit) => {
    const before = await loadAuthorityRules(unit.tx);
    await store.writeSetting(unit.tx, AUTHORITY_RULES_KEY, rules, ctx.actor.id, unit.now.toISOString());
    await unit.audit({ action: 'warning_settings.authority_rules', targetType: 'warning_settings', targetId: AUTHORITY_RULES_KEY, before: { ...before.value }, after: { ...rules } });
    return { value: rules, source: 'configured' as const, updatedBy: ctx.actor.id, updatedAt: unit.now.toISOString() };
  });
}
