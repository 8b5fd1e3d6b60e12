import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { isWithinPath } from '../core/jurisdiction-code.js';
import { withUnitOfWork, type ServiceContext, type UnitOfWork } from '../platform/context.js';
import type { Tx } from '../platform/db/database.js';
import { loadJurisdiction } from '../jurisdictions/service.js';
import { resolveUnit } from '../incidents/service.js';
import { parseCsvItems, parseJsonItems, recordsToItems } from './connectors/csv-json.js';
import { ingestItems, type IngestResult } from './ingest.js';
import { changedFields, isPolledKind, isSourceKind, sourceSnapshot, validateSource, type Source, type SourceDraft, type SourceKind } from './model.js';
import { canManageSource, canUploadToSource, canViewSource } from './policy.js';
import { DEFAULT_POLL_OPTIONS, pollSource, type PollOptions, type PollOutcome } from './poller.js';
import * as store from './store.js';
import { newWebhookSecret, openSecret, sealSecret, verifyDelivery, type SignatureVerdict } from './webhook-signature.js';

export type { PollOutcome } from './poller.js';
export type { IngestResult } from './ingest.js';

export interface Page<T> {
  readonly items: T[];
  /** The id to pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

const MAX_PAGE = 500;

// ---------------------------------------------------------------- helpers

async function findVisibleSource(ctx: ServiceContext, db: ServiceContext['db'] | Tx, id: string): Promise<Source> {
  const source = await store.findSource(db, id);
  if (source === undefined) throw new NotFoundError(`id: no monitoring source ${id}`);
  if (!canViewSource(ctx.actor, source.jurisdictionPath)) throw new ForbiddenError(`id: monitoring source ${id} is outside your jurisdiction`);
  return source;
}

async function findManagedSource(ctx: ServiceContext, db: ServiceContext['db'] | Tx, id: string, what: string): Promise<Source> {
  const source = await findVisibleSource(ctx, db, id);
  if (!canManageSource(ctx.actor, source.jurisdictionPath)) throw new ForbiddenError(`id: you may not ${what} monitoring source ${id}`);
  return source;
}

function checkPageSize(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw InvalidInputError.forField('limit', `must be a whole number from 1 to ${MAX_PAGE}`);
}

function snapshotOf(source: Source) {
  const { kind, name, url, jurisdictionCode, language, pollSeconds, enabled } = source;
  return sourceSnapshot({ kind, name, url, jurisdictionCode, language, pollSeconds, enabled });
}

// ---------------------------------------------------------------- sources

export interface SourceQuery {
  /** Jurisdiction code (any accepted form); default: every subtree the actor holds a role over. */
  readonly within?: string | undefined;
  readonly kind?: string | undefined;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

export async function listSources(ctx: ServiceContext, query: SourceQuery): Promise<Page<Source>> {
  checkPageSize(query.limit);
  let scopes: store.ScopePaths;
  if (query.within !== undefined && query.within.trim() !== '') {
    const unit = await loadJurisdiction(ctx, query.within, 'within');
    if (!canViewSource(ctx.actor, unit.path)) throw new ForbiddenError(`within: ${unit.code} is outside your jurisdiction`);
    scopes = [unit.path];
  } else if (ctx.actor.kind === 'system') {
    scopes = 'all';
  } else {
    const paths = [...new Set(ctx.actor.grants.map((g) => g.jurisdictionPath))].sort();
    scopes = paths.filter((path, index) => !paths.slice(0, index).some((outer) => isWithinPath(outer, path)));
  }
  if (query.kind !== undefined && !isSourceKind(query.kind)) throw InvalidInputError.forField('kind', `"${query.kind}" is not a source kind`);
  const rows = await store.listSources(ctx.db, { scopes, kind: query.kind as SourceKind | undefined, afterId: query.cursor, limit: query.limit + 1 });
  const items = rows.slice(0, query.limit);
  return { items, nextCursor: rows.length > query.limit ? items[items.length - 1]!.id : null };
}

export async function getSource(ctx: ServiceContext, id: string): Promise<Source> {
  return findVisibleSource(ctx, ctx.db, id);
}

export interface CreatedSource {
  readonly source: Source;
  /** A webhook source's secret: shown here once, never again (rotate to get a new one). */
  readonly webhookSecret: string | null;
}

/** Adds a source; a webhook source gets its signing secret, returned only now. */
export async function createSource(ctx: ServiceContext, draft: SourceDraft): Promise<CreatedSource> {
  const unit = await resolveUnit(ctx, draft.jurisdictionCode, 'jurisdictionCode');
  const fields = validateSource({ ...draft, jurisdictionCode: unit.code });
  if (!canManageSource(ctx.actor, unit.path)) throw new ForbiddenError(`jurisdictionCode: you may not add monitoring sources in ${unit.code}`);
  const secret = fields.kind === 'webhook' ? newWebhookSecret() : null;
  return withUnitOfWork(ctx, async (work) => {
    const id = newId(work.now.getTime());
    await store.insertSource(work.tx, {
      id,
      fields,
      webhookSecret: secret === null ? null : sealSecret(secret, ctx.auditKey),
      createdBy: ctx.actor.id,
      now: work.now.toISOString(),
    });
    await work.audit({ action: 'monitoring_source.create', targetType: 'monitoring_source', targetId: id, jurisdictionCode: unit.code, after: sourceSnapshot(fields) });
    await work.emit({ type: 'monitoring_source.created', jurisdictionPath: unit.path, payload: { id, kind: fields.kind, jurisdictionCode: unit.code } });
    return { source: (await store.findSource(work.tx, id))!, webhookSecret: secret };
  });
}

/** Fields to change: undefined leaves a field as it is; null clears it. The kind never changes. */
export type SourceChanges = Partial<Omit<SourceDraft, 'kind'>>;

export async function updateSource(ctx: ServiceContext, props: { id: string; changes: SourceChanges }): Promise<Source> {
  return withUnitOfWork(ctx, async (work) => {
    const before = await findManagedSource(ctx, work.tx, props.id, 'change');
    const changes = Object.fromEntries(Object.entries(props.changes).filter(([, v]) => v !== undefined)) as SourceChanges;
    const unit = changes.jurisdictionCode === undefined ? undefined : await resolveUnit(ctx, changes.jurisdictionCode, 'jurisdictionCode');
    if (unit !== undefined && !canManageSource(ctx.actor, unit.path)) throw new ForbiddenError(`jurisdictionCode: you may not move monitoring sources to ${unit.code}`);
    const fields = validateSource({ ...before, ...changes, kind: before.kind, jurisdictionCode: unit?.code ?? before.jurisdictionCode });
    const beforeSnapshot = snapshotOf(before);
    const afterSnapshot = sourceSnapshot(fields);
    const changed = changedFields(beforeSnapshot, afterSnapshot);
    if (changed.length === 0) return before;
    await store.updateSource(work.tx, props.id, fields, fields.url !== before.url, work.now.toISOString());
    await work.audit({ action: 'monitoring_source.update', targetType: 'monitoring_source', targetId: props.id, jurisdictionCode: fields.jurisdictionCode, before: beforeSnapshot, after: afterSnapshot });
    const path = unit?.path ?? before.jurisdictionPath;
    await work.emit({ type: 'monitoring_source.updated', jurisdictionPath: path, payload: { id: props.id, changed } });
    if (path !== before.jurisdictionPath) await work.emit({ type: 'monitoring_source.updated', jurisdictionPath: before.jurisdictionPath, payload: { id: props.id, changed } });
    return (await store.findSource(work.tx, props.id))!;
  });
}

/**
 * Deletes a source with its items. A source whose items already fed signals is kept (409):
 * disable it instead, so the signals keep their origin.
 */
export async function deleteSource(ctx: ServiceContext, id: string): Promise<void> {
  await withUnitOfWork(ctx, async (work) => {
    const before = await findManagedSource(ctx, work.tx, id, 'delete');
    const used = await store.countItemsWithSignal(work.tx, id);
    if (used > 0) throw new ConflictError(`id: ${used} items of monitoring source ${id} fed signals; disable it instead (enabled: false)`);
    await store.deleteSource(work.tx, id);
    await work.audit({ action: 'monitoring_source.delete', targetType: 'monitoring_source', targetId: id, jurisdictionCode: before.jurisdictionCode, before: snapshotOf(before) });
    await work.emit({ type: 'monitoring_source.deleted', jurisdictionPath: before.jurisdictionPath, payload: { id } });
  });
}

/** A new webhook secret for the source (the old one stops working at once); shown once. */
export async function rotateWebhookSecret(ctx: ServiceContext, id: string): Promise<string> {
  const secret = newWebhookSecret();
  await withUnitOfWork(ctx, async (work) => {
    const source = await findManagedSource(ctx, work.tx, id, 'rotate the secret of');
    if (source.kind !== 'webhook') throw InvalidInputError.forField('id', `monitoring source ${id} is a ${source.kind} source, not a webhook`);
    await store.setWebhookSecret(work.tx, id, sealSecret(secret, ctx.auditKey), work.now.toISOString());
    // The secret itself never enters the audit trail.
    await work.audit({ action: 'monitoring_source.rotate_secret', targetType: 'monitoring_source', targetId: id, jurisdictionCode: source.jurisdictionCode });
  });
  return secret;
}

// ---------------------------------------------------------------- polling, uploads, webhooks

/** A user's "poll now": the same poll as the scheduled one, audited as the user's action. */
export async function pollSourceNow(ctx: ServiceContext, id: string, options: PollOptions = DEFAULT_POLL_OPTIONS): Promise<PollOutcome> {
  const source = await findManagedSource(ctx, ctx.db, id, 'poll');
  if (!isPolledKind(source.kind)) throw InvalidInputError.forField('id', `monitoring source ${id} is a ${source.kind} source: it is pushed, not polled`);
  if (!source.enabled) throw new ConflictError(`id: monitoring source ${id} is disabled`);
  const result = await pollSource(ctx, id, options);
  await withUnitOfWork(ctx, (work) =>
    work.audit({ action: 'monitoring_source.poll', targetType: 'monitoring_source', targetId: id, jurisdictionCode: source.jurisdictionCode, after: { status: result.status, stored: result.stored, error: result.error } }),
  );
  return result;
}

export interface UploadProps {
  readonly id: string;
  readonly format: 'csv' | 'json';
  /** CSV with a header row (id, time, title, text, place, lon, lat, lang), or a JSON array of such objects. */
  readonly content: string;
}

/** Items uploaded by hand to an upload source; errors name the line (CSV) or element (JSON) and field. */
export async function uploadItems(ctx: ServiceContext, props: UploadProps): Promise<IngestResult & { received: number }> {
  const source = await findVisibleSource(ctx, ctx.db, props.id);
  if (!canUploadToSource(ctx.actor, source.jurisdictionPath)) throw new ForbiddenError(`id: you may not upload to monitoring source ${props.id}`);
  if (source.kind !== 'upload') throw InvalidInputError.forField('id', `monitoring source ${props.id} is a ${source.kind} source, not an upload source`);
  const now = ctx.clock.now();
  const items = props.format === 'csv' ? parseCsvItems(props.content, now) : parseJsonItems(props.content, now, { prefix: 'content' });
  return withUnitOfWork(ctx, async (work) => {
    const result = await ingestItems(work, source, items, now);
    await store.recordDelivery(work.tx, source.id, work.now.toISOString(), result.stored);
    await work.audit({ action: 'monitoring_source.upload', targetType: 'monitoring_source', targetId: source.id, jurisdictionCode: source.jurisdictionCode, after: { format: props.format, received: items.length, stored: result.stored } });
    return { received: items.length, ...result };
  });
}

export interface WebhookDelivery {
  readonly sourceId: string;
  readonly rawBody: Buffer;
  readonly signature: string | undefined;
  readonly timestamp: string | undefined;
}

export type WebhookResult = { readonly accepted: false; readonly reason: SignatureVerdict | 'unknown_source' } | ({ readonly accepted: true; readonly received: number } & IngestResult);

/**
 * A delivery to a webhook source, verified before anything is read: unknown or disabled
 * sources and bad, missing or stale signatures are refused alike and nothing is stored.
 * Idempotent by item id. The system's action (no user), so announced but not audited.
 */
export async function receiveWebhook(ctx: ServiceContext, delivery: WebhookDelivery): Promise<WebhookResult> {
  const source = await store.findSource(ctx.db, delivery.sourceId);
  const sealed = source?.kind === 'webhook' && source.enabled ? await store.findWebhookSecret(ctx.db, delivery.sourceId) : null;
  const secret = sealed === null ? undefined : openSecret(sealed, ctx.auditKey);
  if (source === undefined || secret === undefined) return { accepted: false, reason: 'unknown_source' };
  const now = ctx.clock.now();
  const verdict = verifyDelivery({ secret, rawBody: delivery.rawBody, signature: delivery.signature, timestamp: delivery.timestamp, now });
  if (verdict !== 'ok') return { accepted: false, reason: verdict };
  let body: unknown;
  try {
    body = JSON.parse(delivery.rawBody.toString('utf8'));
  } catch {
    throw InvalidInputError.forField('body', 'is not valid JSON');
  }
  const items = recordsToItems(body, now, { requireId: true, prefix: 'body' });
  return withUnitOfWork(ctx, async (work) => {
    const result = await ingestItems(work, source, items, now);
    await store.recordDelivery(work.tx, source.id, work.now.toISOString(), result.stored);
    return { accepted: true, received: items.length, ...result };
  });
}

// ---------------------------------------------------------------- reading items

export interface StoredItem {
  readonly id: string;
  readonly sourceId: string;
  readonly externalId: string;
  readonly language: string | null;
  readonly title: string | null;
  readonly body: string;
  readonly link: string | null;
  readonly publishedAt: string;
  readonly placeText: string | null;
  readonly jurisdictionCode: string | null;
  readonly point: [number, number] | null;
  readonly signalId: string | null;
  readonly fetchedAt: string;
}

function pointOfRow(row: { point_lon: number | null; point_lat: number | null }): [number, number] | null {
  return row.point_lon === null || row.point_lat === null ? null : [row.point_lon, row.point_lat];
}

/** A source's items, newest first, keyset-paged. */
export async function listItems(ctx: ServiceContext, props: { id: string; limit: number; cursor?: string | undefined }): Promise<Page<StoredItem>> {
  checkPageSize(props.limit);
  await findVisibleSource(ctx, ctx.db, props.id);
  const rows = await store.listItemsOfSource(ctx.db, props.id, props.cursor, props.limit + 1);
  const items = rows.slice(0, props.limit).map((row) => ({
    id: row.id,
    sourceId: row.source_id,
    externalId: row.external_id,
    language: row.language,
    title: row.title,
    body: row.body,
    link: row.link,
    publishedAt: row.published_at,
    placeText: row.place_text,
    jurisdictionCode: row.jurisdiction_code,
    point: pointOfRow(row),
    signalId: row.signal_id,
    fetchedAt: row.fetched_at,
  }));
  return { items, nextCursor: rows.length > props.limit ? items[items.length - 1]!.id : null };
}

// ---------------------------------------------------------------- interface for the signals room

/** A monitoring item waiting to become (part of) a signal, as the signals room reads it. */
export interface ItemForSignal {
  readonly id: string;
  readonly sourceId: string;
  readonly sourceKind: SourceKind;
  readonly sourceName: string;
  /** BCP 47 tag from the item, else the source's default; null when neither says. */
  readonly language: string | null;
  readonly title: string | null;
  /** Plain text, HTML stripped. */
  readonly body: string;
  readonly link: string | null;
  /** ISO-8601 UTC; the fetch time when the item carried none. */
  readonly publishedAt: string;
  readonly placeText: string | null;
  /** The item's own unit (e.g. a CAP geocode), else its source's; 12-digit padded for Chinese codes. */
  readonly jurisdictionCode: string | null;
  /** [longitude, latitude]. */
  readonly point: [number, number] | null;
}

/**
 * Items no signal has taken yet (signal_id null), oldest arrival first, at most `limit`. Reading
 * is not claiming: the signals room attaches each item it turns into a signal with
 * `attachSignal` in the same transaction that writes the signal.
 */
export async function listItemsAwaitingSignal(ctx: ServiceContext, limit: number): Promise<ItemForSignal[]> {
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw InvalidInputError.forField('limit', 'must be a whole number from 1 to 10000');
  const rows = await store.listPendingItems(ctx.db, limit);
  return rows.map((row) => ({
    id: row.id,
    sourceId: row.source_id,
    sourceKind: row.source_kind as SourceKind,
    sourceName: row.source_name,
    language: row.language,
    title: row.title,
    body: row.body,
    link: row.link,
    publishedAt: row.published_at,
    placeText: row.place_text,
    jurisdictionCode: row.jurisdiction_code ?? row.source_jurisdiction_code,
    point: pointOfRow(row),
  }));
}

/**
 * Marks an item as turned into `signalId`, inside the signals room's unit of work. Attaching
 * the same signal again is a no-op; an unknown item is NotFoundError; an item already attached
 * to another signal is ConflictError (two workers raced: roll back and move on).
 */
export async function attachSignal(unit: UnitOfWork, itemId: string, signalId: string): Promise<void> {
  if (await store.setItemSignal(unit.tx, itemId, signalId)) return;
  const row = await store.findItemSignal(unit.tx, itemId);
  if (row === undefined) throw new NotFoundError(`itemId: no monitoring item ${itemId}`);
  if (row.signal_id !== signalId) throw new ConflictError(`itemId: monitoring item ${itemId} already belongs to signal ${row.signal_id}`);
}
