import { Type, type Static } from 'typebox';
import { CAP_CATEGORIES } from '../warnings/cap/model.js';
import { WARNING_COLOURS } from '../core/warning-levels.js';
import { DELIVERY_STATES, CHANNEL_NAMES } from './model.js';
import { SUBSCRIPTION_CHANNELS } from './subscription-model.js';
import { SUBSCRIPTION_LIMITS } from './subscription-validation.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Language = Type.Union([Type.Literal('zh-CN'), Type.Literal('en')]);
const Colour = Type.Enum(WARNING_COLOURS);
const Category = Type.Enum(CAP_CATEGORIES);
const Channel = Type.Enum(SUBSCRIPTION_CHANNELS);
const LatLon = Type.Tuple([Type.Number({ minimum: -90, maximum: 90 }), Type.Number({ minimum: -180, maximum: 180 })], { description: '[lat, lon] (WGS 84, CAP order)' });

export const NoContent = Type.Null({ description: 'done' });
export const IdParam = Type.Object({ id: Id });

export const AreaSchema = Type.Union(
  [
    Type.Object({ kind: Type.Literal('point'), lat: Type.Number({ minimum: -90, maximum: 90 }), lon: Type.Number({ minimum: -180, maximum: 180 }), radiusKm: Type.Number({ minimum: 0, maximum: SUBSCRIPTION_LIMITS.maxRadiusKm }) }, { additionalProperties: false }),
    Type.Object({ kind: Type.Literal('polygon'), polygon: Type.Array(LatLon, { minItems: 4, maxItems: SUBSCRIPTION_LIMITS.maxPolygonVertices, description: 'closed ring: last point = first' }) }, { additionalProperties: false }),
    Type.Object({ kind: Type.Literal('jurisdiction'), jurisdictionCode: Type.String({ minLength: 1, maxLength: 64, description: 'padded or unpadded code; matches alerts for the unit, its ancestors and its descendants' }) }, { additionalProperties: false }),
  ],
  { description: 'A point with a radius (0 = the point), a polygon, or a jurisdiction' },
);

const subscriptionFields = {
  channel: Channel,
  address: Type.Optional(Type.String({ minLength: 1, maxLength: 254, description: 'e-mail, phone (+86…), or webhook id; ignored for in_app' })),
  language: Language,
  minColour: Colour,
  categories: Type.Array(Category, { maxItems: CAP_CATEGORIES.length, description: 'CAP categories; empty = every category' }),
  area: AreaSchema,
};

export const CreateSubscriptionBody = Type.Object(subscriptionFields, { additionalProperties: false });
export type CreateSubscriptionBody = Static<typeof CreateSubscriptionBody>;
export const UpdateSubscriptionBody = Type.Partial(Type.Object(subscriptionFields, { additionalProperties: false }), { additionalProperties: false });
export type UpdateSubscriptionBody = Static<typeof UpdateSubscriptionBody>;

export const PublicSubscriptionBody = Type.Object(
  {
    channel: Type.Union([Type.Literal('email'), Type.Literal('sms')]),
    address: Type.String({ minLength: 3, maxLength: 254 }),
    language: Language,
    minColour: Colour,
    categories: Type.Array(Category, { maxItems: CAP_CATEGORIES.length }),
    area: AreaSchema,
  },
  { additionalProperties: false },
);

export const SubscriptionSchema = Type.Object({
  id: Type.String(),
  channel: Channel,
  address: Type.String(),
  language: Language,
  minColour: Colour,
  categories: Type.Array(Type.String()),
  area: AreaSchema,
  isConfirmed: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const SubscriptionListResponse = Type.Object({ items: Type.Array(SubscriptionSchema) });

export const TokenQuery = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) });
export const PublicSubscriptionAccepted = Type.Object({ id: Type.String(), status: Type.Literal('confirmation_sent') });
export const PublicSubscriptionConfirmed = Type.Object({ id: Type.String(), status: Type.Union([Type.Literal('confirmed'), Type.Literal('unsubscribed')]) });

const Localized = Type.Object({ zh: Type.String(), en: Type.String() });
export const InboxItemSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  subject: Localized,
  body: Localized,
  link: Nullable(Type.String()),
  ref: Nullable(Type.Object({ type: Type.String(), id: Type.String() })),
  createdAt: Type.String(),
  readAt: Nullable(Type.String()),
});
export const InboxQuery = Type.Object({
  unread: Type.Optional(Type.Boolean({ description: 'only unread items' })),
  before: Type.Optional(Id),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});
export const InboxResponse = Type.Object({ items: Type.Array(InboxItemSchema), unread: Type.Integer(), nextBefore: Nullable(Type.String()) });
export const MarkReadBody = Type.Union([
  Type.Object({ ids: Type.Array(Id, { minItems: 1, maxItems: 500 }) }, { additionalProperties: false }),
  Type.Object({ all: Type.Literal(true) }, { additionalProperties: false }),
]);
export const MarkReadResponse = Type.Object({ marked: Type.Integer() });

export const ContactSchema = Type.Object(
  {
    email: Nullable(Type.String({ maxLength: 254 })),
    phone: Nullable(Type.String({ maxLength: 32 })),
    emailEnabled: Type.Boolean(),
    smsEnabled: Type.Boolean(),
    language: Language,
  },
  { additionalProperties: false },
);

const webhookFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  url: Type.String({ minLength: 8, maxLength: 2000, description: 'http(s) URL receiving signed JSON POSTs' }),
  categories: Type.Array(Category, { maxItems: CAP_CATEGORIES.length, description: 'CAP categories it accepts; empty = all' }),
  isActive: Type.Optional(Type.Boolean()),
};
export const CreateWebhookBody = Type.Object(webhookFields, { additionalProperties: false });
export const UpdateWebhookBody = Type.Partial(Type.Object({ ...webhookFields, rotateSecret: Type.Boolean({ description: 'issue a new secret (shown once)' }) }, { additionalProperties: false }), { additionalProperties: false });
export const WebhookSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  url: Type.String(),
  categories: Type.Array(Type.String()),
  isActive: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  secret: Type.Optional(Type.String({ description: 'only in the answer that created or rotated it' })),
});
export const WebhookListResponse = Type.Object({ items: Type.Array(WebhookSchema) });

const State = Type.Enum(DELIVERY_STATES);
export const DeliverySchema = Type.Object({
  id: Type.String(),
  channel: Type.String(),
  address: Type.String(),
  kind: Type.String(),
  ref: Nullable(Type.Object({ type: Type.String(), id: Nullable(Type.String()) })),
  language: Type.String(),
  subject: Type.String(),
  state: State,
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  nextAttemptAt: Type.String(),
  lastError: Nullable(Type.String()),
  lastResponseCode: Nullable(Type.String()),
  providerId: Nullable(Type.String()),
  createdAt: Type.String(),
  firstAttemptAt: Nullable(Type.String()),
  lastAttemptAt: Nullable(Type.String()),
  deliveredAt: Nullable(Type.String()),
});
export const DeliveryQuery = Type.Object({
  refType: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  refId: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  channel: Type.Optional(Type.Enum(CHANNEL_NAMES)),
  state: Type.Optional(State),
  after: Type.Optional(Id),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  format: Type.Optional(Type.Literal('csv')),
});
export const DeadLetterQuery = Type.Object({
  refType: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  refId: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  channel: Type.Optional(Type.Enum(CHANNEL_NAMES)),
  after: Type.Optional(Id),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
});
export const DeliveryListResponse = Type.Object({ items: Type.Array(DeliverySchema), nextAfter: Nullable(Type.String()) });

export const ProgressQuery = Type.Object({ refType: Type.String({ minLength: 1, maxLength: 64 }), refId: Type.String({ minLength: 1, maxLength: 128 }) });
const Counts = Type.Object({ queued: Type.Integer(), sending: Type.Integer(), delivered: Type.Integer(), failed: Type.Integer(), dead: Type.Integer() });
export const ProgressResponse = Type.Object({ ref: Type.Object({ type: Type.String(), id: Type.String() }), channels: Type.Array(Type.Object({ channel: Type.String(), counts: Counts })) });
