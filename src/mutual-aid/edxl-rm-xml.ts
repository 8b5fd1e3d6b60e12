import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { InvalidInputError, type ErrorDetail } from '../core/errors.js';
import { RESOURCE_TYPE_VALUE_LIST, formatResourceTypeValue, parseResourceTypeValue } from './resource-types.js';
import {
  RESPONSE_TYPES,
  RM_NAMESPACE,
  RM_TYPES_NAMESPACE,
  SCHEDULE_TYPES,
  isRmMessageType,
  type ResponseType,
  type RmMessage,
  type RmSchedule,
  type ScheduleType,
} from './rm-message.js';

/**
 * EDXL-RM 1.0 XML for one message (rm-message.ts): the message element in the `…:RM:1.0:msg`
 * namespace, its structured parts in the `…:RM:1.0` types namespace (prefix rm). Seamless's own
 * conventions inside the standard's free fields: the sending unit's code in
 * ContactLocation/LocationDescription as "GB/T 2260:<12-digit code>" (DESIGN.md uses the same
 * valueName for CAP geocodes), NIMS kind and type in TypeStructure as "team:2" under
 * RESOURCE_TYPE_VALUE_LIST, the deployment status under DEPLOYMENT_STATUS_LIST.
 */
const DEPLOYMENT_STATUS_LIST = 'urn:seamless:rm:deployment-status';
const CODE_PREFIX = 'GB/T 2260:';
export const EDXL_RM_MAX_BYTES = 1_000_000;

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: false });

/** Timestamps carry an explicit offset in the XML. */
function withOffset(iso: string): string {
  return iso.endsWith('Z') ? `${iso.slice(0, -1)}+00:00` : iso;
}

function optional<T>(value: T | null, element: (v: T) => Record<string, unknown>): Record<string, unknown> {
  return value === null ? {} : element(value);
}

export function messageToXml(message: RmMessage): string {
  const r = message.resource;
  const body: Record<string, unknown> = {
    '@_xmlns': RM_NAMESPACE,
    '@_xmlns:rm': RM_TYPES_NAMESPACE,
    MessageID: message.messageId,
    SentDateTime: withOffset(message.sentAt),
    MessageContentType: message.type,
    ...optional(message.description, (v) => ({ MessageDescription: v })),
    ...optional(message.originatingMessageId, (v) => ({ OriginatingMessageID: v })),
    ...optional(message.precedingMessageId, (v) => ({ PrecedingMessageID: v })),
    ...optional(message.incidentId, (v) => ({ IncidentInformation: { 'rm:IncidentID': v } })),
    ContactInformation: {
      'rm:ContactDescription': message.contact.name,
      'rm:ContactRole': message.contact.role,
      'rm:ContactLocation': { 'rm:LocationDescription': `${CODE_PREFIX}${message.contact.code}` },
    },
    ResourceInformation: {
      'rm:ResourceInfoElementID': r.infoElementId,
      ...optional(r.responseType, (v) => ({ 'rm:ResponseInformation': { 'rm:ResponseType': v } })),
      'rm:Resource': {
        'rm:Name': r.name,
        'rm:TypeStructure': { 'rm:Value': formatResourceTypeValue(r.kind, r.type), 'rm:ValueListURN': RESOURCE_TYPE_VALUE_LIST },
        ...optional(r.description, (v) => ({ 'rm:Description': v })),
        ...optional(r.deploymentStatus, (v) => ({ 'rm:ResourceStatus': { 'rm:DeploymentStatus': { 'rm:Value': v, 'rm:ValueListURN': DEPLOYMENT_STATUS_LIST } } })),
      },
      'rm:AssignmentInformation': {
        'rm:Quantity': { 'rm:MeasuredQuantity': { 'rm:Amount': String(r.quantity), 'rm:UnitOfMeasure': r.unit } },
        ...optional(r.unitCost, (v) => ({ 'rm:PriceQuote': { 'rm:Value': String(v), ...optional(r.currency, (c) => ({ 'rm:Currency': c })) } })),
      },
      ...(r.schedules.length === 0
        ? {}
        : {
            'rm:ScheduleInformation': r.schedules.map((s) => ({
              'rm:ScheduleType': s.type,
              'rm:DateTime': withOffset(s.at),
              ...optional(s.location, (v) => ({ 'rm:Location': { 'rm:LocationDescription': v } })),
            })),
          }),
    },
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [message.type]: body }) as string}`;
}

// ---------------------------------------------------------------- reading

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => name === 'ScheduleInformation',
});

type Node = Record<string, unknown>;

class Reader {
  readonly problems: ErrorDetail[] = [];
  text(node: unknown, path: string, required: true): string;
  text(node: unknown, path: string, required: false): string | null;
  text(node: unknown, path: string, required: boolean): string | null {
    const value = typeof node === 'object' && node !== null && '#text' in node ? (node as Node)['#text'] : node;
    if (value === undefined || value === null || value === '') {
      if (required) this.problems.push({ field: path, message: 'is required' });
      return null;
    }
    if (typeof value !== 'string') {
      this.problems.push({ field: path, message: 'must be text' });
      return null;
    }
    return value;
  }
  node(node: unknown, path: string, required: boolean): Node | null {
    if (node === undefined || node === null || node === '') {
      if (required) this.problems.push({ field: path, message: 'is required' });
      return null;
    }
    if (typeof node !== 'object' || Array.isArray(node)) {
      this.problems.push({ field: path, message: 'must be one element with child elements' });
      return null;
    }
    return node as Node;
  }
  dateTime(node: unknown, path: string): string | null {
    const text = this.text(node, path, true);
    if (text === null) return null;
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text) || Number.isNaN(Date.parse(text))) {
      this.problems.push({ field: path, message: `"${text}" is not an xsd:dateTime with a zone` });
      return null;
    }
    return new Date(text).toISOString();
  }
  number(node: unknown, path: string, required: boolean): number | null {
    const text = this.text(node, path, required as true);
    if (text === null) return null;
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0) {
      this.problems.push({ field: path, message: `"${text}" is not a number ≥ 0` });
      return null;
    }
    return value;
  }
}

function rootNamespaceOk(xml: string, rootName: string): boolean {
  // The root element must be in the EDXL-RM message namespace: default or prefixed.
  const raw = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(xml) as Node;
  const rootKey = Object.keys(raw).find((key) => key === rootName || key.endsWith(`:${rootName}`));
  if (rootKey === undefined) return false;
  const attributes = raw[rootKey] as Node;
  const prefix = rootKey.includes(':') ? rootKey.split(':')[0] : undefined;
  return (prefix === undefined ? attributes['@_xmlns'] : attributes[`@_xmlns:${prefix}`]) === RM_NAMESPACE;
}

/**
 * Reads one EDXL-RM 1.0 message. Every problem found is reported with its path
 * ("/RequestResource/ResourceInformation/Resource/Name"): a 400 with all of them in `details`.
 */
export function parseMessageXml(xml: string): RmMessage {
  if (Buffer.byteLength(xml, 'utf8') > EDXL_RM_MAX_BYTES) throw InvalidInputError.forField('xml', `is larger than ${EDXL_RM_MAX_BYTES} bytes`);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw InvalidInputError.forField('xml', `is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const doc = parser.parse(xml) as Node;
  const rootName = Object.keys(doc).find((key) => key !== '?xml');
  if (rootName === undefined || !isRmMessageType(rootName)) {
    throw InvalidInputError.forField('xml', `the root element ${rootName ?? '(none)'} is not an EDXL-RM message this system exchanges`);
  }
  if (!rootNamespaceOk(xml, rootName)) throw InvalidInputError.forField(`/${rootName}`, `must be in the namespace ${RM_NAMESPACE}`);
  const read = new Reader();
  const at = `/${rootName}`;
  const root = read.node(doc[rootName], at, true)!;
  const messageId = read.text(root.MessageID, `${at}/MessageID`, true);
  const sentAt = read.dateTime(root.SentDateTime, `${at}/SentDateTime`);
  const contentType = read.text(root.MessageContentType, `${at}/MessageContentType`, true);
  if (contentType !== null && contentType !== rootName) read.problems.push({ field: `${at}/MessageContentType`, message: `is ${contentType} but the element is ${rootName}` });
  const incident = read.node(root.IncidentInformation, `${at}/IncidentInformation`, false);
  const contact = read.node(root.ContactInformation, `${at}/ContactInformation`, true);
  const cAt = `${at}/ContactInformation`;
  const contactName = contact === null ? null : read.text(contact.ContactDescription, `${cAt}/ContactDescription`, true);
  const contactRole = contact === null ? null : read.text(contact.ContactRole, `${cAt}/ContactRole`, true);
  if (contactRole !== null && !['Requester', 'Sender', 'Approver'].includes(contactRole)) read.problems.push({ field: `${cAt}/ContactRole`, message: 'must be Requester, Sender or Approver' });
  const location = contact === null ? null : read.node(contact.ContactLocation, `${cAt}/ContactLocation`, true);
  const codeText = location === null ? null : read.text(location.LocationDescription, `${cAt}/ContactLocation/LocationDescription`, true);
  if (codeText !== null && !codeText.startsWith(CODE_PREFIX)) read.problems.push({ field: `${cAt}/ContactLocation/LocationDescription`, message: `must read "${CODE_PREFIX}<jurisdiction code>"` });
  const rAt = `${at}/ResourceInformation`;
  const info = read.node(root.ResourceInformation, rAt, true);
  const resource = info === null ? null : read.node(info.Resource, `${rAt}/Resource`, true);
  const typeStructure = resource === null ? null : read.node(resource.TypeStructure, `${rAt}/Resource/TypeStructure`, true);
  const typeValue = typeStructure === null ? null : read.text(typeStructure.Value, `${rAt}/Resource/TypeStructure/Value`, true);
  const typing = typeValue === null ? undefined : parseResourceTypeValue(typeValue);
  if (typeValue !== null && typing === undefined) read.problems.push({ field: `${rAt}/Resource/TypeStructure/Value`, message: `"${typeValue}" is not kind[:type] with kind personnel, team, equipment, supply or facility and type 1–4` });
  const assignment = info === null ? null : read.node(info.AssignmentInformation, `${rAt}/AssignmentInformation`, true);
  const measured = assignment === null ? null : read.node((read.node(assignment.Quantity, `${rAt}/AssignmentInformation/Quantity`, true) ?? {}).MeasuredQuantity, `${rAt}/AssignmentInformation/Quantity/MeasuredQuantity`, true);
  const quantity = measured === null ? null : read.number(measured.Amount, `${rAt}/AssignmentInformation/Quantity/MeasuredQuantity/Amount`, true);
  const unit = measured === null ? null : read.text(measured.UnitOfMeasure, `${rAt}/AssignmentInformation/Quantity/MeasuredQuantity/UnitOfMeasure`, true);
  const price = assignment === null ? null : read.node(assignment.PriceQuote, `${rAt}/AssignmentInformation/PriceQuote`, false);
  const responseInfo = info === null ? null : read.node(info.ResponseInformation, `${rAt}/ResponseInformation`, false);
  const responseType = responseInfo === null ? null : read.text(responseInfo.ResponseType, `${rAt}/ResponseInformation/ResponseType`, true);
  if (responseType !== null && !(RESPONSE_TYPES as readonly string[]).includes(responseType)) read.problems.push({ field: `${rAt}/ResponseInformation/ResponseType`, message: `must be one of ${RESPONSE_TYPES.join(', ')}` });
  const status = resource === null ? null : read.node(resource.ResourceStatus, `${rAt}/Resource/ResourceStatus`, false);
  const deployment = status === null ? null : read.node(status.DeploymentStatus, `${rAt}/Resource/ResourceStatus/DeploymentStatus`, true);
  const schedules: RmSchedule[] = [];
  const scheduleNodes = info === null ? [] : ((info.ScheduleInformation as unknown[] | undefined) ?? []);
  scheduleNodes.forEach((raw, k) => {
    const sAt = `${rAt}/ScheduleInformation[${k + 1}]`;
    const node = read.node(raw, sAt, true);
    if (node === null) return;
    const type = read.text(node.ScheduleType, `${sAt}/ScheduleType`, true);
    if (type !== null && !(SCHEDULE_TYPES as readonly string[]).includes(type)) read.problems.push({ field: `${sAt}/ScheduleType`, message: `must be one of ${SCHEDULE_TYPES.join(', ')}` });
    const when = read.dateTime(node.DateTime, `${sAt}/DateTime`);
    const place = read.node(node.Location, `${sAt}/Location`, false);
    const locationText = place === null ? null : read.text(place.LocationDescription, `${sAt}/Location/LocationDescription`, false);
    if (type !== null && when !== null) schedules.push({ type: type as ScheduleType, at: when, location: locationText });
  });
  const infoElementId = info === null ? null : read.text(info.ResourceInfoElementID, `${rAt}/ResourceInfoElementID`, true);
  const resourceName = resource === null ? null : read.text(resource.Name, `${rAt}/Resource/Name`, true);
  if (read.problems.length > 0) {
    const first = read.problems[0]!;
    throw new InvalidInputError(`${first.field}: ${first.message}`, read.problems);
  }
  return {
    type: rootName,
    messageId: messageId!,
    sentAt: sentAt!,
    originatingMessageId: read.text(root.OriginatingMessageID, `${at}/OriginatingMessageID`, false),
    precedingMessageId: read.text(root.PrecedingMessageID, `${at}/PrecedingMessageID`, false),
    incidentId: incident === null ? null : read.text(incident.IncidentID, `${at}/IncidentInformation/IncidentID`, false),
    description: read.text(root.MessageDescription, `${at}/MessageDescription`, false),
    contact: { role: contactRole as RmMessage['contact']['role'], code: codeText!.slice(CODE_PREFIX.length), name: contactName! },
    resource: {
      infoElementId: infoElementId!,
      name: resourceName!,
      kind: typing!.kind,
      type: typing!.type,
      quantity: quantity!,
      unit: unit!,
      description: read.text(resource!.Description, `${rAt}/Resource/Description`, false),
      responseType: responseType as ResponseType | null,
      deploymentStatus: deployment === null ? null : read.text(deployment.Value, `${rAt}/Resource/ResourceStatus/DeploymentStatus/Value`, false),
      unitCost: price === null ? null : read.number(price.Value, `${rAt}/AssignmentInformation/PriceQuote/Value`, true),
      currency: price === null ? null : read.text(price.Currency, `${rAt}/AssignmentInformation/PriceQuote/Currency`, false),
      schedules,
    },
  };
}
