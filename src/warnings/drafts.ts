import { InvalidInputError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { ServiceContext, UnitOfWork } from '../platform/context.js';
import { warningSnapshot, type Warning, type WarningContent } from './model.js';
import { contentProblems, normaliseContent } from './content.js';
import { recordStep, warningEventPayload } from './publication.js';
import * as store from './store.js';

/** Content checked as a whole: the first problem is the error, every problem is in its details. */
export function assertValidContent(input: unknown, now: Date): void {
  const problems = contentProblems(input, now);
  if (problems.length > 0) {
    throw new InvalidInputError(`${problems[0]!.path}: ${problems[0]!.message}`, problems.map((p) => ({ field: p.path, message: p.message })));
  }
}

/** Content checked as a whole (see `assertValidContent`), then normalised for storage. */
export function checkContent(input: unknown, now: Date): WarningContent {
  assertValidContent(input, now);
  return normaliseContent(input as WarningContent);
}

/**
 * The fields every new local draft starts with, whatever it copies its content from: written by
 * this actor now, not yet sent (no CAP identity or XML), not yet through any review step.
 */
export function unsentDraftFields(ctx: ServiceContext, at: string) {
  return {
    identifier: null,
    sender: null,
    sent: null,
    capXml: null,
    publicAreas: null,
    createdBy: ctx.actor.id,
    createdByName: ctx.actor.name,
    submittedBy: null,
    approvedBy: null,
    publishedBy: null,
    rejectionReason: null,
    createdAt: at,
    updatedAt: at,
    publishedAt: null,
  } satisfies Partial<Warning>;
}

/** A new draft message (an Alert, or an Update in an existing lineage). */
export function newDraft(ctx: ServiceContext, unit: UnitOfWork, props: { content: WarningContent; code: string; path: string; lineageId?: string; supersedesId?: string; msgType: Warning['msgType'] }): Warning {
  const at = unit.now.toISOString();
  const id = newId(unit.now.getTime());
  return {
    id,
    lineageId: props.lineageId ?? id,
    supersedesId: props.supersedesId ?? null,
    origin: 'local',
    msgType: props.msgType,
    state: 'draft',
    colour: props.content.colour,
    jurisdictionCode: props.code,
    jurisdictionPath: props.path,
    content: props.content,
    imported: null,
    headline: props.content.texts.zh.headline,
    incidentId: props.content.incidentId ?? null,
    expiresAt: new Date(props.content.expires).toISOString(),
    ...unsentDraftFields(ctx, at),
  };
}

/** Inserts a draft with its history entry, audit record and event, inside `unit`. */
export async function insertDraft(ctx: ServiceContext, unit: UnitOfWork, draft: Warning): Promise<Warning> {
  await store.insertWarning(unit.tx, draft);
  await recordStep(ctx, unit, draft.id, 'drafted', { msgType: draft.msgType, supersedes: draft.supersedesId });
  await unit.audit({ action: 'warning.draft', targetType: 'warning', targetId: draft.id, jurisdictionCode: draft.jurisdictionCode, after: { ...warningSnapshot(draft), content: draft.content } });
  await unit.emit({ type: 'warning.drafted', jurisdictionPath: draft.jurisdictionPath, payload: warningEventPayload(draft) });
  return draft;
}


