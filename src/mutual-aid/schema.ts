import { Type, type Static } from 'typebox';
import { OFFER_ACTIONS, OFFER_STATUSES, REQUEST_STATUSES } from './lifecycle.js';
import { PAIRING_STATUSES } from './pairing-model.js';
import { REQUEST_LIMITS } from './request-model.js';
import { RESOURCE_KINDS, SUPPORT_KINDS } from './resource-types.js';
import { RM_MESSAGE_TYPES } from './rm-message.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Code = Type.String({ minLength: 1, maxLength: 64, description: 'Padded (420100000000) or unpadded (4201) jurisdiction code' });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Timestamp = Type.String({ maxLength: 40, description: 'ISO-8601 with a zone, e.g. 2020-02-12T08:00:00+08:00' });
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Note = Type.Optional(Nullable(Type.String({ maxLength: REQUEST_LIMITS.notesMax })));
const multi = <T extends Parameters<typeof Type.Array>[0]>(schema: T, description: string) =>
  Type.Optional(Type.Array(schema, { maxItems: 20, description: `${description}; repeat the parameter for several` }));

export const IdParam = Type.Object({ id: Id });

// ---------------------------------------------------------------- pairings

const PairingStatus = Type.Enum(PAIRING_STATUSES);
const SupportKind = Type.Enum(SUPPORT_KINDS);

export const CreatePairingBody = Type.Object(
  {
    supporterCode: Code,
    supportedCode: Code,
    validFrom: Day,
    validTo: Type.Optional(Nullable(Day)),
    supports: Type.Array(SupportKind, { minItems: 1, maxItems: SUPPORT_KINDS.length }),
    status: Type.Optional(Type.Union([Type.Literal('proposed'), Type.Literal('active')])),
    source: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    notes: Note,
  },
  { additionalProperties: false },
);

export const UpdatePairingBody = Type.Object(
  {
    validTo: Type.Optional(Nullable(Day)),
    supports: Type.Optional(Type.Array(SupportKind, { minItems: 1, maxItems: SUPPORT_KINDS.length })),
    status: Type.Optional(PairingStatus),
    notes: Note,
  },
  { additionalProperties: false },
);

const Party = { code: Type.String(), name: Nullable(Type.String()), centroid: Nullable(Type.Tuple([Type.Number(), Type.Number()])) };

export const PairingSchema = Type.Object({
  id: Type.String(),
  supporter: Type.Object(Party),
  supported: Type.Object(Party),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  supports: Type.Array(SupportKind),
  status: PairingStatus,
  source: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type PairingBody = Static<typeof PairingSchema>;

export const PairingListQuery = Type.Object(
  {
    within: Type.Optional(Type.String({ maxLength: 64, description: 'jurisdiction code; default: your whole scope' })),
    status: multi(PairingStatus, 'status'),
    limit: Type.Integer({ minimum: 1, maximum: 5000, default: 500 }),
    cursor: Type.Optional(Type.String({ maxLength: 64 })),
    format: Type.Optional(Type.Literal('csv')),
  },
  { additionalProperties: false },
);

export const PairingPage = Type.Object({ items: Type.Array(PairingSchema), nextCursor: Nullable(Type.String()) });

// ---------------------------------------------------------------- suggestions

export const SuggestionBody = Type.Object(
  {
    supporters: Type.Array(Type.Object({ code: Code, capacity: Type.Number({ minimum: 0 }) }, { additionalProperties: false }), { minItems: 1, maxItems: 1000 }),
    recipients: Type.Array(Type.Object({ code: Code, need: Type.Number({ minimum: 0 }) }, { additionalProperties: false }), { minItems: 1, maxItems: 1000 }),
    unit: Type.Optional(Type.String({ maxLength: 40, description: 'what the quantities count, e.g. medical teams' })),
    synthetic: Type.Optional(Type.Boolean({ description: 'true when capacities and needs are made-up figures (the demo): echoed in the answer' })),
    options: Type.Optional(
      Type.Object(
        {
          costPerKm: Type.Optional(Type.Number({ minimum: 0, description: 'cost of one unit per km between centroids (default 1)' })),
          defaultDistanceKm: Type.Optional(Type.Number({ minimum: 0, description: 'distance used when a centroid is unknown (default 1000)' })),
          maxSupportersPerRecipient: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
          maxRecipientsPerSupporter: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
          pairCost: Type.Optional(Type.Number({ minimum: 0, description: 'fixed cost of using a pair at all (default 0)' })),
          costOverrides: Type.Optional(
            Type.Array(Type.Object({ supporterCode: Code, recipientCode: Code, unitCost: Type.Number({ minimum: 0 }) }, { additionalProperties: false }), { maxItems: 10_000 }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    timeLimitSeconds: Type.Optional(Type.Number({ minimum: 1, maximum: 120 })),
  },
  { additionalProperties: false },
);
export type SuggestionBody = Static<typeof SuggestionBody>;

const Alternative = Type.Object({ code: Type.String(), name: Type.String(), unitCost: Type.Number(), extraPerUnit: Type.Number(), spareCapacity: Type.Number(), alsoChosen: Type.Boolean() });
export const SuggestionSchema = Type.Object({
  objective: Type.Number(),
  integer: Type.Boolean(),
  unit: Type.String(),
  synthetic: Type.Boolean(),
  solver: Type.Object({ status: Type.String(), solveMs: Type.Number(), model: Type.Union([Type.Literal('LP'), Type.Literal('MIP')]) }),
  withoutCentroid: Type.Array(Type.String()),
  pairs: Type.Array(
    Type.Object({
      supporterCode: Type.String(),
      supporterName: Type.String(),
      recipientCode: Type.String(),
      recipientName: Type.String(),
      quantity: Type.Number(),
      unitCost: Type.Number(),
      cost: Type.Number(),
      distanceKm: Nullable(Type.Number()),
      costSource: Type.Union([Type.Literal('distance'), Type.Literal('default_distance'), Type.Literal('override')]),
      shareOfNeed: Type.Number(),
      shareOfCapacity: Type.Number(),
      alternatives: Type.Array(Alternative),
      cheaperButFull: Type.Array(Type.String()),
      why: Type.String(),
    }),
  ),
});

// ---------------------------------------------------------------- requests and offers

export const CreateRequestBody = Type.Object(
  {
    requesterCode: Code,
    incidentId: Type.Optional(Nullable(Id)),
    resourceKind: Type.Enum(RESOURCE_KINDS),
    resourceType: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 4, description: 'NIMS type, 1 = most capable' }))),
    resourceName: Type.String({ minLength: 1, maxLength: REQUEST_LIMITS.nameMax }),
    quantity: Type.Number({ exclusiveMinimum: 0 }),
    unit: Type.String({ minLength: 1, maxLength: REQUEST_LIMITS.unitMax }),
    neededBy: Timestamp,
    deliverTo: Type.String({ minLength: 1, maxLength: REQUEST_LIMITS.deliverToMax }),
    notes: Note,
  },
  { additionalProperties: false },
);

export const OfferBody = Type.Object(
  {
    offererCode: Code,
    quantity: Type.Number({ exclusiveMinimum: 0 }),
    unitCost: Type.Optional(Nullable(Type.Number({ minimum: 0 }))),
    currency: Type.Optional(Nullable(Type.String({ pattern: '^[A-Z]{3}$' }))),
    eta: Type.Optional(Nullable(Timestamp)),
    notes: Note,
  },
  { additionalProperties: false },
);

export const CommitBody = Type.Object(
  {
    lines: Type.Array(Type.Object({ offerId: Id, quantity: Type.Number({ exclusiveMinimum: 0 }) }, { additionalProperties: false }), { minItems: 1, maxItems: 100 }),
    note: Note,
  },
  { additionalProperties: false },
);

export const OfferActionParams = Type.Object({ offerId: Id, action: Type.Enum(OFFER_ACTIONS.filter((a) => a !== 'commit')) });
export const NoteBody = Type.Object({ note: Note }, { additionalProperties: false });
export const StatusReportBody = Type.Object({ status: Type.String({ minLength: 1, maxLength: 100 }), note: Note }, { additionalProperties: false });
export const OfferIdParam = Type.Object({ offerId: Id });
export const FinishParams = Type.Object({ id: Id, outcome: Type.Union([Type.Literal('close'), Type.Literal('cancel')]) });

const OfferSchema = Type.Object({
  id: Type.String(),
  offererCode: Type.String(),
  offererName: Nullable(Type.String()),
  quantity: Type.Number(),
  committedQuantity: Type.Number(),
  unitCost: Nullable(Type.Number()),
  currency: Nullable(Type.String()),
  eta: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  status: Type.Enum(OFFER_STATUSES),
  allowedActions: Type.Array(Type.String(), { description: 'steps the state machine allows next (the side that takes each is in the docs)' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const RequestSchema = Type.Object({
  id: Type.String(),
  number: Type.String({ description: 'MA-<year>-<sequence>' }),
  requesterCode: Type.String(),
  requesterName: Nullable(Type.String()),
  incidentId: Nullable(Type.String()),
  resourceKind: Type.Enum(RESOURCE_KINDS),
  resourceType: Nullable(Type.Integer()),
  resourceName: Type.String(),
  quantity: Type.Number(),
  unit: Type.String(),
  committedQuantity: Type.Number(),
  remainingQuantity: Type.Number(),
  neededBy: Type.String(),
  deliverTo: Type.String(),
  notes: Nullable(Type.String()),
  status: Type.Enum(REQUEST_STATUSES),
  messageId: Type.String(),
  offers: Type.Array(OfferSchema),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type RequestBody = Static<typeof RequestSchema>;

export const RequestListQuery = Type.Object(
  {
    within: Type.Optional(Type.String({ maxLength: 64 })),
    status: multi(Type.Enum(REQUEST_STATUSES), 'status'),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
export const BoardQuery = Type.Object(
  { status: multi(Type.Enum(REQUEST_STATUSES), 'status (default open and fulfilled)'), limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }), cursor: Type.Optional(Type.String({ maxLength: 64 })) },
  { additionalProperties: false },
);
export const RequestPage = Type.Object({ items: Type.Array(RequestSchema), nextCursor: Nullable(Type.String()) });

export const MessageListSchema = Type.Object({
  items: Type.Array(Type.Object({ seq: Type.Integer(), type: Type.Enum(RM_MESSAGE_TYPES), messageId: Type.String(), offerId: Nullable(Type.String()), sentAt: Type.String(), xml: Type.String() })),
});
export const ImportBody = Type.Object({ xml: Type.String({ minLength: 1, maxLength: 1_000_000, description: 'one EDXL-RM 1.0 message' }) }, { additionalProperties: false });
export const ImportResult = Type.Object({ created: Type.Boolean(), messageType: Type.Enum(RM_MESSAGE_TYPES), request: RequestSchema });
