import { Type, type Static } from 'typebox';
import { BULLETIN_LIMITS, BULLETIN_STATUSES } from './model.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Status = Type.Enum(BULLETIN_STATUSES);
const Period = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'day, YYYY-MM-DD (Asia/Shanghai)' });

export const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const DraftBody = Type.Object({ jurisdictionCode: Type.String({ minLength: 1, maxLength: 64 }), period: Period }, { additionalProperties: false });

export const EditBody = Type.Object(
  {
    titleZh: Type.Optional(Type.String({ minLength: 1, maxLength: BULLETIN_LIMITS.titleMax })),
    titleEn: Type.Optional(Type.String({ minLength: 1, maxLength: BULLETIN_LIMITS.titleMax })),
    textZh: Type.Optional(Type.String({ minLength: 1, maxLength: BULLETIN_LIMITS.textMax })),
    textEn: Type.Optional(Type.String({ minLength: 1, maxLength: BULLETIN_LIMITS.textMax })),
  },
  { additionalProperties: false },
);

const Facts = Type.Object({
  openAtEnd: Type.Integer(),
  openedDuring: Type.Integer(),
  closedDuring: Type.Integer(),
  byCategory: Type.Record(Type.String(), Type.Integer()),
  byLevel: Type.Record(Type.String(), Type.Integer()),
  figures: Type.Record(Type.String(), Type.Number()),
});

export const BulletinSchema = Type.Object({
  id: Type.String(),
  jurisdictionCode: Type.String(),
  jurisdictionNameZh: Type.String(),
  jurisdictionNameEn: Nullable(Type.String()),
  period: Type.String(),
  status: Status,
  titleZh: Type.String(),
  titleEn: Type.String(),
  textZh: Type.String(),
  textEn: Type.String(),
  facts: Facts,
  draftedBy: Type.String(),
  draftedAt: Type.String(),
  approvedBy: Nullable(Type.String()),
  approvedAt: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  updatedAt: Type.String(),
});
export type BulletinBody = Static<typeof BulletinSchema>;

export const BulletinListQuery = Type.Object(
  {
    within: Type.Optional(Type.String({ maxLength: 64, description: 'jurisdiction code; default: your whole scope' })),
    status: Type.Optional(Type.Array(Status, { maxItems: 3 })),
    period: Type.Optional(Period),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

export const BulletinPage = Type.Object({ items: Type.Array(BulletinSchema), nextCursor: Nullable(Type.String()) });

export const PublicBulletinQuery = Type.Object(
  {
    within: Type.Optional(Type.String({ maxLength: 64, description: 'jurisdiction code: its bulletins and those of units below it' })),
    limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
    cursor: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

export const PublicBulletinSchema = Type.Object({
  id: Type.String(),
  jurisdictionCode: Type.String(),
  jurisdictionNameZh: Type.String(),
  jurisdictionNameEn: Nullable(Type.String()),
  period: Type.String(),
  titleZh: Type.String(),
  titleEn: Type.String(),
  textZh: Type.String(),
  textEn: Type.String(),
  facts: Facts,
  publishedAt: Type.String(),
});
export type PublicBulletinBody = Static<typeof PublicBulletinSchema>;

export const PublicBulletinPage = Type.Object({ items: Type.Array(PublicBulletinSchema), nextCursor: Nullable(Type.String()) });
