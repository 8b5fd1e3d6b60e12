import { Type, type Static } from 'typebox';
import { CATEGORIES, EVENT_TYPES, INCIDENT_STATUSES, SEVERITY_LEVELS } from '../core/incident-types.js';
import { LIMITS, TIMELINE_KINDS } from './model.js';
import { FIGURES_MAX_KEYS } from './rollup.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const Category = Type.Enum(CATEGORIES);
const EventType = Type.Enum(EVENT_TYPES);
const Level = Type.Enum(SEVERITY_LEVELS);
const Status = Type.Enum(INCIDENT_STATUSES);
const Id = Type.String({ minLength: 1, maxLength: LIMITS.idMax });
const JurisdictionCode = Type.String({ minLength: 1, maxLength: 64, description: 'Padded (420100000000) or unpadded (4201) code' });
const Period = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'reporting day, YYYY-MM-DD' });
const PointSchema = Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: '[longitude, latitude] (WGS 84)' });
const AreaSchema = Type.Object(
  {
    type: Type.Union([Type.Literal('Polygon'), Type.Literal('MultiPolygon')]),
    coordinates: Type.Array(Type.Any(), { minItems: 1 }),
  },
  { description: 'GeoJSON Polygon or MultiPolygon geometry' },
);

export const IdParam = Type.Object({ id: Id });

export const CreateIncidentBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: LIMITS.titleMax }),
    type: EventType,
    category: Type.Optional(Category),
    level: Type.Optional(Nullable(Level)),
    jurisdictionCode: JurisdictionCode,
    area: Type.Optional(Nullable(AreaSchema)),
    point: Type.Optional(Nullable(PointSchema)),
    description: Type.Optional(Nullable(Type.String({ maxLength: LIMITS.descriptionMax }))),
    status: Type.Optional(Type.Union([Type.Literal('reported'), Type.Literal('verified')])),
  },
  { additionalProperties: false },
);
export type CreateIncidentBody = Static<typeof CreateIncidentBody>;

export const UpdateIncidentBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.titleMax })),
    description: Type.Optional(Nullable(Type.String({ maxLength: LIMITS.descriptionMax }))),
    level: Type.Optional(Nullable(Level)),
    area: Type.Optional(Nullable(AreaSchema)),
    point: Type.Optional(Nullable(PointSchema)),
  },
  { additionalProperties: false, description: 'Fields to change; null clears a field' },
);
export type UpdateIncidentBody = Static<typeof UpdateIncidentBody>;

export const StatusBody = Type.Object(
  {
    to: Status,
    note: Type.Optional(Nullable(Type.String({ maxLength: LIMITS.noteMax, description: 'required for a false alarm and for reopening' }))),
  },
  { additionalProperties: false },
);

export const NoteBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: LIMITS.noteMax }) }, { additionalProperties: false });

export const IncidentSchema = Type.Object({
  id: Type.String(),
  number: Type.String({ description: 'INC-<year>-<sequence>' }),
  title: Type.String(),
  category: Category,
  type: EventType,
  level: Nullable(Level),
  status: Status,
  jurisdictionCode: Type.String(),
  area: Nullable(AreaSchema),
  point: Nullable(Type.Tuple([Type.Number(), Type.Number()])),
  description: Nullable(Type.String()),
  openedBy: Type.String(),
  openedAt: Type.String(),
  closedAt: Nullable(Type.String()),
  updatedAt: Type.String(),
  allowedMoves: Type.Array(Status, { description: 'statuses the state machine allows next (roles may narrow them)' }),
});
export type IncidentBody = Static<typeof IncidentSchema>;

const multi = <T extends Parameters<typeof Type.Array>[0]>(schema: T, description: string) =>
  Type.Optional(Type.Array(schema, { maxItems: 20, description: `${description}; repeat the parameter for several` }));

export const IncidentListQuery = Type.Object(
  {
    within: Type.Optional(Type.String({ maxLength: 64, description: 'jurisdiction code; default: your whole scope' })),
    status: multi(Status, 'status'),
    type: multi(EventType, 'type'),
    category: multi(Category, 'category'),
    level: multi(Level, 'severity level'),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: LIMITS.idMax, description: 'nextCursor of the previous page' })),
    format: Type.Optional(Type.Literal('csv')),
  },
  { additionalProperties: false },
);
export type IncidentListQuery = Static<typeof IncidentListQuery>;

export const IncidentPage = Type.Object({ items: Type.Array(IncidentSchema), nextCursor: Nullable(Type.String()) });

export const TimelineQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }),
    cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,9}$', description: 'nextCursor of the previous page' })),
  },
  { additionalProperties: false },
);

export const TimelineEntrySchema = Type.Object({
  id: Type.String(),
  seq: Type.Integer(),
  kind: Type.Enum(TIMELINE_KINDS),
  detail: Type.Record(Type.String(), Type.Any()),
  actorId: Type.String(),
  actorName: Type.String(),
  at: Type.String(),
});

export const TimelinePage = Type.Object({ items: Type.Array(TimelineEntrySchema), nextCursor: Nullable(Type.String()) });

export const CopQuery = Type.Object(
  { within: Type.Optional(Type.String({ maxLength: 64, description: 'jurisdiction code; default: your whole scope' })) },
  { additionalProperties: false },
);

const CountMap = Type.Record(Type.String(), Type.Integer());

export const CopSchema = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Type.String(),
      geometry: Type.Object({ type: Type.String(), coordinates: Type.Array(Type.Any()) }),
      properties: Type.Object({
        id: Type.String(),
        number: Type.String(),
        title: Type.String(),
        type: EventType,
        category: Category,
        level: Nullable(Level),
        status: Status,
        jurisdictionCode: Type.String(),
        updatedAt: Type.String(),
        located: Type.Union([Type.Literal('point'), Type.Literal('area'), Type.Literal('centroid')]),
      }),
    }),
  ),
  counts: Type.Object({ total: Type.Integer(), unlocated: Type.Integer(), byStatus: CountMap, byLevel: CountMap, byType: CountMap }),
  truncated: Type.Boolean(),
});

// ---------------------------------------------------------------- situation reports

const FiguresSchema = Type.Record(Type.String(), Type.Number({ minimum: 0 }), {
  maxProperties: FIGURES_MAX_KEYS,
  description: 'counts by key (confirmed, suspected, deaths, recovered, evacuated, injured, missing, sheltered, …): keys match ^[a-z][a-z0-9_]{0,39}$',
});

export const SitrepBody = Type.Object(
  {
    jurisdictionCode: JurisdictionCode,
    period: Period,
    figures: FiguresSchema,
    narrative: Type.Optional(Nullable(Type.String({ maxLength: LIMITS.descriptionMax }))),
  },
  { additionalProperties: false },
);
export type SitrepBody = Static<typeof SitrepBody>;

export const SitrepSchema = Type.Object({
  id: Type.String(),
  incidentId: Type.String(),
  jurisdictionCode: Type.String(),
  period: Type.String(),
  figures: Type.Record(Type.String(), Type.Number()),
  narrative: Nullable(Type.String()),
  filedBy: Type.String(),
  filedAt: Type.String(),
  outcome: Type.Optional(Type.Union([Type.Literal('created'), Type.Literal('replaced'), Type.Literal('unchanged')])),
});
export type SitrepResponse = Static<typeof SitrepSchema>;

export const RollupQuery = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 64, description: "unit to roll up to; default: the incident's jurisdiction" })),
    period: Period,
  },
  { additionalProperties: false },
);

const UnitRef = Type.Object({ code: Type.String(), name: Type.String() });

export const RollupSchema = Type.Object({
  unit: UnitRef,
  period: Type.String(),
  own: Nullable(SitrepSchema),
  children: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      source: Type.Union([Type.Literal('filed'), Type.Literal('below'), Type.Literal('none')], {
        description: "filed: the child's own filing; below: summed from the topmost filings under it; none: nothing filed",
      }),
      figures: Nullable(Type.Record(Type.String(), Type.Number())),
      filedBy: Type.Array(Type.String(), { description: 'codes of the units whose filings are counted' }),
    }),
  ),
  total: Type.Record(Type.String(), Type.Number()),
  notFiled: Type.Array(UnitRef),
});
