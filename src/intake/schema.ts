import { Type, type Static } from 'typebox';
import { EVENT_TYPES } from '../core/incident-types.js';
import { DECLARED_FIELDS, DISEASE_CLASSES, LIMITS, REPORT_STATUSES, REPORTER_KINDS } from './model.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const EventType = Type.Enum(EVENT_TYPES);
const Status = Type.Enum(REPORT_STATUSES);
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Point = Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: '[longitude, latitude], WGS 84' });

export const IdParam = Type.Object({ id: Id });
export const PhotoParams = Type.Object({ id: Id, photoId: Id });
export const ReceiptParam = Type.Object({ receiptNo: Type.String({ minLength: 1, maxLength: 40 }) });
export const TypeParam = Type.Object({ type: Type.String({ minLength: 1, maxLength: 40 }) });

const Photo = Type.Object(
  {
    // Checked in code (415 naming the field) rather than here, as are size (413) and magic bytes.
    mimeType: Type.String({ maxLength: 100, description: 'image/jpeg, image/png or image/webp' }),
    dataBase64: Type.String({ description: 'the image, base64; at most 2 MiB decoded' }),
  },
  { additionalProperties: false },
);

const reportFields = {
  type: EventType,
  diseaseClass: Type.Optional(Nullable(Type.Enum(DISEASE_CLASSES))),
  jurisdictionCode: Type.Optional(Nullable(Type.String({ maxLength: 64, description: 'padded or unpadded code' }))),
  placeText: Type.Optional(Nullable(Type.String({ maxLength: LIMITS.placeTextMax }))),
  point: Type.Optional(Nullable(Point)),
  observedAt: Type.String({ maxLength: 40, description: 'when it was seen: ISO-8601 with zone' }),
  title: Type.Optional(Nullable(Type.String({ maxLength: LIMITS.titleMax }))),
  description: Type.String({ minLength: 1, maxLength: LIMITS.descriptionMax }),
  photos: Type.Optional(Type.Array(Photo, { maxItems: LIMITS.photosMax })),
};

export const CreateReportBody = Type.Object(reportFields, { additionalProperties: false });
export type CreateReportBody = Static<typeof CreateReportBody>;

export const CreatePublicReportBody = Type.Object(
  {
    ...reportFields,
    reporterName: Type.Optional(Nullable(Type.String({ maxLength: LIMITS.nameMax, description: 'personal: optional' }))),
    reporterPhone: Type.Optional(Nullable(Type.String({ maxLength: 32, description: 'personal: optional' }))),
  },
  { additionalProperties: false },
);
export type CreatePublicReportBody = Static<typeof CreatePublicReportBody>;

export const ReceiptSchema = Type.Object({
  id: Type.String(),
  receiptNo: Type.String({ description: 'e.g. R20200120-4F7K2Q' }),
  status: Status,
  type: EventType,
  reportedAt: Type.String(),
  deadlineAt: Nullable(Type.String()),
  isLate: Type.Boolean(),
  placeUnmatched: Type.Boolean({ description: 'the place matched no jurisdiction: kept and flagged for a human' }),
  jurisdictionCode: Nullable(Type.String()),
  photoIds: Type.Array(Type.String()),
  accessCode: Type.Optional(Type.String({ description: 'public reports: the secret for the receipt page; shown only here' })),
});

export const MessageSchema = Type.Object({
  id: Type.String(),
  authorKind: Type.Union([Type.Literal('reporter'), Type.Literal('officer'), Type.Literal('system')]),
  authorName: Type.String(),
  body: Type.String(),
  createdAt: Type.String(),
});
export type MessageBody = Static<typeof MessageSchema>;

export const ReportSchema = Type.Object({
  id: Type.String(),
  receiptNo: Type.String(),
  type: EventType,
  diseaseClass: Nullable(Type.String()),
  jurisdictionCode: Nullable(Type.String()),
  placeText: Nullable(Type.String()),
  point: Nullable(Type.Array(Type.Number())),
  placeUnmatched: Type.Boolean(),
  observedAt: Type.String(),
  reportedAt: Type.String(),
  deadlineAt: Nullable(Type.String()),
  isLate: Type.Boolean(),
  title: Nullable(Type.String()),
  description: Type.String(),
  reporterId: Type.String(),
  reporterKind: Type.Enum(REPORTER_KINDS),
  declaredField: Nullable(Type.String()),
  reportingUnitCode: Nullable(Type.String()),
  status: Status,
  spamScore: Type.Number(),
  signalId: Nullable(Type.String()),
  photoIds: Type.Array(Type.String()),
});
export type ReportBody = Static<typeof ReportSchema>;

export const ReportWithThread = Type.Object({ report: ReportSchema, messages: Type.Array(MessageSchema) });

export const ReportListQuery = Type.Object(
  {
    within: Type.Optional(Type.String({ maxLength: 64, description: 'jurisdiction code; default: your whole scope' })),
    status: Type.Optional(Status),
    type: Type.Optional(EventType),
    from: Type.Optional(Type.String({ maxLength: 40, description: 'reported at or after (ISO-8601)' })),
    to: Type.Optional(Type.String({ maxLength: 40, description: 'reported before (ISO-8601)' })),
    late: Type.Optional(Type.Boolean({ description: 'true: only reports filed after their deadline' })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 64, description: 'nextCursor of the previous page' })),
    format: Type.Optional(Type.Literal('csv')),
  },
  { additionalProperties: false },
);

export const ReportPage = Type.Object({ items: Type.Array(ReportSchema), nextCursor: Nullable(Type.String()) });

export const TimelinessQuery = Type.Object(
  {
    within: Type.Optional(Type.String({ maxLength: 64 })),
    from: Type.Optional(Type.String({ maxLength: 40 })),
    to: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);

const UnitTimeliness = Type.Object({ code: Type.String(), name: Type.String(), total: Type.Integer(), late: Type.Integer(), onTimeRate: Type.Number() });
export const TimelinessSchema = Type.Object({ units: Type.Array(UnitTimeliness), lateUnits: Type.Array(UnitTimeliness) });

export const MessageCreateBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: LIMITS.messageMax }) }, { additionalProperties: false });
export const AccessCodeQuery = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40, description: 'the access code from the receipt' }) }, { additionalProperties: false });

export const PublicReceiptSchema = Type.Object({
  receiptNo: Type.String(),
  type: EventType,
  status: Status,
  reportedAt: Type.String(),
  placeUnmatched: Type.Boolean(),
  messages: Type.Array(MessageSchema),
});

export const LimitSchema = Type.Object({
  reportType: EventType,
  limitMinutes: Nullable(Type.Integer()),
  isFixed: Type.Boolean({ description: 'disease limits are fixed by regulation' }),
  updatedAt: Nullable(Type.String()),
});
export const LimitList = Type.Object({ items: Type.Array(LimitSchema) });
export const SetLimitBody = Type.Object({ limitMinutes: Nullable(Type.Integer({ minimum: 1, maximum: 43200 })) }, { additionalProperties: false });

export const RegisterReporterBody = Type.Object(
  {
    displayName: Type.String({ minLength: 1, maxLength: LIMITS.nameMax }),
    declaredField: Type.Enum(DECLARED_FIELDS),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 32 }))),
    email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
    jurisdictionCode: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  },
  { additionalProperties: false },
);

export const ReporterSchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum(REPORTER_KINDS),
  displayName: Type.String(),
  declaredField: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  jurisdictionCode: Nullable(Type.String()),
  hasToken: Type.Boolean(),
  createdAt: Type.String(),
});
export const RegisteredReporter = Type.Object({ id: Type.String(), token: Type.String({ description: 'send as X-Reporter-Token; shown only once' }), declaredField: Type.String() });
export const ReporterPage = Type.Object({ items: Type.Array(ReporterSchema), nextCursor: Nullable(Type.String()) });
export const ReporterListQuery = Type.Object(
  { within: Type.Optional(Type.String({ maxLength: 64 })), limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }), cursor: Type.Optional(Type.String({ maxLength: 64 })) },
  { additionalProperties: false },
);
export const UpdateReporterBody = Type.Object(
  {
    declaredField: Type.Optional(Type.Enum(DECLARED_FIELDS)),
    jurisdictionCode: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
    revokeToken: Type.Optional(Type.Literal(true, { description: 'the reporter token stops working' })),
  },
  { additionalProperties: false },
);
