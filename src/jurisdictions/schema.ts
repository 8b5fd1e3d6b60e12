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

export const JurisdictionDetailSchema = Type.Intersect([
  JurisdictionSummarySchema,
  Type.Object({ mergedInto: Type.Union([Type.String(), Type.Null()]), source: Type.Union([Type.String(), Type.Null()]), path: Type.Array(AncestorSchema) }),
]);

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
