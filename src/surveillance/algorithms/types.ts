/**
 * Shared shapes of the detection algorithms. Every algorithm is a pure function over a plain
 * array of counts (index 0 = time point 1) and returns one point per monitored time point.
 */

/** One time point of a detection result, as R's `surveillance` reports it. */
export interface DetectionPoint {
  /** 1-based position in the input series, as in R. */
  readonly index: number;
  readonly observed: number;
  /**
   * The threshold the count was compared with; null when the point is not monitored (too little
   * history, Farrington's limit54) or when R's arithmetic gives NA/NaN there (e.g. EARS C3 with a
   * zero standard deviation and minSigma 0).
   */
  readonly upperbound: number | null;
  /** False whenever upperbound is null: a point that is not monitored never alarms. */
  readonly alarm: boolean;
}

/**
 * Time points to report, 1-based and inclusive like R's `control$range`. Omitted ends take the
 * method's default (R's default range where R has one).
 */
export interface DetectionRange {
  readonly from?: number;
  readonly to?: number;
}

/** A point that is reported but not monitored: never a silent zero. */
export function notMonitored(index: number, observed: number): DetectionPoint {
  return { index, observed, upperbound: null, alarm: false };
}
