/** One sample of a usage series. */
export interface Point {
  /** Sample time, epoch milliseconds. */
  t: number;
  /** Amount used at `t` (IP addresses). */
  v: number;
}

export interface ForecastInput {
  /** Samples in ascending time order; gaps, irregular spacing, NaN and outliers are tolerated. */
  series: Point[];
  /** Exhaustion happens when used reaches this amount (free = capacity - used reaches 0). */
  capacity: number;
  /** Forecast origin, epoch ms. Default: time of the last sample. Later samples are ignored. */
  now?: number;
  /** How far ahead to look, ms. Default: DEFAULT_HORIZON_MS (90 days). */
  horizonMs?: number;
}

export type ForecastStatus =
  "exhausts" | "not-expected" | "insufficient-data" | "already-exhausted";

export type ForecastMethod = "robust-linear" | "damped-trend" | "daily-seasonal";

export interface PathPoint {
  t: number;
  /** Central projected usage. */
  v: number;
  /** Lower edge of the 80 % band. */
  lo: number;
  /** Upper edge of the 80 % band. */
  hi: number;
}

export interface BacktestScore {
  method: string;
  /** Mean absolute error of held-out usage at the exhaustion-relevant lead time, in IPs. */
  error: number;
  /** The same error expressed as hours of current growth; absent when usage does not grow. */
  errorHours?: number;
}

export interface Forecast {
  status: ForecastStatus;
  method: ForecastMethod | "none";
  /** Central estimate of the exhaustion time, epoch ms. */
  exhaustsAt: number | null;
  /** Earliest end of the 80 % interval, epoch ms. */
  low: number | null;
  /** Latest end of the 80 % interval, epoch ms; null means beyond the horizon. */
  high: number | null;
  /** Plain sentence for the UI: why this method and why this status. */
  reason: string;
  /** Projected usage with its 80 % band, for charts. */
  path?: PathPoint[];
  /** Backtest scores that chose the method, best first. */
  backtest?: BacktestScore[];
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Default look-ahead: a quarter is about as far as capacity planning for subnets reaches. */
export const DEFAULT_HORIZON_MS = 90 * DAY_MS;

/** Below this span the series cannot separate a trend from noise or a daily swing. */
export const MIN_SPAN_MS = 6 * HOUR_MS;

/** Fewest finite samples a forecast needs. */
export const MIN_POINTS = 12;

/** Shortest history on which the daily-seasonal model is fitted (needs repeated days). */
export const MIN_SEASONAL_SPAN_MS = 3 * DAY_MS;

/** Coverage of the reported interval. */
export const INTERVAL_COVERAGE = 0.8;
