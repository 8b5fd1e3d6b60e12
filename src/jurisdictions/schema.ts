import { Type, type Static } from 'typebox';
import { JURISDICTION_LEVELS } from '../core/jurisdiction-code.js';

export const JurisdictionCodeParam = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 64, description: 'Padded (420100000000) or unpadded (4201) code' }),
});

const Level = Type.Enum([...JURISDICTION_LEVELS]);

const AncestorSchema = Type.Object({
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  level: Level,
});

export const JurisdictionSummarySchema = Type.Object({
  code: Type.String(),
  shortCode: Type.String(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  nameZh: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  level: Level,
  depth: Type.Integer(),
  population: Type.Union([Type.Integer(), Type.Null()]),
  centroid: Type.Union([Type.Tuple([Type.Number(), Type.Number()]), Type.Null()]),
  hasBoundary: Type.Boolean(),
  childCount: Type.Integer(),
  status: Type.String(),
});
export type JurisdictionSummaryBody = Static<typeof JurisdictionSummarySchema>;

// One flat object rather than an intersection: the response serializer compiles it directly.
export const JurisdictionDetailSchema = Type.Object({
  ...JurisdictionSummarySchema.properties,
  mergedInto: Type.Union([Type.String(), Type.Null()]),
  source: Type.Union([Type.String(), Type.Null()]),
  path: Type.Array(AncestorSchema),
  /** With ?at=: the date asked and the version in force then. */
  asOf: Type.Optional(Type.Object({ at: Type.String(), validFrom: Type.String(), validTo: Type.Union([Type.String(), Type.Null()]) })),
});

export const ChildrenQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 5000, default: 500 }),
    cursor: Type.Optional(Type.String({ maxLength: 64, description: 'the last code of the previous page' })),
    format: Type.Optional(Type.Literal('csv')),
  },
  { additionalProperties: false },
);

export const ChildrenResponse = Type.Object({
  items: Type.Array(JurisdictionSummarySchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const SearchQuery = Type.Object(
  {
    q: Type.String({ maxLength: 100, default: '', description: 'name (Chinese or English) substring, or code prefix' }),
    within: Type.Optional(Type.String({ maxLength: 64 })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
    format: Type.Optional(Type.Literal('csv')),
  },
  { additionalProperties: false },
);

export const SearchResponse = Type.Object({ items: Type.Array(JurisdictionSummarySchema) });

export const GeoJsonResponse = Type.Object(
  { type: Type.Literal('FeatureCollection'), features: Type.Array(Type.Any()) },
  { description: 'GeoJSON FeatureCollection: the unit (role "self") and its direct children (role "child")' },
);

/** Optional `?at=YYYY-MM-DD` on the detail route: the unit as it was on that date. */
export const DetailQuery = Type.Object(
  { at: Type.Optional(Type.String({ format: 'date', description: 'YYYY-MM-DD: answer the unit (name, parent, ancestors) as it was on this date' })) },
  { additionalProperties: false },
);

const EffectiveFrom = Type.String({ format: 'date', description: 'YYYY-MM-DD the change takes effect; today when absent; not in the future' });
const Centroid = Type.Tuple([Type.Number({ minimum: -180, maximum: 180 }), Type.Number({ minimum: -90, maximum: 90 })], {
  description: '[longitude, latitude]',
});
const Boundary = Type.Object(
  { type: Type.Union([Type.Literal('Polygon'), Type.Literal('MultiPolygon')]), coordinates: Type.Array(Type.Any(), { minItems: 1 }) },
  { additionalProperties: false, description: 'GeoJSON Polygon or MultiPolygon' },
);

export const EditJurisdictionBody = Type.Object(
  {
    nameZh: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    nameEn: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()])),
    population: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
    centroid: Type.Optional(Type.Union([Centroid, Type.Null()])),
    boundary: Type.Optional(Type.Union([Boundary, Type.Null()])),
    effectiveFrom: Type.Optional(EffectiveFrom),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type EditJurisdictionBodyType = Static<typeof EditJurisdictionBody>;

export const MoveJurisdictionBody = Type.Object(
  { newParentCode: Type.String({ minLength: 1, maxLength: 64 }), effectiveFrom: Type.Optional(EffectiveFrom) },
  { additionalProperties: false },
);

export const MergeJurisdictionBody = Type.Object(
  { intoCode: Type.String({ minLength: 1, maxLength: 64 }), effectiveFrom: Type.Optional(EffectiveFrom) },
  { additionalProperties: false },
);

export const CreateJurisdictionBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 64, description: 'statistical code, or e.g. "420102001001-G01" for a grid cell' }),
    parentCode: Type.String({ minLength: 1, maxLength: 64 }),
    nameZh: Type.String({ minLength: 1, maxLength: 100 }),
    nameEn: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()])),
    level: Type.Optional(Level),
    population: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
    centroid: Type.Optional(Type.Union([Centroid, Type.Null()])),
    boundary: Type.Optional(Type.Union([Boundary, Type.Null()])),
  },
  { additionalProperties: false },
);

/** Import bodies may be large: the route accepts up to this many bytes. */
export const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

export const ImportJurisdictionsBody = Type.Object(
  {
    format: Type.Union([Type.Literal('csv'), Type.Literal('geojson')]),
    content: Type.String({ minLength: 1, description: 'the CSV text (header row required) or the GeoJSON FeatureCollection as text' }),
  },
  { additionalProperties: false },
);

export const ImportJurisdictionsResponse = Type.Object({ imported: Type.Integer(), source: Type.String() });

const VersionSchema = Type.Object({
  validFrom: Type.String(),
  validTo: Type.Union([Type.String(), Type.Null()]),
  nameZh: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  mergedInto: Type.Union([Type.String(), Type.Null()]),
  endedBy: Type.Union([Type.Literal('rename'), Type.Literal('edit'), Type.Literal('move'), Type.Literal('merge'), Type.Null()]),
  recordedAt: Type.Union([Type.String(), Type.Null()]),
});

export const HistoryResponse = Type.Object({ code: Type.String(), versions: Type.Array(VersionSchema) });

export const PublicSearchQuery = Type.Object(
  { q: Type.String({ minLength: 1, maxLength: 50, description: 'name (Chinese or English) or code prefix' }) },
  { additionalProperties: false },
);

export const PublicSearchResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      code: Type.String(),
      nameZh: Type.String(),
      nameEn: Type.Union([Type.String(), Type.Null()]),
      level: Type.String(),
      parentCode: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
