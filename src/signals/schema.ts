import { Type, type Static } from 'typebox';
import { EVENT_TYPES, SEVERITY_LEVELS } from '../core/incident-types.js';
import { CLUSTER_STATUSES, VERDICTS } from './model.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Point = Nullable(Type.Tuple([Type.Number(), Type.Number()]));

export const ClusterSchema = Type.Object({
  id: Type.String(),
  type: Type.Enum([...EVENT_TYPES]),
  category: Type.String(),
  title: Type.String(),
  jurisdictionCode: Nullable(Type.String()),
  jurisdictionName: Nullable(Type.String()),
  point: Point,
  firstAt: Type.String(),
  lastAt: Type.String(),
  size: Type.Integer(),
  priority: Type.Number(),
  status: Type.Enum([...CLUSTER_STATUSES]),
  incidentId: Nullable(Type.String()),
});
export type ClusterBody = Static<typeof ClusterSchema>;

export const SignalSchema = Type.Object({
  id: Type.String(),
  sourceKind: Type.String(),
  sourceItemId: Nullable(Type.String()),
  language: Type.String(),
  title: Nullable(Type.String()),
  text: Type.String(),
  type: Type.String(),
  typeConfidence: Type.Number(),
  category: Type.String(),
  severity: Type.Number(),
  severityWords: Type.Array(Type.String()),
  jurisdictionCode: Nullable(Type.String()),
  placeMatched: Type.Boolean(),
  point: Point,
  observedAt: Type.String(),
  receivedAt: Type.String(),
  duplicateOf: Nullable(Type.String()),
  clusterId: Type.String(),
  credibility: Type.Number(),
  priority: Type.Number(),
  status: Type.String(),
  incidentId: Nullable(Type.String()),
  verdictNote: Nullable(Type.String()),
});

export const QueueQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum([...CLUSTER_STATUSES])),
    type: Type.Optional(Type.Enum([...EVENT_TYPES])),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page' })),
    format: Type.Optional(Type.Literal('csv')),
  },
  { additionalProperties: false },
);
export const QueueResponse = Type.Object({ items: Type.Array(ClusterSchema), nextCursor: Nullable(Type.String()) });

export const ClusterIdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const ClusterDetailResponse = Type.Object({ cluster: ClusterSchema, signals: Type.Array(SignalSchema) });

export const VerdictBody = Type.Object(
  {
    verdict: Type.Enum([...VERDICTS]),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    type: Type.Optional(Type.Enum([...EVENT_TYPES])),
    intoClusterId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    incidentTitle: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    incidentLevel: Type.Optional(Nullable(Type.Enum([...SEVERITY_LEVELS]))),
  },
  { additionalProperties: false },
);
export const VerdictResponse = Type.Object({ cluster: ClusterSchema, incidentId: Nullable(Type.String()), mergedInto: Nullable(ClusterSchema) });

export const IncidentIdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const SignalListResponse = Type.Object({ items: Type.Array(SignalSchema) });
