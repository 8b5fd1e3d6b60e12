import { ForbiddenError, InvalidInputError, NotFoundError } from '../core/errors.js';
import type { ServiceContext } from '../platform/context.js';
import { getIncident } from '../incidents/service.js';
import { messageToXml, parseMessageXml } from './edxl-rm-xml.js';
import { makeOffer } from './offer-service.js';
import { canViewRequest, createRequest, getRequest, loadRequest, type RequestView } from './request-service.js';
import * as store from './request-store.js';
import type { RmMessageType } from './rm-message.js';

export interface ExportedMessage {
  readonly seq: number;
  readonly type: RmMessageType;
  readonly messageId: string;
  readonly offerId: string | null;
  readonly sentAt: string;
  readonly xml: string;
}

/** Every EDXL-RM message of a request's lifecycle, in order, each as its XML document. */
export async function exportRequestMessages(ctx: ServiceContext, requestId: string): Promise<ExportedMessage[]> {
  const request = await loadRequest(ctx.db, requestId);
  const offers = await store.listOffers(ctx.db, request.id);
  if (!canViewRequest(ctx, request, offers)) throw new ForbiddenError(`id: request ${request.number} is outside your jurisdiction`);
  const messages = await store.listMessages(ctx.db, request.id);
  return messages.map((m) => ({ seq: m.seq, type: m.type, messageId: m.message.messageId, offerId: m.offerId, sentAt: m.message.sentAt, xml: messageToXml(m.message) }));
}

/** An IncidentID from another system links only when it names an incident here the actor sees; otherwise the request stands alone. */
async function localIncident(ctx: ServiceContext, id: string | null): Promise<string | null> {
  if (id === null) return null;
  try {
    return (await getIncident(ctx, id)).id;
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) return null;
    throw error;
  }
}

export interface ImportOutcome {
  readonly created: boolean;
  readonly messageType: RmMessageType;
  readonly view: RequestView;
}

/**
 * Imports one EDXL-RM message from another system: a RequestResource opens a request for the
 * unit in its ContactInformation, a ResponseToRequestResource offers on the request its
 * OriginatingMessageID names. The MessageID makes it idempotent: importing the same message
 * again returns what the first import made. The actor must be allowed to act for the unit, as
 * over the API.
 */
export async function importMessage(ctx: ServiceContext, xml: string): Promise<ImportOutcome> {
  const message = parseMessageXml(xml);
  const r = message.resource;
  if (message.type === 'RequestResource') {
    const existing = await store.findRequestByMessageId(ctx.db, message.messageId);
    if (existing !== undefined) return { created: false, messageType: message.type, view: await getRequest(ctx, existing.id) };
    const arrival = r.schedules.find((s) => s.type === 'RequestedArrival');
    if (arrival === undefined) throw InvalidInputError.forField('/RequestResource/ResourceInformation/ScheduleInformation', 'a RequestedArrival schedule (when and where) is required');
    const { value } = await createRequest(ctx, {
      requesterCode: message.contact.code,
      incidentId: await localIncident(ctx, message.incidentId),
      resourceKind: r.kind,
      resourceType: r.type,
      resourceName: r.name,
      quantity: r.quantity,
      unit: r.unit,
      neededBy: arrival.at,
      deliverTo: arrival.location ?? message.contact.name,
      notes: message.description,
      messageId: message.messageId,
    });
    return { created: true, messageType: message.type, view: value };
  }
  if (message.type === 'ResponseToRequestResource') {
    if (message.originatingMessageId === null) throw InvalidInputError.forField('/ResponseToRequestResource/OriginatingMessageID', 'is required: it names the request answered');
    const request = await store.findRequestByMessageId(ctx.db, message.originatingMessageId);
    if (request === undefined) throw InvalidInputError.forField('/ResponseToRequestResource/OriginatingMessageID', `no request came from message ${message.originatingMessageId}`);
    if (await store.messageExists(ctx.db, message.messageId)) return { created: false, messageType: message.type, view: await getRequest(ctx, request.id) };
    if (r.responseType === 'Decline') throw InvalidInputError.forField('/ResponseToRequestResource/ResourceInformation/ResponseInformation/ResponseType', 'a Decline offers nothing to record');
    const eta = r.schedules.find((s) => s.type === 'EstimatedArrival')?.at ?? null;
    const { value } = await makeOffer(ctx, {
      requestId: request.id,
      offererCode: message.contact.code,
      quantity: r.quantity,
      unitCost: r.unitCost,
      currency: r.currency,
      eta,
      notes: message.description,
      messageId: message.messageId,
    });
    return { created: true, messageType: message.type, view: value };
  }
  throw InvalidInputError.forField(`/${message.type}`, `importing ${message.type} is not supported: import the RequestResource and ResponseToRequestResource messages; later steps are taken through the API`);
}
