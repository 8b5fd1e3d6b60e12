import { Type, type Static } from 'typebox';
import { LIMITS, SOURCE_HEALTH, SOURCE_KINDS } from './model.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const Kind = Type.Enum(SOURCE_KINDS);
const Health = Type.Enum(SOURCE_HEALTH);
const Id = Type.String({ minLength: 1, maxLength: 64 });
const JurisdictionCode = Type.String({ minLength: 1, maxLength: 64, description: 'Padded (420100000000) or unpadded (4201) code' });
const Url = Type.String({ minLength: 1, maxLength: LIMITS.urlMax, description: 'http(s) URL of the feed (rss, atom, cap)' });
const Language = Type.String({ minLength: 2, maxLength: LIMITS.languageMax, description: 'BCP 47 tag of the items when they do not say, e.g. zh-CN' });
const PollSeconds = Type.Integer({ minimum: LIMITS.pollSecondsMin, maximum: LIMITS.pollSecondsMax, description: `seconds between polls (feeds only; default ${LIMITS.pollSecondsDefault})` });

export const IdParam = Type.Object({ id: Id });
export const SourceIdParam = Type.Object({ sourceId: Id });

export const CreateSourceBody = Type.Object(
  {
    kind: Kind,
    name: Type.String({ minLength: 1, maxLength: LIMITS.nameMax }),
    url: Type.Optional(Nullable(Url)),
    jurisdictionCode: JurisdictionCode,
    language: Type.Optional(Nullable(Language)),
    pollSeconds: Type.Optional(Nullable(PollSeconds)),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateSourceBody = Static<typeof CreateSourceBody>;

export const UpdateSourceBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.nameMax })),
    url: Type.Optional(Nullable(Url)),
    jurisdictionCode: Type.Optional(JurisdictionCode),
    language: Type.Optional(Nullable(Language)),
    pollSeconds: Type.Optional(Nullable(PollSeconds)),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, description: 'Fields to change; null clears a field; the kind never changes' },
);
export type UpdateSourceBody = Static<typeof UpdateSourceBody>;

export const HealthSchema = Type.Object({
  health: Health,
  consecutiveFailures: Type.Integer(),
  lastPolledAt: Nullable(Type.String()),
  lastSuccessAt: Nullable(Type.String()),
  lastError: Nullable(Type.String()),
  nextPollAt: Nullable(Type.String({ description: 'feeds: when the next poll is due (back-off included)' })),
  itemsTotal: Type.Integer(),
});
export type HealthBody = Static<typeof HealthSchema>;

export const SourceSchema = Type.Object({
  id: Type.String(),
  kind: Kind,
  name: Type.String(),
  url: Nullable(Type.String()),
  jurisdictionCode: Type.String(),
  jurisdictionName: Type.String(),
  language: Nullable(Type.String()),
  pollSeconds: Nullable(Type.Integer()),
  enabled: Type.Boolean(),
  webhookPath: Nullable(Type.String({ description: 'webhook sources: where senders POST' })),
  health: HealthSchema,
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type SourceBody = Static<typeof SourceSchema>;

export const CreatedSourceSchema = Type.Object({
  source: SourceSchema,
  webhookSecret: Nullable(Type.String({ description: 'webhook sources: the signing secret, shown only in this response' })),
});

export const SourceListQuery = Type.Object(
  {
    within: Type.Optional(Type.String({ maxLength: 64, description: 'jurisdiction code; default: your whole scope' })),
    kind: Type.Optional(Kind),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 64, description: 'nextCursor of the previous page' })),
  },
  { additionalProperties: false },
);

export const SourcePage = Type.Object({ items: Type.Array(SourceSchema), nextCursor: Nullable(Type.String()) });

export const ItemSchema = Type.Object({
  id: Type.String(),
  externalId: Type.String(),
  language: Nullable(Type.String()),
  title: Nullable(Type.String()),
  body: Type.String(),
  link: Nullable(Type.String()),
  publishedAt: Type.String(),
  placeText: Nullable(Type.String()),
  jurisdictionCode: Nullable(Type.String()),
  point: Nullable(Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: '[longitude, latitude]' })),
  signalId: Nullable(Type.String()),
  fetchedAt: Type.String(),
});

export const ItemListQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const ItemPage = Type.Object({ items: Type.Array(ItemSchema), nextCursor: Nullable(Type.String()) });

export const PollResultSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('not-modified'), Type.Literal('failed'), Type.Literal('busy'), Type.Literal('gone')]),
  stored: Type.Integer(),
  duplicates: Type.Integer(),
  error: Nullable(Type.String()),
  health: HealthSchema,
});

/** Uploads up to ~4 MB of text (the route's body limit). */
export const UploadBody = Type.Object(
  {
    format: Type.Union([Type.Literal('csv'), Type.Literal('json')]),
    content: Type.String({ minLength: 1, maxLength: 4 * 1024 * 1024, description: 'CSV (header: id,time,title,text,place,lon,lat,lang) or a JSON array of objects with those keys' }),
  },
  { additionalProperties: false },
);

export const IngestResultSchema = Type.Object({ received: Type.Integer(), stored: Type.Integer(), duplicates: Type.Integer() });

export const SecretSchema = Type.Object({ webhookSecret: Type.String({ description: 'shown only in this response' }) });
