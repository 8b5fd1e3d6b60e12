import { Type, type Static } from 'typebox';
import { JURISDICTION_LEVELS } from '../core/jurisdiction-code.js';
import { SEVERITY_LEVELS } from '../core/incident-types.js';
import { INTENSITIES } from './intensity.js';
import { CASCADE_MODES, LIMITS, RECIPIENT_STATES } from './model.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const Code = Type.String({ minLength: 1, maxLength: 64, description: 'Padded (420100000000) or unpadded (4201) jurisdiction code' });
const Level = Type.Enum(JURISDICTION_LEVELS);
const Intensity = Type.Enum(INTENSITIES, { description: 'advisory < inspection < business_closure < movement_restriction < road_closure < full_lockdown' });
const Instant = Type.String({ minLength: 10, maxLength: 40, description: 'ISO 8601 date-time' });
const Id = Type.String({ minLength: 1, maxLength: 64 });

const BilingualInput = (max: number) =>
  Type.Object({ zh: Type.String({ minLength: 1, maxLength: max }), en: Type.Optional(Nullable(Type.String({ maxLength: max }))) }, { additionalProperties: false });
const Bilingual = Type.Object({ zh: Type.String(), en: Nullable(Type.String()) });

const DeadlinePair = Type.Object({ acknowledgeBy: Instant, completeBy: Instant }, { additionalProperties: false });

export const DeadlinesInput = Type.Object(
  {
    acknowledgeBy: Instant,
    completeBy: Instant,
    byLevel: Type.Optional(Type.Record(Type.String(), DeadlinePair, { description: 'per-level deadlines (province, city, county, township, village, grid); other levels take the default' })),
  },
  { additionalProperties: false },
);

const TargetInput = Type.Union([
  Type.Object({ kind: Type.Literal('subtree'), rootCode: Code, downToLevel: Type.Optional(Nullable(Level)) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('level'), rootCode: Code, level: Level }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('units'), codes: Type.Array(Code, { minItems: 1, maxItems: LIMITS.unitsMax }) }, { additionalProperties: false }),
], { description: 'subtree (down to a level), one level within a subtree, or a list of units' });

const ItemList = Type.Array(BilingualInput(LIMITS.itemMax), { maxItems: LIMITS.itemsMax });

export const IssueOrderBody = Type.Object(
  {
    issuerCode: Code,
    title: BilingualInput(LIMITS.titleMax),
    body: BilingualInput(LIMITS.bodyMax),
    actions: Type.Optional(ItemList),
    evidenceRequired: Type.Optional(ItemList),
    target: TargetInput,
    cascade: Type.Enum(CASCADE_MODES),
    deadlines: DeadlinesInput,
    maxIntensity: Type.Optional(Intensity),
    incidentId: Type.Optional(Nullable(Id)),
    escalationGraceMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.graceMinutesMax })),
  },
  { additionalProperties: false },
);
export type IssueOrderBody = Static<typeof IssueOrderBody>;

export const AmendOrderBody = Type.Object(
  {
    note: Type.String({ minLength: 1, maxLength: LIMITS.noteMax, description: 'why the order changes' }),
    title: Type.Optional(BilingualInput(LIMITS.titleMax)),
    body: Type.Optional(BilingualInput(LIMITS.bodyMax)),
    actions: Type.Optional(ItemList),
    evidenceRequired: Type.Optional(ItemList),
    deadlines: Type.Optional(DeadlinesInput),
    maxIntensity: Type.Optional(Intensity),
  },
  { additionalProperties: false },
);

export const WithdrawOrderBody = Type.Object({ note: Type.String({ minLength: 1, maxLength: LIMITS.noteMax }) }, { additionalProperties: false });

export const IdParam = Type.Object({ id: Id });
export const UnitParams = Type.Object({ id: Id, unitCode: Code });
export const FlagParams = Type.Object({ id: Id, flagId: Id });

export const OrderSchema = Type.Object({
  id: Type.String(),
  number: Type.String({ description: 'ORD-<year>-<sequence>' }),
  issuerCode: Type.String(),
  title: Bilingual,
  body: Bilingual,
  actions: Type.Array(Bilingual),
  evidenceRequired: Type.Array(Bilingual),
  target: Type.Object({ kind: Type.String(), rootCode: Type.Optional(Type.String()), downToLevel: Type.Optional(Nullable(Type.String())), level: Type.Optional(Type.String()), codes: Type.Optional(Type.Array(Type.String())) }),
  cascade: Type.Enum(CASCADE_MODES),
  deadlines: Type.Record(Type.String(), Type.Object({ acknowledgeBy: Type.String(), completeBy: Type.String() })),
  maxIntensity: Intensity,
  incidentId: Nullable(Type.String()),
  incidentLevel: Nullable(Type.Enum(SEVERITY_LEVELS)),
  escalationGraceMinutes: Type.Integer(),
  status: Type.Union([Type.Literal('active'), Type.Literal('withdrawn')]),
  revision: Type.Integer(),
  recipientCount: Type.Integer(),
  issuedBy: Type.String(),
  issuedAt: Type.String(),
  updatedAt: Type.String(),
});
export type OrderBody = Static<typeof OrderSchema>;

const EvidenceSchema = Type.Object({
  kind: Type.Union([Type.Literal('text'), Type.Literal('link'), Type.Literal('photo_ref')]),
  value: Type.String({ minLength: 1, maxLength: LIMITS.itemMax * 4 }),
  note: Type.Optional(Nullable(Type.String({ maxLength: LIMITS.noteMax }))),
}, { additionalProperties: false });

export const RecipientSchema = Type.Object({
  unitCode: Type.String(),
  name: Nullable(Type.String()),
  pathAtIssue: Type.String(),
  parentCode: Nullable(Type.String()),
  level: Type.String(),
  state: Type.Enum(RECIPIENT_STATES),
  receivedAt: Nullable(Type.String()),
  acknowledgedRevision: Type.Integer({ description: '0 before the first acknowledgement' }),
  acknowledgedAt: Nullable(Type.String()),
  acknowledgedBy: Nullable(Type.String()),
  forwardedAt: Nullable(Type.String()),
  completedAt: Nullable(Type.String()),
  completedBy: Nullable(Type.String()),
  evidence: Nullable(Type.Array(Type.Object({ kind: Type.String(), value: Type.String(), note: Nullable(Type.String()) }))),
  acknowledgeBy: Type.String(),
  completeBy: Type.String(),
  overdueAcknowledgement: Type.Boolean(),
  overdueCompletion: Type.Boolean(),
});
export type RecipientBody = Static<typeof RecipientSchema>;

export const OrderDetailSchema = Type.Object({
  order: OrderSchema,
  myUnits: Type.Array(RecipientSchema, { description: 'your own units (grants exactly at a recipient) with their state' }),
  revisions: Type.Array(Type.Object({ revision: Type.Integer(), kind: Type.String(), note: Nullable(Type.String()), changes: Type.Record(Type.String(), Type.Any()), by: Type.String(), at: Type.String() })),
  canManage: Type.Boolean(),
  trackFrom: Nullable(Type.String({ description: 'where your view of the roll-up starts: the issuing unit, or your own unit on the cascade' })),
});

export const OrderListQuery = Type.Object(
  {
    within: Type.Optional(Type.String({ maxLength: 64, description: 'jurisdiction code: orders issued in or reaching this subtree; default: your whole scope' })),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('withdrawn')])),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export const OrderPage = Type.Object({ items: Type.Array(OrderSchema), nextCursor: Nullable(Type.String()) });

export const ResponseSchema = Type.Object({
  recipient: RecipientSchema,
  revision: Type.Integer(),
  changed: Type.Boolean({ description: 'false when this repeated an earlier answer (nothing counted twice)' }),
  forwardedTo: Type.Optional(Type.Integer()),
});

export const CompleteBody = Type.Object({ evidence: Type.Array(EvidenceSchema, { maxItems: LIMITS.evidenceMax }) }, { additionalProperties: false });
export const EmptyBody = Type.Optional(Type.Object({}, { additionalProperties: false }));

export const InstructionBody = Type.Object({ text: BilingualInput(LIMITS.instructionMax), intensity: Intensity }, { additionalProperties: false });

export const InstructionSchema = Type.Object({
  id: Type.String(),
  unitCode: Type.String(),
  text: Bilingual,
  intensity: Intensity,
  allowedIntensity: Intensity,
  status: Type.Union([Type.Literal('in_force'), Type.Literal('under_review'), Type.Literal('revoked')]),
  createdBy: Type.String(),
  createdAt: Type.String(),
});
export const InstructionCreated = Type.Object({ instruction: InstructionSchema, flagId: Nullable(Type.String({ description: 'set when the instruction was flagged for review' })) });
export const InstructionList = Type.Object({ items: Type.Array(InstructionSchema) });

const Counts = Type.Object({
  targeted: Type.Integer(),
  received: Type.Integer(),
  notReceived: Type.Integer(),
  acknowledged: Type.Integer(),
  completed: Type.Integer(),
  overdueAcknowledgement: Type.Integer(),
  overdueCompletion: Type.Integer(),
  overdue: Type.Integer(),
});
const NodeRollupSchema = Type.Object({
  code: Type.String(),
  name: Nullable(Type.String()),
  counts: Counts,
  byLevel: Type.Array(Type.Object({ level: Type.String(), targeted: Type.Integer(), received: Type.Integer(), acknowledged: Type.Integer(), completed: Type.Integer(), overdue: Type.Integer() })),
  band: Type.Union([Type.Literal('done'), Type.Literal('acknowledged'), Type.Literal('partial'), Type.Literal('none'), Type.Literal('overdue'), Type.Literal('empty')]),
  ownState: Nullable(Type.Enum(RECIPIENT_STATES)),
});
export type NodeRollupBody = Static<typeof NodeRollupSchema>;

export const RollupQuery = Type.Object(
  {
    node: Type.Optional(Type.String({ maxLength: 64, description: 'a unit on the cascade; default: the issuing unit' })),
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 200, description: 'children per page' }),
    cursor: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
export const RollupSchema = Type.Object({ node: NodeRollupSchema, children: Type.Array(NodeRollupSchema), nextCursor: Nullable(Type.String()), revision: Type.Integer(), asOf: Type.String() });

export const GapQuery = Type.Object(
  {
    node: Type.Optional(Type.String({ maxLength: 64, description: 'a unit on the cascade; default: the issuing unit' })),
    kind: Type.Union([Type.Literal('not_received'), Type.Literal('not_acknowledged'), Type.Literal('not_completed')], { default: 'not_acknowledged' }),
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
    cursor: Type.Optional(Type.String({ maxLength: 2000, description: 'nextCursor of the previous page' })),
    format: Type.Optional(Type.Literal('csv')),
  },
  { additionalProperties: false },
);
export const GapPage = Type.Object({ items: Type.Array(RecipientSchema), nextCursor: Nullable(Type.String()) });

export const InstructionQuery = Type.Object({ node: Type.Optional(Type.String({ maxLength: 64 })) }, { additionalProperties: false });

export const FlagSchema = Type.Object({
  id: Type.String(),
  instructionId: Type.String(),
  unitCode: Type.String(),
  intensity: Intensity,
  allowedIntensity: Intensity,
  status: Type.Union([Type.Literal('open'), Type.Literal('upheld'), Type.Literal('revoked')]),
  resolutionNote: Nullable(Type.String()),
  resolvedBy: Nullable(Type.String()),
  resolvedAt: Nullable(Type.String()),
  raisedAt: Type.String(),
});
export const FlagQuery = Type.Object({ status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('upheld'), Type.Literal('revoked')])) }, { additionalProperties: false });
export const FlagList = Type.Object({ items: Type.Array(FlagSchema) });
export const ReviewBody = Type.Object(
  { decision: Type.Union([Type.Literal('upheld'), Type.Literal('revoked')]), note: Type.Optional(Nullable(Type.String({ maxLength: LIMITS.noteMax }))) },
  { additionalProperties: false },
);
