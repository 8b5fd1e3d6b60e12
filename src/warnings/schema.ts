import { Type, type Static } from 'typebox';
import { WARNING_COLOURS } from '../core/warning-levels.js';
import { ROLES } from '../core/roles.js';
import { CAP_CATEGORIES, CAP_CERTAINTIES, CAP_RESPONSE_TYPES, CAP_SEVERITIES, CAP_URGENCIES } from './cap/model.js';
import { ISSUING_LEVELS } from './authority-rules.js';
import { LIMITS, WARNING_CAP_STATUSES, WARNING_STATES } from './model.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Colour = Type.Enum([...WARNING_COLOURS]);
const State = Type.Enum([...WARNING_STATES]);
const MsgType = Type.Enum(['Alert', 'Update', 'Cancel', 'Ack', 'Error']);
const JurisdictionCode = Type.String({ minLength: 1, maxLength: 64, description: 'Padded (420102000000) or unpadded (420102) code' });
const Id = Type.String({ minLength: 1, maxLength: 200 });

const Text = Type.Object(
  {
    headline: Type.String({ maxLength: LIMITS.headlineMax }),
    description: Type.String({ maxLength: LIMITS.descriptionMax }),
    instruction: Type.Optional(Nullable(Type.String({ maxLength: LIMITS.instructionMax }))),
  },
  { additionalProperties: false },
);

const LatLon = Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: '[latitude, longitude] (WGS 84), as CAP writes pairs' });

const Areas = Type.Object(
  {
    jurisdictionCodes: Type.Array(JurisdictionCode, { maxItems: LIMITS.areasMax, description: 'jurisdictions, each becomes an area with its geocode (GB/T 2260 or GB/T 10114)' }),
    polygons: Type.Optional(Type.Array(Type.Array(LatLon, { maxItems: LIMITS.polygonPairsMax }), { maxItems: LIMITS.areasMax, description: 'closed rings of [lat, lon] pairs (≥ 4, last = first)' })),
    circles: Type.Optional(Type.Array(Type.Object({ lat: Type.Number(), lon: Type.Number(), radiusKm: Type.Number() }, { additionalProperties: false }), { maxItems: LIMITS.areasMax })),
    description: Type.Optional(Nullable(Type.String({ maxLength: 500, description: 'areaDesc of the drawn shapes' }))),
  },
  { additionalProperties: false },
);

const ContentProperties = {
  status: Type.Optional(Type.Enum([...WARNING_CAP_STATUSES], { default: 'Actual' })),
  categories: Type.Array(Type.Enum([...CAP_CATEGORIES]), { minItems: 1, maxItems: 12 }),
  event: Type.Object({ zh: Type.String({ maxLength: LIMITS.eventMax }), en: Type.Optional(Nullable(Type.String({ maxLength: LIMITS.eventMax }))) }, { additionalProperties: false }),
  responseTypes: Type.Optional(Type.Array(Type.Enum([...CAP_RESPONSE_TYPES]), { maxItems: 9 })),
  certainty: Type.Enum([...CAP_CERTAINTIES]),
  colour: Colour,
  onset: Type.Optional(Nullable(Type.String({ maxLength: 40, description: 'date-time with zone' }))),
  expires: Type.String({ maxLength: 40, description: 'date-time with zone; within 30 days' }),
  texts: Type.Object({ zh: Text, en: Type.Optional(Nullable(Text)) }, { additionalProperties: false }),
  areas: Areas,
  resources: Type.Optional(Type.Array(Type.Object({ resourceDesc: Type.String({ maxLength: 500 }), mimeType: Type.String({ maxLength: 200 }), uri: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))), size: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))) }, { additionalProperties: false }), { maxItems: LIMITS.resourcesMax })),
  contact: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  incidentId: Type.Optional(Nullable(Type.String({ maxLength: 64, description: 'the incident this warning is about' }))),
};

export const ContentSchema = Type.Object(ContentProperties, { additionalProperties: false, description: 'What the drafter writes; severity and urgency come from the colour table' });

export const CreateBody = Type.Object({ jurisdictionCode: JurisdictionCode, content: ContentSchema }, { additionalProperties: false });
export const EditBody = Type.Object({ content: ContentSchema }, { additionalProperties: false });
export const ValidateBody = Type.Object(
  {
    jurisdictionCode: JurisdictionCode,
    // Live validation takes half-written content: the answer lists what is missing.
    content: Type.Record(Type.String(), Type.Any(), { description: 'the content as far as it is written' }),
  },
  { additionalProperties: false },
);
export const ReasonBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: LIMITS.reasonMax }) }, { additionalProperties: false });
export const IdParam = Type.Object({ id: Id });
export const ImportQuery = Type.Object({ jurisdictionCode: JurisdictionCode }, { additionalProperties: false });

export const ProblemSchema = Type.Object({ path: Type.String(), message: Type.String() });
export const ValidationResponse = Type.Object({ valid: Type.Boolean(), problems: Type.Array(ProblemSchema), xml: Nullable(Type.String()) });

export const WarningSchema = Type.Object({
  id: Type.String(),
  lineageId: Type.String(),
  supersedesId: Nullable(Type.String()),
  origin: Type.Enum(['local', 'import']),
  msgType: MsgType,
  state: State,
  colour: Nullable(Colour),
  jurisdictionCode: Type.String(),
  jurisdictionName: Nullable(Type.String()),
  headline: Nullable(Type.String()),
  content: Nullable(Type.Any({ description: 'the drafted content (local warnings)' })),
  imported: Nullable(Type.Any({ description: 'the parsed CAP message (imports)' })),
  incidentId: Nullable(Type.String()),
  expiresAt: Nullable(Type.String()),
  identifier: Nullable(Type.String()),
  sender: Nullable(Type.String()),
  sent: Nullable(Type.String()),
  capXmlUrl: Nullable(Type.String({ description: 'the public CAP XML, once published' })),
  createdBy: Type.String(),
  createdByName: Type.String(),
  submittedBy: Nullable(Type.String()),
  approvedBy: Nullable(Type.String()),
  publishedBy: Nullable(Type.String()),
  rejectionReason: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  publishedAt: Nullable(Type.String()),
  allowedActions: Type.Array(Type.String(), { description: 'what the state machine allows next (the rules and roles may narrow it)' }),
  permittedActions: Type.Optional(Type.Array(Type.String(), { description: 'of those, what you may do now under the authority rules (on single reads)' })),
});
export type WarningBody = Static<typeof WarningSchema>;

export const ListQuery = Type.Object(
  {
    within: Type.Optional(Type.String({ maxLength: 64, description: 'jurisdiction code; default: your whole scope' })),
    state: Type.Optional(Type.Array(State, { maxItems: 6 })),
    colour: Type.Optional(Type.Array(Colour, { maxItems: 4 })),
    origin: Type.Optional(Type.Enum(['local', 'import'])),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 64 })),
    format: Type.Optional(Type.Literal('csv')),
  },
  { additionalProperties: false },
);
export const WarningPage = Type.Object({ items: Type.Array(WarningSchema), nextCursor: Nullable(Type.String()) });

export const HistorySchema = Type.Object({
  history: Type.Array(Type.Object({ id: Type.String(), action: Type.String(), detail: Type.Record(Type.String(), Type.Any()), actorId: Type.String(), actorName: Type.String(), at: Type.String() })),
  lineage: Type.Array(Type.Object({ id: Type.String(), msgType: MsgType, state: State, identifier: Nullable(Type.String()), sent: Nullable(Type.String()) })),
});

export const DeliverySchema = Type.Object({
  channels: Type.Array(Type.Object({ channel: Type.String(), counts: Type.Record(Type.String(), Type.Integer()) })),
});

const Mapping = Type.Object({ severity: Type.Enum([...CAP_SEVERITIES]), urgency: Type.Enum([...CAP_URGENCIES]) }, { additionalProperties: false });
export const ColourTableSchema = Type.Object({ red: Mapping, orange: Mapping, yellow: Mapping, blue: Mapping }, { additionalProperties: false });
const Rule = Type.Object(
  {
    mode: Type.Enum(['direct', 'approval', 'forbidden']),
    approverRole: Type.Optional(Type.Enum([...ROLES])),
    approverLevel: Type.Optional(Type.Enum([...ISSUING_LEVELS])),
  },
  { additionalProperties: false },
);
const RuleRow = Type.Object({ red: Rule, orange: Rule, yellow: Rule, blue: Rule }, { additionalProperties: false });
export const AuthorityRulesSchema = Type.Object(
  {
    rules: Type.Object({ province: RuleRow, city: RuleRow, county: RuleRow, township: RuleRow }, { additionalProperties: false }),
    twoPersonColours: Type.Array(Colour, { maxItems: 4 }),
  },
  { additionalProperties: false },
);
const SettingMeta = { source: Type.Enum(['default', 'configured']), updatedBy: Nullable(Type.String()), updatedAt: Nullable(Type.String()) };
export const ColourTableResponse = Type.Object({ value: ColourTableSchema, ...SettingMeta });
export const AuthorityRulesResponse = Type.Object({ value: AuthorityRulesSchema, ...SettingMeta });

export const IdentifierParam = Type.Object({ file: Type.String({ minLength: 5, maxLength: 250, pattern: '^[^/]+\\.xml$', description: '{identifier}.xml' }) });

const PublicAreaSchema = Type.Object({
  areaDesc: Type.Object({ zh: Type.String(), en: Nullable(Type.String()) }),
  jurisdictionCode: Nullable(Type.String()),
  geometry: Nullable(Type.Object({ type: Type.String(), coordinates: Type.Any() })),
  circle: Nullable(Type.Object({ center: Type.Array(Type.Number()), radiusKm: Type.Number() })),
});
export const PublicAlertSchema = Type.Object({
  identifier: Type.String(),
  msgType: MsgType,
  colour: Nullable(Colour),
  sent: Type.String(),
  expires: Nullable(Type.String()),
  event: Type.Object({ zh: Type.String(), en: Nullable(Type.String()) }),
  headline: Type.Object({ zh: Type.String(), en: Nullable(Type.String()) }),
  description: Type.Object({ zh: Type.String(), en: Nullable(Type.String()) }),
  instruction: Type.Object({ zh: Nullable(Type.String()), en: Nullable(Type.String()) }),
  severity: Type.String(),
  urgency: Type.String(),
  areas: Type.Array(PublicAreaSchema),
  capXmlUrl: Type.String(),
});
export const PublicAlertsResponse = Type.Object({ updated: Type.String(), alerts: Type.Array(PublicAlertSchema) });
