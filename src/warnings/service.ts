import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../core/errors.js';
import { isWithinPath } from '../core/jurisdiction-code.js';
import type { WarningColour } from '../core/warning-levels.js';
import { withUnitOfWork, type ServiceContext, type UnitOfWork } from '../platform/context.js';
import { requestHash, withIdempotency, type IdempotentResult } from '../platform/idempotency.js';
import { resolveUnit, resolveScopes } from '../incidents/service.js';
import type { CapProblem } from './cap/model.js';
import { validateCap } from './cap-codec.js';
import { composeCap, nextIdentifier, referencesOf } from './composer.js';
import { isEditable, type ContentProblem, type Warning, type WarningContent, type WarningHistoryEntry, type WarningState } from './model.js';
import { contentProblems, normaliseContent } from './content.js';
import { canDraftWarning, canViewWarning, issuingLevelOf } from './policy.js';
import { inTransaction, recordStep } from './publication.js';
import { checkContent, insertDraft, newDraft } from './drafts.js';
import { loadColourTable } from './settings-service.js';
import type { CapPublisherSettings } from './settings.js';
import * as store from './store.js';

export type { Warning, WarningContent, WarningHistoryEntry } from './model.js';
export { approveWarning, cancelWarning, permittedActions, publishWarning, rejectWarning, startUpdate, submitWarning } from './lifecycle-service.js';
export { importCapXml } from './import-service.js';
export { checkContent } from './drafts.js';

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/** The warning without a scope check (404 when missing). */
export async function loadWarning(db: ServiceContext['db'], id: string): Promise<Warning> {
  const warning = await store.findWarning(db, id);
  if (warning === undefined) throw new NotFoundError(`id: no warning ${id}`);
  return warning;
}

/** A warning the actor may see, by id or CAP identifier. */
export async function loadVisibleWarning(ctx: ServiceContext, db: ServiceContext['db'], idOrIdentifier: string): Promise<Warning> {
  const warning = (await store.findWarning(db, idOrIdentifier)) ?? (await store.findByIdentifier(db, idOrIdentifier));
  if (warning === undefined) throw new NotFoundError(`id: no warning ${idOrIdentifier}`);
  if (!canViewWarning(ctx.actor, warning.jurisdictionPath)) throw new ForbiddenError(`id: warning ${idOrIdentifier} is outside your jurisdiction`);
  return warning;
}

/** Drafting and editing: an issuer over the unit; the areas must lie in the issuing unit's subtree. */
async function checkDraftScope(ctx: ServiceContext, content: WarningContent, unitPath: string, unitCode: string): Promise<void> {
  if (!canDraftWarning(ctx.actor, unitPath)) throw new ForbiddenError(`jurisdictionCode: you may not issue warnings for ${unitCode}`);
  for (const [i, code] of content.areas.jurisdictionCodes.entries()) {
    const area = await resolveUnit(ctx, code, `areas.jurisdictionCodes[${i}]`);
    if (!isWithinPath(unitPath, area.path)) throw new ForbiddenError(`areas.jurisdictionCodes[${i}]: ${area.code} is outside the issuing unit ${unitCode}`);
  }
}

/**
 * Drafts a warning for the issuing unit `jurisdictionCode`. With an idempotency key a retry
 * returns the first draft and never makes a second.
 */
export async function createDraft(
  ctx: ServiceContext,
  props: { jurisdictionCode: string; content: unknown; idempotencyKey?: string | undefined },
): Promise<IdempotentResult<Warning>> {
  const content = checkContent(props.content, ctx.clock.now());
  const unitRow = await resolveUnit(ctx, props.jurisdictionCode, 'jurisdictionCode');
  if (issuingLevelOf(unitRow.level) === undefined) throw InvalidInputError.forField('jurisdictionCode', `a ${unitRow.level} does not issue warnings`);
  await checkDraftScope(ctx, content, unitRow.path, unitRow.code);
  const work = async (unit: UnitOfWork) => {
    await composeCap(inTransaction(ctx, unit), { content, colourTable: (await loadColourTable(unit.tx)).value, settings: PREVIEW_SETTINGS, identifier: 'check', sent: unit.now, msgType: 'Alert' });
    return insertDraft(ctx, unit, newDraft(ctx, unit, { content, code: unitRow.code, path: unitRow.path, msgType: 'Alert' }));
  };
  if (props.idempotencyKey === undefined) return { value: await withUnitOfWork(ctx, work), statusCode: 201, replayed: false };
  return withIdempotency(
    ctx,
    { scope: `warning.create:${ctx.actor.id}`, key: props.idempotencyKey, requestHash: requestHash([props.jurisdictionCode, props.content]), statusCode: 201 },
    work,
  );
}

// Only used to check that content composes (names, incident) before it is stored.
const PREVIEW_SETTINGS: CapPublisherSettings = { sender: 'check', identifierPrefix: 'check', senderName: { zh: 'check', en: null }, publicUrl: 'http://localhost', timeZone: 'Asia/Shanghai' };

/** Replaces a draft's content (drafts only; a rejected warning is a draft again). */
export async function editDraft(ctx: ServiceContext, props: { id: string; content: unknown }): Promise<Warning> {
  const content = checkContent(props.content, ctx.clock.now());
  const existing = await loadVisibleWarning(ctx, ctx.db, props.id);
  await checkDraftScope(ctx, content, existing.jurisdictionPath, existing.jurisdictionCode);
  return withUnitOfWork(ctx, async (unit) => {
    const before = await loadWarning(unit.tx, props.id);
    if (before.origin !== 'local' || !isEditable(before.state)) throw new ConflictError(`state: warning ${before.id} is ${before.state}; only drafts can be edited`);
    await composeCap(inTransaction(ctx, unit), { content, colourTable: (await loadColourTable(unit.tx)).value, settings: PREVIEW_SETTINGS, identifier: 'check', sent: unit.now, msgType: before.msgType });
    const after: Warning = { ...before, content, colour: content.colour, headline: content.texts.zh.headline, incidentId: content.incidentId ?? null, expiresAt: new Date(content.expires).toISOString(), updatedAt: unit.now.toISOString() };
    await store.updateWarning(unit.tx, after);
    await recordStep(ctx, unit, after.id, 'edited');
    await unit.audit({ action: 'warning.edit', targetType: 'warning', targetId: after.id, jurisdictionCode: after.jurisdictionCode, before: { content: before.content }, after: { content: after.content } });
    return after;
  });
}

export interface Validation {
  readonly problems: ContentProblem[];
  /** The CAP XML the content makes now (null while the content has problems of its own). */
  readonly xml: string | null;
}

/**
 * Live validation for the compose page: the content's own problems by field, then — when it is
 * complete — the CAP message it would publish, checked against the XSD and CAP's other rules.
 */
export async function validateDraft(ctx: ServiceContext, props: { jurisdictionCode: string; content: unknown; settings: CapPublisherSettings; msgType?: Warning['msgType'] }): Promise<Validation> {
  const issuer = await resolveUnit(ctx, props.jurisdictionCode, 'jurisdictionCode');
  if (!canDraftWarning(ctx.actor, issuer.path)) throw new ForbiddenError(`jurisdictionCode: you may not issue warnings for ${issuer.code}`);
  const problems = contentProblems(props.content, ctx.clock.now());
  if (problems.length > 0) return { problems, xml: null };
  const content = normaliseContent(props.content as WarningContent);
  const code = issuer.code;
  try {
    const composed = await composeCap(ctx, {
      content,
      colourTable: (await loadColourTable(ctx.db)).value,
      settings: props.settings,
      identifier: await nextIdentifier(ctx.db, props.settings, code, ctx.clock.now()),
      sent: ctx.clock.now(),
      msgType: props.msgType ?? 'Alert',
    });
    const capProblems: CapProblem[] = await validateCap(composed.xml);
    return { problems: capProblems.map((p) => ({ path: `cap${p.path}`, message: p.message })), xml: composed.xml };
  } catch (error) {
    if (error instanceof InvalidInputError) return { problems: error.details.map((d) => ({ path: d.field ?? 'content', message: d.message })), xml: null };
    throw error;
  }
}

/** The XML a stored draft would publish now (or the stored XML once published). */
export async function previewXml(ctx: ServiceContext, props: { id: string; settings: CapPublisherSettings }): Promise<string> {
  const warning = await loadVisibleWarning(ctx, ctx.db, props.id);
  if (warning.capXml !== null) return warning.capXml;
  const content = warning.content as WarningContent;
  const lineage = await store.listLineage(ctx.db, warning.lineageId);
  const composed = await composeCap(ctx, {
    content,
    colourTable: (await loadColourTable(ctx.db)).value,
    settings: props.settings,
    identifier: await nextIdentifier(ctx.db, props.settings, warning.jurisdictionCode, ctx.clock.now()),
    sent: ctx.clock.now(),
    msgType: warning.msgType,
    references: warning.msgType === 'Alert' ? undefined : referencesOf(lineage),
  });
  return composed.xml;
}

/** A warning the actor may see. */
export async function getWarning(ctx: ServiceContext, idOrIdentifier: string): Promise<Warning> {
  return loadVisibleWarning(ctx, ctx.db, idOrIdentifier);
}

/** Its steps, oldest first, and the other messages of its lineage. */
export async function getWarningHistory(ctx: ServiceContext, id: string): Promise<{ history: WarningHistoryEntry[]; lineage: Warning[] }> {
  const warning = await loadVisibleWarning(ctx, ctx.db, id);
  return { history: await store.listHistory(ctx.db, warning.id), lineage: await store.listLineage(ctx.db, warning.lineageId) };
}

/**
 * The CAP XML of a published (or imported) message, by its id or CAP identifier; used by
 * `seamless cap export ID`. Drafts have no XML yet (409).
 */
export async function getAlertCapXml(ctx: ServiceContext, idOrIdentifier: string): Promise<string> {
  const warning = await loadVisibleWarning(ctx, ctx.db, idOrIdentifier);
  if (warning.capXml === null) throw new ConflictError(`id: warning ${idOrIdentifier} is a ${warning.state} and has no CAP XML yet`);
  return warning.capXml;
}

export interface WarningQuery {
  readonly within?: string | undefined;
  readonly state?: readonly WarningState[] | undefined;
  readonly colour?: readonly WarningColour[] | undefined;
  readonly origin?: Warning['origin'] | undefined;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

/** Warnings in scope, newest first, keyset-paged. */
export async function listWarnings(ctx: ServiceContext, query: WarningQuery): Promise<Page<Warning>> {
  const rows = await store.listWarnings(ctx.db, {
    scopes: await resolveScopes(ctx, query.within),
    states: query.state,
    colours: query.colour,
    origin: query.origin,
    beforeId: query.cursor,
    limit: query.limit + 1,
  });
  const items = rows.slice(0, query.limit);
  return { items, nextCursor: rows.length > query.limit ? items[items.length - 1]!.id : null };
}
