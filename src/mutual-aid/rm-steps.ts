import type { OfferAction } from './lifecycle.js';
import type { MutualAidRequest, Offer } from './request-model.js';
import type { RmContact, RmMessage, RmMessageType, RmSchedule } from './rm-message.js';

/** Which EDXL-RM message each offer step sends, and the deployment status it reports. */
const STEP_MESSAGES: Readonly<Record<OfferAction, { type: RmMessageType; status: string }>> = {
  commit: { type: 'CommitResource', status: 'Committed' },
  decline: { type: 'ReportResourceDeploymentStatus', status: 'Declined' },
  withdraw: { type: 'ReportResourceDeploymentStatus', status: 'Withdrawn' },
  cancel: { type: 'ReportResourceDeploymentStatus', status: 'Cancelled' },
  dispatch: { type: 'ReportResourceDeploymentStatus', status: 'Dispatched' },
  arrive: { type: 'ReportResourceDeploymentStatus', status: 'Arrived' },
  release: { type: 'ReleaseResource', status: 'Released' },
  return: { type: 'RequestReturn', status: 'Returned' },
};

export function messageTypeOfStep(action: OfferAction): RmMessageType {
  return STEP_MESSAGES[action].type;
}

/** The RequestResource that opens a request. */
export function requestMessage(request: MutualAidRequest, requesterName: string): RmMessage {
  return {
    type: 'RequestResource',
    messageId: request.messageId,
    sentAt: request.createdAt,
    originatingMessageId: null,
    precedingMessageId: null,
    incidentId: request.incidentId,
    description: request.notes,
    contact: { role: 'Requester', code: request.requesterCode, name: requesterName },
    resource: {
      infoElementId: request.id,
      name: request.resourceName,
      kind: request.resourceKind,
      type: request.resourceType,
      quantity: request.quantity,
      unit: request.unit,
      description: null,
      responseType: null,
      deploymentStatus: null,
      unitCost: null,
      currency: null,
      schedules: [{ type: 'RequestedArrival', at: request.neededBy, location: request.deliverTo }],
    },
  };
}

/** The ResponseToRequestResource an offer sends. */
export function offerMessage(request: MutualAidRequest, offer: Offer, messageId: string, offererName: string): RmMessage {
  const schedules: RmSchedule[] = offer.eta === null ? [] : [{ type: 'EstimatedArrival', at: offer.eta, location: request.deliverTo }];
  return {
    type: 'ResponseToRequestResource',
    messageId,
    sentAt: offer.createdAt,
    originatingMessageId: request.messageId,
    precedingMessageId: request.messageId,
    incidentId: request.incidentId,
    description: offer.notes,
    contact: { role: 'Sender', code: offer.offererCode, name: offererName },
    resource: {
      infoElementId: offer.id,
      name: request.resourceName,
      kind: request.resourceKind,
      type: request.resourceType,
      quantity: offer.quantity,
      unit: request.unit,
      description: null,
      responseType: 'Accept',
      deploymentStatus: null,
      unitCost: offer.unitCost,
      currency: offer.currency,
      schedules,
    },
  };
}

/** The message of one lifecycle step on an offer (or a free status report when `report` is given). */
export function stepMessage(props: {
  request: MutualAidRequest;
  offer: Offer;
  action: OfferAction | 'report';
  messageId: string;
  precedingMessageId: string;
  sentAt: string;
  contact: RmContact;
  note: string | null;
  /** For a report: the status text it carries. */
  reportStatus?: string;
}): RmMessage {
  const { request, offer, action } = props;
  const type: RmMessageType = action === 'report' ? 'ReportResourceDeploymentStatus' : STEP_MESSAGES[action].type;
  const status = action === 'report' ? (props.reportStatus ?? 'Status') : STEP_MESSAGES[action].status;
  const schedules: RmSchedule[] = [];
  if (action === 'dispatch') {
    schedules.push({ type: 'ActualDeparture', at: props.sentAt, location: null });
    if (offer.eta !== null) schedules.push({ type: 'EstimatedArrival', at: offer.eta, location: request.deliverTo });
  }
  if (action === 'arrive') schedules.push({ type: 'ActualArrival', at: props.sentAt, location: request.deliverTo });
  if (action === 'release') schedules.push({ type: 'RequestedReturn', at: props.sentAt, location: null });
  if (action === 'return') schedules.push({ type: 'ActualReturn', at: props.sentAt, location: null });
  const quantity = offer.committedQuantity > 0 ? offer.committedQuantity : offer.quantity;
  return {
    type,
    messageId: props.messageId,
    sentAt: props.sentAt,
    originatingMessageId: request.messageId,
    precedingMessageId: props.precedingMessageId,
    incidentId: request.incidentId,
    description: props.note,
    contact: props.contact,
    resource: {
      infoElementId: offer.id,
      name: request.resourceName,
      kind: request.resourceKind,
      type: request.resourceType,
      quantity,
      unit: request.unit,
      description: null,
      responseType: null,
      deploymentStatus: status,
      unitCost: offer.unitCost,
      currency: offer.currency,
      schedules,
    },
  };
}
