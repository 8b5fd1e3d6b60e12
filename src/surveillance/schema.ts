import { Type, type Static } from 'typebox';
import { DETECTION_METHODS } from './methods.js';
import { FREQUENCIES } from './periods.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Code = Type.String({ minLength: 1, maxLength: 64, description: 'jurisdiction code' });
const Period = Type.String({ maxLength: 10, description: 'YYYY-MM-DD (day series) or ISO week YYYY-Www (week series)' });
const Frequency = Type.Enum([...FREQUENCIES]);
const Params = Type.Record(Type.String({ maxLength: 40 }), Type.Union([Type.Number(), Type.Boolean(), Type.String({ maxLength: 40 })]), {
  description: "the method's parameters, named after R's control list (baseline, alpha, minSigma; b, w, …, thresholdMethod, and epochAsDate: true to choose Farrington's reference weeks by date as R does for an sts with dates; k, h, m, trans, reset; years, percentile)",
});
const MethodConfigSchema = Type.Object({ method: Type.Enum([...DETECTION_METHODS]), params: Params }, { additionalProperties: false });
const MethodConfigInput = Type.Object({ method: Type.String({ maxLength: 40 }), params: Type.Optional(Params) }, { additionalProperties: false });

export const SeriesSchema = Type.Object({
  id: Type.String(),
  jurisdictionCode: Type.String(),
  jurisdictionName: Nullable(Type.String()),
  indicator: Type.String(),
  frequency: Frequency,
  timeZone: Type.String(),
  methods: Type.Array(MethodConfigSchema),
  fromReports: Type.Boolean(),
});
export type SeriesBody = Static<typeof SeriesSchema>;

export const SeriesListResponse = Type.Object({ items: Type.Array(SeriesSchema), methods: Type.Array(Type.Enum([...DETECTION_METHODS]), { description: 'every method a series can be configured with' }) });

export const CatalogQuery = Type.Object({ within: Type.Optional(Code) }, { additionalProperties: false });

export const CreateSeriesBody = Type.Object(
  {
    jurisdictionCode: Code,
    indicator: Type.String({ minLength: 1, maxLength: 64, description: 'a report type (disease_case, …) or another indicator name' }),
    frequency: Frequency,
    timeZone: Type.Optional(Type.String({ maxLength: 64, description: 'IANA zone days are counted in (default Asia/Shanghai)' })),
    methods: Type.Optional(Type.Array(MethodConfigInput, { maxItems: 10 })),
    fromReports: Type.Optional(Type.Boolean({ description: 'count verified reports of type `indicator` in the unit’s subtree, by day reported' })),
  },
  { additionalProperties: false },
);

export const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const SetMethodsBody = Type.Object({ methods: Type.Array(MethodConfigInput, { maxItems: 10 }) }, { additionalProperties: false });

export const UploadCountsBody = Type.Object(
  {
    rows: Type.Optional(Type.Array(Type.Object({ period: Type.Optional(Type.Any()), count: Type.Optional(Type.Any()) }, { additionalProperties: false }), { description: '{period, count} rows; errors name the row (rows[3] is the third)' })),
    csv: Type.Optional(Type.String({ maxLength: 2_000_000, description: 'CSV with a header naming "period" and "count"; errors name the line' })),
  },
  { additionalProperties: false },
);
export const UploadCountsResponse = Type.Object({ stored: Type.Integer() });

export const RollupQuery = Type.Object(
  {
    jurisdiction: Code,
    indicator: Type.String({ minLength: 1, maxLength: 64 }),
    frequency: Type.Optional(Frequency),
    from: Type.Optional(Period),
    to: Type.Optional(Period),
  },
  { additionalProperties: false },
);
const CountSchema = Type.Object({ period: Type.String(), count: Type.Integer() });
export const RollupResponse = Type.Object({
  jurisdictionCode: Type.String(),
  indicator: Type.String(),
  frequency: Frequency,
  seriesId: Nullable(Type.String({ description: 'the unit’s own series; null when the counts sum the series below it' })),
  sources: Type.Array(Type.Object({ seriesId: Type.String(), jurisdictionCode: Type.String() })),
  counts: Type.Array(CountSchema),
});

export const DetectBody = Type.Object(
  {
    method: Type.String({ maxLength: 40 }),
    params: Type.Optional(Params),
    from: Type.Optional(Period),
    to: Type.Optional(Period),
  },
  { additionalProperties: false },
);
export const DetectResponse = Type.Array(
  Type.Object({
    index: Type.Integer({ description: '1-based position in the series (its first stored period is 1)' }),
    period: Type.String(),
    observed: Type.Number(),
    upperbound: Nullable(Type.Number({ description: 'null: not monitored (too little history)' })),
    alarm: Type.Boolean(),
  }),
);

export const AlarmsQuery = Type.Object(
  {
    within: Code,
    seriesId: Type.Optional(Type.String({ maxLength: 64 })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  },
  { additionalProperties: false },
);
export const AlarmSchema = Type.Object({
  id: Type.String(),
  seriesId: Type.String(),
  period: Type.String(),
  methods: Type.Array(Type.String()),
  observed: Type.Number(),
  upperbound: Type.Number(),
  jurisdictionCode: Type.String(),
  jurisdictionName: Nullable(Type.String()),
  indicator: Type.String(),
  signalId: Type.String(),
  clusterId: Type.String(),
  raisedAt: Type.String(),
});
export const AlarmListResponse = Type.Object({ items: Type.Array(AlarmSchema) });

export const DetectNowBody = Type.Object({ jurisdictionCode: Code }, { additionalProperties: false });
export const DetectNowResponse = Type.Object({ seriesChecked: Type.Integer(), alarmsRaised: Type.Integer(), clustersOpened: Type.Integer(), countsUpdated: Type.Integer() });
