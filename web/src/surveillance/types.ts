/** Shapes of the surveillance API (src/surveillance/schema.ts). */
export type ParamValue = number | boolean | string;

export interface MethodConfig {
  method: string;
  params: Record<string, ParamValue>;
}

export interface Series {
  id: string;
  jurisdictionCode: string;
  jurisdictionName: string | null;
  indicator: string;
  frequency: 'day' | 'week';
  timeZone: string;
  methods: MethodConfig[];
  fromReports: boolean;
}

export interface DetectionPoint {
  index: number;
  period: string;
  observed: number;
  upperbound: number | null;
  alarm: boolean;
}

export interface CountRow {
  period: string;
  count: number;
}

export interface Alarm {
  id: string;
  seriesId: string;
  period: string;
  methods: string[];
  observed: number;
  upperbound: number;
  jurisdictionCode: string;
  jurisdictionName: string | null;
  indicator: string;
  signalId: string;
  clusterId: string;
  raisedAt: string;
}

/** Each method's parameters and their kinds (src/surveillance/methods.ts METHOD_PARAMS). */
export type ParamKind = 'number' | 'boolean' | 'string' | 'number-or-string';
export const METHOD_PARAMS: Readonly<Record<string, Readonly<Record<string, ParamKind>>>> = {
  'ears-c1': { baseline: 'number', alpha: 'number', minSigma: 'number' },
  'ears-c2': { baseline: 'number', alpha: 'number', minSigma: 'number' },
  'ears-c3': { baseline: 'number', alpha: 'number', minSigma: 'number' },
  farrington: {
    b: 'number',
    w: 'number',
    freq: 'number',
    reweight: 'boolean',
    weightsThreshold: 'number',
    alpha: 'number',
    trend: 'boolean',
    pThresholdTrend: 'number',
    limit54: 'string',
    powertrans: 'string',
    noPeriods: 'number',
    pastWeeksNotIncluded: 'number',
    thresholdMethod: 'string',
    epochAsDate: 'boolean',
  },
  cusum: { k: 'number', h: 'number', m: 'number-or-string', trans: 'string', alpha: 'number', reset: 'boolean' },
  percentile: { years: 'number', percentile: 'number' },
};

/** How many latest periods the chart shows for CUSUM, which has no default range. */
export const CUSUM_CHART_WINDOW = 28;
