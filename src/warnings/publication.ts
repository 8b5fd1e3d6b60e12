import { ConflictError, InvalidInputError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { ServiceContext, UnitOfWork } from '../platform/context.js';
import { disseminateAlert } from '../notifications/service.js';
import { parseCapXml, validateCap } from './cap-codec.js';
import type { CapMsgType } from './cap/model.js';
import { composeCap, nextIdentifier, publicAreasOf, referencesOf } from './composer.js';
import type { Warning, WarningContent } from './model.js';
import { warningSnapshot } from './model.js';
import { loadColourTable } from './settings-service.js';
import type { CapPublisherSettings } from './settings.js';
import * as store from './store.js';

/** The context a use-case hands to helpers inside its unit of work: reads go through the transaction. */
export function inTransaction(ctx: ServiceContext, unit: UnitOfWork): ServiceContext {
  return { ...ctx, db: unit.tx };
}

/** Appends one step to a warning's history, inside the unit of work. */
export async function recordStep(ctx: ServiceContext, unit: UnitOfWork, warningId: string, action: string, detail: Record<string, unknown> = {}): Promise<void> {
  await store.insertHistory(unit.tx, { id: newId(unit.now.getTime()), warningId, action, detail, actorId: ctx.actor.id, actorName: ctx.actor.name, at: unit.now.toISOString() });
}

/** The public URL of a message's CAP XML. */
export function capXmlUrl(settings: CapPublisherSettings, identifier: string): string {
  return `${settings.publicUrl}/public/alerts/${encodeURIComponent(identifier)}.xml`;
}

/** A payload every warning event carries, so live views update without a read. */
export function warningEventPayload(warning: Warning): Record<string, unknown> {
  return { id: warning.id, lineageId: warning.lineageId, state: warning.state, msgType: warning.msgType, colour: warning.colour, identifier: warning.identifier, headline: warning.headline, jurisdictionCode: warning.jurisdictionCode };
}

function capError(problems: readonly { path: string; message: string }[]): InvalidInputError {
  return new InvalidInputError(`cap: the CAP message would not validate: ${problems[0]!.path}: ${problems[0]!.message}`, problems.map((p) => ({ field: `cap${p.path}`, message: p.message })));
}

/**
 * Checks, before any transaction, the CAP message a publication will make: composed exactly as
 * it will be (same content, colour table, references, note) with the identifier it would get
 * now, then validated against the XSD and CAP's other rules. The schema check runs libxml2 in a
 * worker (≈ 0.2–1 s on a busy machine), so it must not run while the append-order lock is held;
 * inside the transaction only the identifier and `sent` change (same shapes), and the final
 * message is checked again by the codec's own rules (milliseconds).
 */
export async function precheckCap(
  ctx: ServiceContext,
  props: { content: WarningContent; jurisdictionCode: string; lineageId: string; msgType: CapMsgType; settings: CapPublisherSettings; note?: string | undefined },
): Promise<void> {
  const lineage = await store.listLineage(ctx.db, props.lineageId);
  const composed = await composeCap(ctx, {
    content: props.content,
    colourTable: (await loadColourTable(ctx.db)).value,
    settings: props.settings,
    identifier: await nextIdentifier(ctx.db, props.settings, props.jurisdictionCode, ctx.clock.now()),
    sent: ctx.clock.now(),
    msgType: props.msgType,
    references: props.msgType === 'Alert' ? undefined : referencesOf(lineage),
    note: props.note,
  });
  const problems = await validateCap(composed.xml);
  if (problems.length > 0) throw capError(problems);
}

/**
 * Publishes a local message inside the caller's unit of work: gives it its identifier, builds
 * its CAP XML (references to the earlier messages for an Update or Cancel), refuses to publish
 * XML that breaks CAP's rules (the XSD check ran before, in `precheckCap`), stores the XML (immutable from now on),
 * supersedes the previous message, hands the alert to dissemination and emits `warning.published`.
 */
export async function publishInUnit(
  ctx: ServiceContext,
  unit: UnitOfWork,
  props: { warning: Warning; settings: CapPublisherSettings; approvedBy?: string | undefined; note?: string | undefined },
): Promise<Warning> {
  const draft = props.warning;
  const content = draft.content as WarningContent;
  const txCtx = inTransaction(ctx, unit);
  const lineage = await store.listLineage(unit.tx, draft.lineageId);
  const previous = draft.supersedesId === null ? undefined : lineage.find((w) => w.id === draft.supersedesId);
  if (draft.supersedesId !== null && previous?.state !== 'published') {
    throw new ConflictError(`id: the message this ${draft.msgType} refers to is ${previous?.state ?? 'missing'}, no longer published`);
  }
  const identifier = await nextIdentifier(unit.tx, props.settings, draft.jurisdictionCode, unit.now);
  const colourTable = (await loadColourTable(unit.tx)).value;
  const msgType: CapMsgType = draft.msgType;
  const composed = await composeCap(txCtx, {
    content,
    colourTable,
    settings: props.settings,
    identifier,
    sent: unit.now,
    msgType,
    references: msgType === 'Alert' ? undefined : referencesOf(lineage),
    note: props.note,
  });
  const problems = parseCapXml(composed.xml).problems;
  if (problems.length > 0) throw capError(problems);
  const at = unit.now.toISOString();
  const published: Warning = {
    ...draft,
    state: 'published',
    identifier,
    sender: composed.alert.sender,
    sent: composed.alert.sent,
    capXml: composed.xml,
    publicAreas: publicAreasOf(content, composed.units),
    approvedBy: props.approvedBy ?? draft.approvedBy,
    publishedBy: ctx.actor.id,
    publishedAt: at,
    updatedAt: at,
  };
  await store.updateWarning(unit.tx, published);
  if (previous !== undefined) {
    const superseded: Warning = { ...previous, state: msgType === 'Cancel' ? 'cancelled' : 'updated', updatedAt: at };
    await store.updateWarning(unit.tx, superseded);
    await recordStep(ctx, unit, previous.id, superseded.state, { by: published.id, identifier });
    await unit.audit({ action: `warning.${superseded.state}`, targetType: 'warning', targetId: previous.id, jurisdictionCode: previous.jurisdictionCode, before: { state: 'published' }, after: { state: superseded.state, by: identifier } });
  }
  await recordStep(ctx, unit, published.id, 'published', { identifier, msgType, approvedBy: published.approvedBy });
  await unit.audit({ action: 'warning.publish', targetType: 'warning', targetId: published.id, jurisdictionCode: published.jurisdictionCode, before: warningSnapshot(draft), after: warningSnapshot(published) });
  await disseminateAlert(ctx, unit, {
    ref: { type: 'alert', id: published.id },
    area: {
      jurisdictionCodes: composed.units.map((u) => u.code),
      polygons: content.areas.polygons,
      circles: content.areas.circles.map((c) => ({ lat: c.lat, lon: c.lon, radiusKm: c.radiusKm })),
    },
    categories: content.categories,
    colour: content.colour,
    messages: composed.alert.infos.map((info) => ({
      language: info.language === 'en' ? ('en' as const) : ('zh-CN' as const),
      subject: msgType === 'Cancel' ? `${info.language === 'en' ? 'Cancelled' : '已解除'}: ${info.headline ?? info.event}` : (info.headline ?? info.event),
      body: [props.note, info.description, info.instruction].filter((part) => part !== undefined && part !== '').join('\n\n'),
    })),
    capXmlUrl: capXmlUrl(props.settings, identifier),
    capXml: composed.xml,
  });
  await unit.emit({ type: 'warning.published', jurisdictionPath: published.jurisdictionPath, payload: warningEventPayload(published) });
  return published;
}
