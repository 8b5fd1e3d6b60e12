import { Type, type Static } from 'typebox';
import { CHANGE_ACTIONS, RISK_AREA_LIMITS, RISK_AREA_STATUSES, RISK_LEVELS } from './model.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const Level = Type.Enum(RISK_LEVELS);
const Status = Type.Enum(RISK_AREA_STATUSES);
const Instant = Type.String({ minLength: 16, maxLength: 40, description: 'ISO-8601 time with a zone, e.g. 2020-02-01T00:00:00+08:00' });
const Reason = Type.String({ minLength: 1, maxLength: RISK_AREA_LIMITS.reasonMax });

export const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const DesignateBody = Type.Object(
  {
    jurisdictionCode: Type.String({ minLength: 1, maxLength: 64, description: 'a township, community (village) or grid cell' }),
    level: Level,
    reason: Reason,
    startsAt: Type.Optional(Instant),
    reviewAt: Instant,
    expiresAt: Instant,
  },
  { additionalProperties: false },
);

export const ChangeBody = Type.Object(
  { level: Type.Optional(Level), reason: Type.Optional(Reason), reviewAt: Type.Optional(Instant), expiresAt: Type.Optional(Instant) },
  { additionalProperties: false, description: 'A new reviewAt clears the review flag' },
);

export const LiftBody = Type.Object({ reason: Reason }, { additionalProperties: false });

export const RiskAreaSchema = Type.Object({
  id: Type.String(),
  jurisdictionCode: Type.String(),
  issuingCode: Type.String(),
  level: Level,
  reason: Type.String(),
  startsAt: Type.String(),
  reviewAt: Type.String(),
  expiresAt: Type.String(),
  status: Status,
  reviewDue: Type.Boolean({ description: 'past its review date and flagged to the issuing unit' }),
  endedAt: Nullable(Type.String()),
  endReason: Nullable(Type.String()),
  designatedBy: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type RiskAreaBody = Static<typeof RiskAreaSchema>;

export const ChangeSchema = Type.Object({
  seq: Type.Integer(),
  action: Type.Enum(CHANGE_ACTIONS),
  detail: Type.Record(Type.String(), Type.Unknown()),
  actorId: Type.String(),
  actorName: Type.String(),
  at: Type.String(),
});

export const RiskAreaDetail = Type.Object({ ...RiskAreaSchema.properties, history: Type.Array(ChangeSchema) });

export const RiskAreaListQuery = Type.Object(
  {
    within: Type.Optional(Type.String({ maxLength: 64, description: 'jurisdiction code; default: your whole scope' })),
    status: Type.Optional(Type.Array(Status, { maxItems: 3 })),
    level: Type.Optional(Type.Array(Level, { maxItems: 3 })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    cursor: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const RiskAreaPage = Type.Object({ items: Type.Array(RiskAreaSchema), nextCursor: Nullable(Type.String()) });

const Geometry = Type.Object(
  { type: Type.Union([Type.Literal('Polygon'), Type.Literal('MultiPolygon'), Type.Literal('Point')]), coordinates: Type.Array(Type.Any()) },
  { description: 'the unit boundary, else its centroid, from the jurisdiction data; null when no source gives either' },
);

export const PublicRiskAreaCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Type.String(),
      geometry: Nullable(Geometry),
      properties: Type.Object({
        jurisdictionCode: Type.String(),
        nameZh: Type.String(),
        nameEn: Nullable(Type.String()),
        level: Level,
        reason: Type.String(),
        startsAt: Type.String(),
        reviewAt: Type.String(),
        expiresAt: Type.String(),
        issuingCode: Type.String(),
        geometrySource: Type.Union([Type.Literal('boundary'), Type.Literal('centroid'), Type.Literal('none')]),
      }),
    }),
  ),
});
export type PublicRiskAreaCollection = Static<typeof PublicRiskAreaCollection>;
